import { type JsonSchema, toJsonSchema } from '@charter/schema';
import {
	type ContractSpec,
	type RegistryEntry,
	type RegistryKind,
	registryKind,
	type WireNames,
	wireNames,
} from '@charter/spec';
import type { Output } from '../output/output.ts';

/** What `charter inspect --json` prints for one contract: identity, origin, wire names, schemas, IR. */
export interface ContractView {
	readonly kind: RegistryKind;
	readonly key: string;
	readonly version: string;
	readonly file?: string;
	readonly exportName?: string;
	/** Every version of this key in the project, oldest first. */
	readonly versions?: readonly string[];
	readonly wire?: WireNames;
	readonly schemas: Readonly<Record<string, JsonSchema>>;
	/** The contract's IR, exactly as the registry holds it. */
	readonly spec: ContractSpec;
}

/** Builds the inspect view of a registered contract. */
export function toContractView(entry: RegistryEntry, versions?: readonly string[]): ContractView {
	const { spec, file, exportName } = entry;
	return {
		kind: registryKind(spec),
		key: spec.meta.key,
		version: spec.meta.version,
		...(file ? { file } : {}),
		...(exportName ? { exportName } : {}),
		...(versions ? { versions } : {}),
		...(spec.kind === 'command' || spec.kind === 'query' ? { wire: wireNames(spec) } : {}),
		schemas: schemasOf(spec),
		spec,
	};
}

function schemasOf(spec: ContractSpec): Record<string, JsonSchema> {
	switch (spec.kind) {
		case 'command':
		case 'query':
			return { input: toJsonSchema(spec.io.input), output: toJsonSchema(spec.io.output) };
		case 'event':
			return { payload: toJsonSchema(spec.payload) };
		case 'feature':
			return {};
	}
}

/** Prints a contract for people: header, meta, wire names, policy, errors, events, schemas. */
export function renderContractView(out: Output, view: ContractView): void {
	const { style } = out;
	const { spec } = view;
	const { meta } = spec;
	out.line(`${style.cyan(spec.kind)} ${style.bold(`${view.key}@${view.version}`)}`);
	const rows: [string, string | undefined][] = [
		['stability', meta.stability],
		['title', meta.title],
		['description', meta.description],
		['goal', meta.goal],
		['context', meta.context],
		['owners', meta.owners.join(', ') || undefined],
		['tags', meta.tags.join(', ') || undefined],
		['file', view.file && `${view.file}${view.exportName ? ` (export ${view.exportName})` : ''}`],
		['versions', view.versions && view.versions.length > 1 ? view.versions.join(', ') : undefined],
		[
			'deprecated',
			meta.deprecation &&
				[
					meta.deprecation.since && `since ${meta.deprecation.since}`,
					meta.deprecation.replacedBy && `use ${meta.deprecation.replacedBy}`,
					meta.deprecation.sunset && `sunset ${meta.deprecation.sunset}`,
				]
					.filter(Boolean)
					.join(', '),
		],
	];
	for (const [label, value] of rows) {
		if (value) out.line(`  ${style.dim(label.padEnd(12))}${value}`);
	}
	if (view.wire) {
		section(out, 'wire');
		out.line(`  REST     ${view.wire.rest.method} ${view.wire.rest.path}`);
		out.line(`  GraphQL  ${view.wire.graphql.type}.${view.wire.graphql.field}`);
		out.line(`  MCP      ${view.wire.mcp.tool}`);
	}
	if (spec.kind === 'command' || spec.kind === 'query') {
		const { policy } = spec;
		section(out, 'policy');
		out.line(`  auth ${policy.auth}`);
		if (policy.roles?.allOf?.length) out.line(`  roles (all of) ${policy.roles.allOf.join(', ')}`);
		if (policy.roles?.anyOf?.length) out.line(`  roles (any of) ${policy.roles.anyOf.join(', ')}`);
		if (policy.permissions?.length) out.line(`  permissions ${policy.permissions.join(', ')}`);
		if (policy.tenant) out.line(`  tenant ${policy.tenant}`);
		if (policy.rules?.length) out.line(`  rules ${policy.rules.join(', ')}`);
		const errors = Object.entries(spec.errors);
		if (errors.length > 0) {
			section(out, 'errors');
			for (const [code, e] of errors)
				out.line(`  ${code} ${style.dim(String(e.status))} ${e.description}`);
		}
		if (spec.sideEffects.emits.length > 0) {
			section(out, 'events');
			for (const emit of spec.sideEffects.emits) {
				out.line(
					`  ${emit.key}@${emit.version}${emit.when ? style.dim(`  when ${emit.when}`) : ''}`,
				);
			}
		}
		if (spec.sideEffects.audit.length > 0) {
			section(out, 'audit');
			out.line(`  ${spec.sideEffects.audit.join(', ')}`);
		}
		const { scenarios, examples } = spec.acceptance;
		if (scenarios.length + examples.length > 0) {
			section(out, 'acceptance');
			for (const s of scenarios) out.line(`  scenario ${s.key}`);
			for (const e of examples) out.line(`  example ${e.key}`);
		}
	}
	if (spec.kind === 'feature') {
		section(out, 'members');
		for (const m of spec.members) out.line(`  ${m.kind} ${m.key}@${m.version}`);
	}
	for (const [name, schema] of Object.entries(view.schemas)) {
		section(out, `${name} schema`);
		for (const line of JSON.stringify(schema, null, 2).split('\n')) out.line(`  ${line}`);
	}
}

function section(out: Output, title: string): void {
	out.line(`\n${out.style.bold(title)}`);
}
