import {
	AUTH_LEVELS,
	type ContractRegistry,
	checkReferences as findReferenceIssues,
	findWireCollisions,
	type OperationSpec,
	pathParameters,
	type ReferenceIssue,
	type RegistryEntry,
	wireNames,
} from '@charter/spec';
import type { CheckContext } from './check-context.ts';
import type { CheckRuleId } from './check-rules.ts';

/** The governance rule of each reference issue `checkReferences` (in @charter/spec) finds. */
const REFERENCE_RULES: Readonly<Record<ReferenceIssue['code'], CheckRuleId>> = {
	'unknown-event': 'emitted-event-declared',
	'unknown-audit-event': 'audited-event-declared',
	'unknown-feature-member': 'feature-member-exists',
};

/**
 * Checks emitted and audited events and feature members resolve against the registry: the
 * one reference check of @charter/spec, each issue reported under its rule.
 */
export function checkReferences(ctx: CheckContext, registry: ContractRegistry): void {
	for (const entry of ctx.entries) {
		for (const issue of findReferenceIssues(registry, [entry])) {
			ctx.report(REFERENCE_RULES[issue.code], entry, issue.field, issue.message);
		}
	}
}

/** Checks policies are declared, wire names do not collide and path parameters exist in the input. */
export function checkWire(ctx: CheckContext): void {
	const wired: RegistryEntry<OperationSpec>[] = [];
	for (const entry of ctx.entries) {
		const spec = entry.spec;
		if (spec.kind !== 'command' && spec.kind !== 'query') continue;
		if (!spec.policy || !AUTH_LEVELS.includes(spec.policy.auth)) {
			ctx.report(
				'policy-declared',
				entry,
				'policy',
				'no policy: declare `policy: { auth: ... }` (operations are deny by default)',
			);
		}
		let wire: ReturnType<typeof wireNames>;
		try {
			wire = wireNames(spec);
		} catch {
			continue; // Malformed metadata is reported by the meta rules.
		}
		wired.push(entry as RegistryEntry<OperationSpec>);
		checkPathParameters(ctx, entry, spec, wire.rest.path);
	}
	for (const { second, first, field, surface, name } of findWireCollisions(wired)) {
		ctx.report(
			'wire-name-unique',
			second,
			field,
			`${surface} ${name} is also used by ${first.spec.meta.key}@${first.spec.meta.version}${first.file ? ` (${first.file})` : ''}`,
		);
	}
}

function checkPathParameters(
	ctx: CheckContext,
	entry: RegistryEntry,
	spec: OperationSpec,
	path: string,
): void {
	const input = spec.io.input;
	for (const name of pathParameters(path)) {
		if (input.kind !== 'model' || !input.fields[name]) {
			ctx.report(
				'path-parameter-in-input',
				entry,
				'transport.rest.path',
				`path parameter {${name}} in ${path} is not a field of the input`,
			);
		} else if (input.fields[name].isOptional) {
			ctx.report(
				'path-parameter-in-input',
				entry,
				`io.input.${name}`,
				`path parameter {${name}} must be a required field of the input`,
			);
		}
	}
}
