import type {
	DocsPage,
	EventPage,
	Fact,
	FieldRow,
	ModelPage,
	OperationPage,
	TypeRef,
	TypeSection,
} from '../../model/page-model.ts';

/** Escapes Markdown syntax in plain text. */
export function escapeMarkdown(text: string): string {
	return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

const e = escapeMarkdown;
const code = (text: string) => `\`${text.replaceAll('`', "'")}\``;
const mdLink = (text: string, href: string) =>
	`[${e(text)}](${href.replace(/\.html(#|$)/, '.md$1')})`;
/** Markdown pages sit in the same folders as the HTML pages, so links go up one level. */
const up = (href: string) => `../${href}`;

function typeText(type: TypeRef): string {
	return type.href ? mdLink(type.text, up(type.href)) : code(type.text);
}

function facts(list: readonly Fact[]): string[] {
	return list.map((f) => `- **${f.label}:** ${e(f.value)}`);
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
	return [
		`| ${head.join(' | ')} |`,
		`| ${head.map(() => '---').join(' | ')} |`,
		...rows.map((r) => `| ${r.join(' | ')} |`),
	];
}

function fieldTable(fields: readonly FieldRow[]): string[] {
	return table(
		['Name', 'Type', 'Required', 'Nullable', 'Description', 'Constraints and values'],
		fields.map((f) => [
			code(f.name),
			typeText(f.type),
			f.required ? 'yes' : 'no',
			f.nullable ? 'yes' : 'no',
			e(f.description ?? ''),
			[
				...f.constraints.map(e),
				...(f.enumValues.length > 0
					? [`one of ${f.enumValues.map((v) => code(v.value)).join(', ')}`]
					: []),
			].join('; '),
		]),
	);
}

function typeSection(section: TypeSection): string[] {
	return [
		`Type: ${typeText(section.type)}${section.description ? `. ${e(section.description)}` : ''}`,
		'',
		...(section.fields.length > 0 ? fieldTable(section.fields) : []),
	];
}

function fence(language: string, text: string): string[] {
	const ticks = text.includes('```') ? '~~~~' : '```';
	return [`${ticks}${language}`, text, ticks];
}

function operation(page: OperationPage): string[] {
	const out = [`# ${e(page.title)}`, ''];
	if (page.deprecation) out.push(`> **Deprecated.** ${e(page.deprecation.message)}`, '');
	if (page.description) out.push(e(page.description), '');
	out.push(...facts(page.facts), '');
	if (page.goal) out.push('## Goal', '', e(page.goal), '');
	if (page.context) out.push('## Context', '', e(page.context), '');
	out.push(
		'## Wire names',
		'',
		...table(
			['Surface', 'Name'],
			[
				['REST', code(`${page.wire.rest.method} ${page.wire.rest.path}`)],
				['GraphQL', code(`${page.wire.graphql.type}.${page.wire.graphql.field}`)],
				['MCP tool', code(page.wire.mcp.tool)],
			],
		),
		'',
	);
	out.push(
		'## Input',
		'',
		...typeSection(page.input),
		'',
		'## Output',
		'',
		...typeSection(page.output),
		'',
	);
	out.push(
		'## Policy',
		'',
		`Who may call it: **${e(page.policy.auth)}**.`,
		'',
		...page.policy.sentences.map((s) => `- ${e(s)}`),
		'',
	);
	if (page.errors.length > 0) {
		out.push(
			'## Errors',
			'',
			...table(
				['Code', 'HTTP status', 'When'],
				page.errors.map((x) => [code(x.code), String(x.status), e(x.description)]),
			),
			'',
		);
	}
	if (page.events.length > 0) {
		out.push('## Emitted events', '');
		for (const ev of page.events) {
			const name = ev.href ? mdLink(ev.key, up(ev.href)) : code(ev.key);
			out.push(`- ${name} (v${e(ev.version)})${ev.when ? `: ${e(ev.when)}` : ''}`);
		}
		out.push('');
	}
	if (page.audit.length > 0)
		out.push('## Audit records', '', ...page.audit.map((a) => `- ${code(a)}`), '');
	if (page.scenarios.length > 0) {
		out.push('## Acceptance scenarios', '');
		for (const s of page.scenarios) {
			out.push(
				`### ${e(s.key)}`,
				'',
				`- **Given** ${e(s.given.join('; '))}`,
				`- **When** ${e(s.when.join('; '))}`,
				`- **Then** ${e(s.then.join('; '))}`,
				'',
			);
		}
	}
	if (page.examples.length > 0) {
		out.push(
			'## Acceptance examples',
			'',
			'An expected output names only the fields the example checks.',
			'',
		);
		for (const x of page.examples) {
			out.push(`### ${e(x.key)}`, '', 'Request', '', ...fence('json', x.request), '');
			if (x.response !== undefined)
				out.push('Expected output (checked fields)', '', ...fence('json', x.response), '');
			if (x.error) out.push(`Fails with ${code(x.error)}.`, '');
		}
	}
	out.push('## Request', '', 'Set `TOKEN` to a bearer token first.', '');
	out.push('### curl', '', ...fence('sh', page.snippets.curl), '');
	out.push('### TypeScript client', '', ...fence('ts', page.snippets.typescript), '');
	out.push('### GraphQL', '', ...fence('graphql', page.snippets.graphql.document), '');
	out.push('Variables', '', ...fence('json', page.snippets.graphql.variables), '');
	out.push('### MCP', '', ...fence('sh', page.snippets.mcp), '');
	if (page.responseExample !== undefined)
		out.push(
			'## Response',
			'',
			'200, a whole example of the output:',
			'',
			...fence('json', page.responseExample),
			'',
		);
	if (page.source)
		out.push(
			'## Source definition',
			'',
			`From ${code(page.source.file)}.`,
			'',
			...fence('ts', page.source.code),
			'',
		);
	if (page.features.length > 0)
		out.push('## Features', '', ...page.features.map((f) => `- ${e(f.text)}`), '');
	return out;
}

function event(page: EventPage): string[] {
	const out = [`# ${e(page.title)}`, ''];
	if (page.deprecation) out.push(`> **Deprecated.** ${e(page.deprecation.message)}`, '');
	if (page.description) out.push(e(page.description), '');
	out.push(...facts(page.facts), '', '## Payload', '');
	out.push(...(page.payload ? typeSection(page.payload) : ['No payload declared.']), '');
	if (page.emittedBy.length > 0) {
		out.push(
			'## Emitted by',
			'',
			...page.emittedBy.map(
				(x) => `- ${mdLink(x.text, up(x.href))}${x.when ? `: ${e(x.when)}` : ''}`,
			),
			'',
		);
	}
	if (page.source) out.push('## Source definition', '', ...fence('ts', page.source.code), '');
	return out;
}

function model(page: ModelPage): string[] {
	const out = [`# ${e(page.name)}`, ''];
	if (page.description) out.push(e(page.description), '');
	out.push(`- **Type:** ${page.typeKind}`, '');
	if (page.fields.length > 0) out.push('## Fields', '', ...fieldTable(page.fields), '');
	if (page.enumValues.length > 0) {
		out.push(
			'## Values',
			'',
			...table(
				['Value', 'Meaning'],
				page.enumValues.map((v) => [code(v.value), e(v.description ?? '')]),
			),
			'',
		);
	}
	if (page.variants.length > 0)
		out.push('## Variants', '', ...page.variants.map((v) => `- ${typeText(v)}`), '');
	out.push('## JSON Schema', '', ...fence('json', page.jsonSchema), '');
	if (page.usedBy.length > 0)
		out.push('## Used by', '', ...page.usedBy.map((u) => `- ${mdLink(u.text, up(u.href))}`), '');
	return out;
}

const renderers: { [K in DocsPage['kind']]: (page: Extract<DocsPage, { kind: K }>) => string[] } = {
	operation,
	event,
	model,
	guide: (page) => [page.markdown],
};

/** Renders one page of the model as Markdown (GitHub flavour), links pointing at sibling `.md` pages. */
export function renderMarkdownPage(page: DocsPage): string {
	const lines = (renderers[page.kind] as (p: DocsPage) => string[])(page);
	return `${lines
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trimEnd()}\n`;
}
