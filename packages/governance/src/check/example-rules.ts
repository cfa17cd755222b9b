import { compileValidator, type FieldNode, type TypeNode, type Validator } from '@charter/schema';
import type { OperationSpec, RegistryEntry } from '@charter/spec';
import type { CheckContext } from './check-context.ts';

const validators = new Map<string, Validator<unknown>>();

/** Compiles (once per distinct type) a validator that rejects undeclared keys. */
function validatorFor(node: TypeNode): Validator<unknown> {
	const id = JSON.stringify(node);
	let validator = validators.get(id);
	if (!validator) {
		validator = compileValidator(node, { unknownKeys: 'reject' });
		validators.set(id, validator);
	}
	return validator;
}

/**
 * Makes every model field optional, all the way down, so an example output can show only
 * the fields it cares about. A discriminated union keeps its tag required.
 */
export function deepPartial(node: TypeNode, keep?: string): TypeNode {
	switch (node.kind) {
		case 'model': {
			const fields: Record<string, FieldNode> = {};
			for (const [name, field] of Object.entries(node.fields)) {
				fields[name] = {
					...field,
					isOptional: name === keep ? field.isOptional : true,
					type: deepPartial(field.type),
				};
			}
			return { ...node, name: `${node.name}Partial`, fields };
		}
		case 'array':
			return { ...node, items: deepPartial(node.items) };
		case 'record':
			return { ...node, values: deepPartial(node.values) };
		case 'union':
			return {
				...node,
				...(node.name ? { name: `${node.name}Partial` } : {}),
				variants: node.variants.map((v) => deepPartial(v, node.discriminator)),
			};
		default:
			return node;
	}
}

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
					deepPartial(spec.io.output),
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
	let validator: Validator<unknown>;
	try {
		validator = validatorFor(node);
	} catch (error) {
		ctx.report(
			ruleId,
			entry,
			field,
			`${name}: the schema cannot be compiled: ${(error as Error).message}`,
		);
		return;
	}
	// Validation may fill defaults in place; never touch the contract's own example.
	const result = validator.validate(structuredClone(value));
	if (result.ok) return;
	for (const issue of result.issues) {
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
