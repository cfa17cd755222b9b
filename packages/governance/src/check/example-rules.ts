import type { TypeNode } from '@charter/schema';
import type { OperationSpec, RegistryEntry } from '@charter/spec';
import type { CheckContext } from './check-context.ts';
import { validateExample } from './example-validator.ts';

/** Checks that every acceptance example's input is valid input and its output a valid partial output. */
export function checkExamples(ctx: CheckContext): void {
	for (const entry of ctx.entries) {
		if (entry.spec.kind !== 'command' && entry.spec.kind !== 'query') continue;
		const spec = entry.spec as OperationSpec;
		(spec.acceptance?.examples ?? []).forEach((example, index) => {
			const at = `acceptance.examples[${index}]`;
			const name = `example "${example.key}"`;
			validate(
				ctx,
				entry,
				spec.io.input,
				example.input,
				`${at}.input`,
				name,
				'example-input-valid',
			);
			if (example.output !== undefined) {
				validate(
					ctx,
					entry,
					spec.io.output,
					example.output,
					`${at}.output`,
					name,
					'example-output-valid',
				);
			}
		});
	}
}

function validate(
	ctx: CheckContext,
	entry: RegistryEntry,
	node: TypeNode,
	value: unknown,
	field: string,
	name: string,
	ruleId: 'example-input-valid' | 'example-output-valid',
): void {
	let issues: ReturnType<typeof validateExample>;
	try {
		issues = validateExample(node, value, { partial: ruleId === 'example-output-valid' });
	} catch (error) {
		ctx.report(
			ruleId,
			entry,
			field,
			`${name}: the schema cannot be used: ${(error as Error).message}`,
		);
		return;
	}
	for (const issue of issues) {
		const where = issue.path ? `${field}${issue.path.replaceAll('/', '.')}` : field;
		const actual = valueAt(value, issue.path);
		const shown = actual === undefined ? '' : ` ${JSON.stringify(actual)}`;
		ctx.report(ruleId, entry, where, `${name}:${shown} ${issue.message}`.replace(/\s+/g, ' '));
	}
}

function valueAt(value: unknown, pointer: string): unknown {
	let current = value;
	for (const raw of pointer.split('/').slice(1)) {
		const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<string, unknown>)[segment];
	}
	return current;
}
