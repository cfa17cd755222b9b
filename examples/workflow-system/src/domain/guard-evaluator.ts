import { GuardExpressionError } from './guard-error.ts';
import { type GuardLiteral, type GuardNode, parseGuard } from './guard-parser.ts';

/** What a guard reads: the instance context (JSON data). */
export type GuardContext = Readonly<Record<string, unknown>>;

/**
 * Evaluates a parsed guard against a context. Semantics, chosen to be strict and predictable:
 * - a path reads own properties only (never the prototype); a missing value is `null`;
 * - `==` / `!=` compare literals strictly (no coercion; objects and lists are never equal);
 * - `<`, `<=`, `>`, `>=` need two numbers or two strings, else TYPE_MISMATCH;
 * - `and`, `or`, `not` need booleans (short-circuit), else TYPE_MISMATCH;
 * - the result must be a boolean.
 */
export function evaluateGuard(node: GuardNode, context: GuardContext): boolean {
	const result = evaluate(node, context);
	if (typeof result !== 'boolean') {
		throw new GuardExpressionError(
			'TYPE_MISMATCH',
			node.position,
			`a guard must give true or false, not ${describe(result)}`,
		);
	}
	return result;
}

/**
 * Parses and evaluates a guard in one call.
 *
 * @example checkGuard('amount > 1000', { amount: 1500 }) // true
 */
export function checkGuard(source: string, context: GuardContext): boolean {
	return evaluateGuard(parseGuard(source), context);
}

function evaluate(node: GuardNode, context: GuardContext): unknown {
	switch (node.kind) {
		case 'literal':
			return node.value;
		case 'path':
			return readPath(context, node.segments);
		case 'not':
			return !booleanOf(evaluate(node.operand, context), node.position, 'not');
		case 'logical': {
			const left = booleanOf(evaluate(node.left, context), node.position, node.operator);
			if (node.operator === 'and' ? !left : left) return left;
			return booleanOf(evaluate(node.right, context), node.position, node.operator);
		}
		case 'in': {
			const value = evaluate(node.value, context);
			const found = node.list.some((item) => item === value);
			return node.negated ? !found : found;
		}
		case 'compare':
			return compare(node, evaluate(node.left, context), evaluate(node.right, context));
	}
}

function compare(node: Extract<GuardNode, { kind: 'compare' }>, left: unknown, right: unknown) {
	switch (node.operator) {
		case '==':
			return isLiteral(left) && left === right;
		case '!=':
			return !(isLiteral(left) && left === right);
		default: {
			const comparable =
				(typeof left === 'number' && typeof right === 'number') ||
				(typeof left === 'string' && typeof right === 'string');
			if (!comparable) {
				throw new GuardExpressionError(
					'TYPE_MISMATCH',
					node.position,
					`${node.operator} needs two numbers or two strings, not ${describe(left)} and ${describe(right)}`,
				);
			}
			const a = left as number | string;
			const b = right as number | string;
			if (node.operator === '<') return a < b;
			if (node.operator === '<=') return a <= b;
			if (node.operator === '>') return a > b;
			return a >= b;
		}
	}
}

function readPath(context: GuardContext, segments: readonly string[]): unknown {
	let current: unknown = context;
	for (const segment of segments) {
		if (typeof current !== 'object' || current === null || Array.isArray(current)) return null;
		if (!Object.hasOwn(current, segment)) return null;
		current = (current as Record<string, unknown>)[segment];
	}
	return current === undefined ? null : current;
}

function booleanOf(value: unknown, position: number, operator: string): boolean {
	if (typeof value === 'boolean') return value;
	throw new GuardExpressionError(
		'TYPE_MISMATCH',
		position,
		`${operator} needs true or false, not ${describe(value)}`,
	);
}

function isLiteral(value: unknown): value is GuardLiteral {
	return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
	return `${typeof value} ${String(value)}`;
}
