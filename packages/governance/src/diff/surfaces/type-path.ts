// Reads a finding's path (`$.input.items[*].status`, `$.output.shape<type=circle>.r`) back into
// the contract: its root, its steps, and the type node or field it names.
import type { FieldNode, TypeNode } from '@charter/schema';
import type { ContractSpec, OperationSpec } from '@charter/spec';
import { variantLabel } from '../union-variants.ts';

/** One step below a root: a model field, a list's items, a record's values, a union variant. */
export type PathStep =
	| { readonly kind: 'field'; readonly name: string }
	| { readonly kind: 'items' }
	| { readonly kind: 'values' }
	| { readonly kind: 'variant'; readonly label: string };

/** Where a path starts in a contract. */
export type PathRoot =
	| { readonly kind: 'input' | 'output' | 'payload' }
	| { readonly kind: 'error'; readonly code: string }
	| { readonly kind: 'emitted'; readonly event: string };

/** A finding's path split into its root and its steps; undefined for a path outside the types. */
export interface TypePath {
	readonly root: PathRoot;
	readonly steps: readonly PathStep[];
}

const STEP = /\.\*|\[\*\]|<([^>]*)>|\.([^.<[*]+)/y;

/** Splits a path into a root and steps; `emits` names the events an operation declares (keys have dots). */
export function parseTypePath(path: string, spec: ContractSpec): TypePath | undefined {
	let rest: string;
	let root: PathRoot;
	const simple = /^\$\.(input|output|payload)(?=$|[.[<])/.exec(path);
	if (simple) {
		root = { kind: simple[1] as 'input' | 'output' | 'payload' };
		rest = path.slice(simple[0].length);
	} else if (path.startsWith('$.errors.')) {
		const match = /^\$\.errors\.([^.]+)\.data(?=$|[.[<])/.exec(path);
		if (!match) return undefined;
		root = { kind: 'error', code: match[1]! };
		rest = path.slice(match[0].length);
	} else if (path.startsWith('$.sideEffects.emits.') && 'sideEffects' in spec) {
		const keys = (spec as OperationSpec).sideEffects.emits.map((e) => e.key);
		const key = keys
			.filter((k) => path.startsWith(`$.sideEffects.emits.${k}.payload`))
			.sort((a, b) => b.length - a.length)[0];
		if (key === undefined) return undefined;
		root = { kind: 'emitted', event: key };
		rest = path.slice(`$.sideEffects.emits.${key}.payload`.length);
	} else return undefined;
	const steps: PathStep[] = [];
	STEP.lastIndex = 0;
	while (STEP.lastIndex < rest.length) {
		const at = STEP.lastIndex;
		const m = STEP.exec(rest);
		if (!m || m.index !== at) return undefined;
		if (m[0] === '.*') steps.push({ kind: 'values' });
		else if (m[0] === '[*]') steps.push({ kind: 'items' });
		else if (m[1] !== undefined) steps.push({ kind: 'variant', label: m[1] });
		else steps.push({ kind: 'field', name: m[2]! });
	}
	return { root, steps };
}

/** The type node a root stands for in a contract, if the contract has it. */
export function rootNode(spec: ContractSpec, root: PathRoot): TypeNode | undefined {
	switch (root.kind) {
		case 'input':
			return 'io' in spec ? spec.io.input : undefined;
		case 'output':
			return 'io' in spec ? spec.io.output : undefined;
		case 'payload':
			return spec.kind === 'event' ? spec.payload : undefined;
		case 'error':
			return 'errors' in spec ? spec.errors[root.code]?.data : undefined;
		case 'emitted':
			return 'sideEffects' in spec
				? spec.sideEffects.emits.find((e) => e.key === root.event)?.payload
				: undefined;
	}
}

/** What a step reached: a node, and the field it came through when the step was a field. */
export interface PathTarget {
	readonly node: TypeNode;
	readonly field?: FieldNode;
}

/** Follows one step from a node; undefined when the node has no such step. */
export function step(node: TypeNode, s: PathStep, field?: FieldNode): PathTarget | undefined {
	switch (s.kind) {
		case 'field': {
			if (node.kind !== 'model') return undefined;
			const next = Object.hasOwn(node.fields, s.name) ? node.fields[s.name] : undefined;
			return next ? { node: next.type, field: next } : undefined;
		}
		case 'items':
			// A list field (`isArray`) keeps its item type as the field's type.
			if (field?.isArray) return { node };
			return node.kind === 'array' ? { node: node.items } : undefined;
		case 'values':
			return node.kind === 'record' ? { node: node.values } : undefined;
		case 'variant': {
			if (node.kind !== 'union') return undefined;
			const variant = node.variants.find((v) => variantLabel(v, node) === s.label);
			return variant ? { node: variant } : undefined;
		}
	}
}

/** The node and field a path names in a contract, or undefined where the contract lacks it. */
export function resolveTypePath(spec: ContractSpec, path: TypePath): PathTarget | undefined {
	const start = rootNode(spec, path.root);
	if (!start) return undefined;
	let target: PathTarget = { node: start };
	for (const s of path.steps) {
		const next = step(target.node, s, target.field);
		if (!next) return undefined;
		target = next;
	}
	return target;
}
