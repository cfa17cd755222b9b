// The auth policy of an imported operation, from its (or the document's) security requirements.
import { child } from '../document/json-pointer.ts';
import { isObject, type JsonObject } from '../document/openapi-source.ts';
import type { OperationScope } from './operation-scope.ts';

/** Tells whether an operation is open or needs a signed-in user; scopes are reported, not kept. */
export function operationAuth(
	scope: OperationScope,
	op: JsonObject,
	pointer: string,
): 'anonymous' | 'user' {
	const requirements = Array.isArray(op.security) ? op.security : scope.source.root.security;
	if (!Array.isArray(requirements) || requirements.length === 0) return 'anonymous';
	if (requirements.some((r) => isObject(r) && Object.keys(r).length === 0)) return 'anonymous';
	const scoped = requirements.some(
		(r) => isObject(r) && Object.values(r).some((s) => Array.isArray(s) && s.length > 0),
	);
	if (scoped) {
		scope.report.add(
			'dropped',
			Array.isArray(op.security) ? child(pointer, 'security') : '#/security',
			'security scopes are not enforced: the policy requires a signed-in user; add roles or permissions by hand',
		);
	}
	return 'user';
}
