import {
	AUTH_LEVELS,
	type ContractRegistry,
	type OperationSpec,
	pathParameters,
	type RegistryEntry,
	wireNames,
} from '@charter/spec';
import type { CheckContext } from './check-context.ts';

/** Checks emitted and audited events and feature members resolve against the registry. */
export function checkReferences(ctx: CheckContext, registry: ContractRegistry): void {
	for (const entry of ctx.entries) {
		const spec = entry.spec;
		if (spec.kind === 'command' || spec.kind === 'query') {
			const emits = spec.sideEffects?.emits ?? [];
			emits.forEach((emit, index) => {
				if (!emit.payload && !registry.get('event', emit.key, emit.version)) {
					ctx.report(
						'emitted-event-declared',
						entry,
						`sideEffects.emits[${index}]`,
						`event ${emit.key}@${emit.version} has no payload here and is not a registered event`,
					);
				}
			});
			(spec.sideEffects?.audit ?? []).forEach((audited, index) => {
				if (!emits.some((e) => e.key === audited) && !registry.latest('event', audited)) {
					ctx.report(
						'audited-event-declared',
						entry,
						`sideEffects.audit[${index}]`,
						`audit record ${audited} is neither emitted by this operation nor a registered event`,
					);
				}
			});
		}
		if (spec.kind === 'feature') {
			spec.members.forEach((member, index) => {
				if (!registry.get(member.kind, member.key, member.version)) {
					ctx.report(
						'feature-member-exists',
						entry,
						`members[${index}]`,
						`${member.kind} ${member.key}@${member.version} is not registered`,
					);
				}
			});
		}
	}
}

/** Checks policies are declared, wire names do not collide and path parameters exist in the input. */
export function checkWire(ctx: CheckContext): void {
	const taken = new Map<string, RegistryEntry>();
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
		const names = [
			[
				'REST route',
				`${wire.rest.method} ${wire.rest.path.replace(/\{[^}]+\}/g, '{}')}`,
				'transport.rest',
			],
			['GraphQL field', `${wire.graphql.type}.${wire.graphql.field}`, 'transport.graphql'],
			['MCP tool', wire.mcp.tool, 'transport.mcp'],
		] as const;
		for (const [surface, name, field] of names) {
			const id = `${surface}:${name}`;
			const first = taken.get(id);
			// Versions of one key within a major share their wire names by design.
			if (first && !sameLine(first.spec as OperationSpec, spec)) {
				ctx.report(
					'wire-name-unique',
					entry,
					field,
					`${surface} ${name} is also used by ${first.spec.meta.key}@${first.spec.meta.version}${first.file ? ` (${first.file})` : ''}`,
				);
			} else if (!first) {
				taken.set(id, entry);
			}
		}
		checkPathParameters(ctx, entry, spec, wire.rest.path);
	}
}

function sameLine(a: OperationSpec, b: OperationSpec): boolean {
	return a.meta.key === b.meta.key && a.meta.version.split('.')[0] === b.meta.version.split('.')[0];
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
