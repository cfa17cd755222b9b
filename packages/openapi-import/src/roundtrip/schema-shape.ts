type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Finds what a `$ref` names: an id (to detect cycles), the schema, and the context (file)
 * further refs inside it resolve from. `context` is the one of the schema holding the ref.
 */
export type RefLookup = (
	ref: string,
	context?: string,
) => { id: string; value: unknown; context?: string } | undefined;

const FORMATS: Record<string, string> = {
	date: 'date',
	'date-time': 'date-time',
	time: 'time',
	email: 'email',
	uri: 'uri',
	url: 'uri',
	uuid: 'uuid',
};
const NUMBER_CONSTRAINTS = ['minimum', 'maximum', 'multipleOf'];
/** The constraints that mean something for each type (validators ignore the others too). */
const CONSTRAINTS: Record<string, readonly string[]> = {
	string: ['minLength', 'maxLength', 'pattern'],
	integer: NUMBER_CONSTRAINTS,
	number: NUMBER_CONSTRAINTS,
	array: ['minItems', 'maxItems'],
};

/**
 * Reduces a schema (OpenAPI 3.0 or 3.1, or Charter's export) to its wire shape (`cache` keeps
 * the shapes of refs across calls on one document), so two
 * documents can be compared modulo normalization: `$ref` naming, annotations, `oneOf` vs
 * `anyOf`, flattened `allOf`, the spelling of null, closed models. A recursive back-reference
 * is `any`, as the importer types it.
 */
export function schemaShape(
	schema: unknown,
	lookup: RefLookup,
	maxDepth = 8,
	cache: Map<string, unknown> = new Map(),
): unknown {
	const stack = new Set<string>();
	let context: string | undefined;
	// Cycles cut so far: a ref's shape is cached (by target and depth) only when none was cut
	// inside it, since such a shape depends on the refs being walked around it.
	let cuts = 0;
	const walk = (s: unknown, depth: number): unknown => {
		if (depth > maxDepth) return '...';
		if (!isObject(s)) return 'any';
		if (typeof s.$ref === 'string') {
			const target = lookup(s.$ref, context);
			if (!target) return `broken:${s.$ref}`;
			if (stack.has(target.id)) {
				cuts++;
				return 'any';
			}
			const key = `${depth}@${target.id}`;
			if (cache.has(key)) return cache.get(key);
			const cutsBefore = cuts;
			stack.add(target.id);
			const outer = context;
			context = target.context ?? context;
			const out = walk(target.value, depth);
			context = outer;
			stack.delete(target.id);
			if (cuts === cutsBefore) cache.set(key, out);
			return out;
		}
		let nullable = s.nullable === true;
		const finish = (shape: unknown) => (nullable ? { nullable: shape } : shape);
		if (Array.isArray(s.allOf)) {
			const merged: Json = { type: 'object', properties: {}, required: [] };
			const collect = (member: unknown, level: number) => {
				let m = member;
				const seen = new Set<string>();
				while (isObject(m) && typeof m.$ref === 'string') {
					const t = lookup(m.$ref, context);
					if (!t || seen.has(t.id) || level > 16) return;
					seen.add(t.id);
					m = t.value;
				}
				if (!isObject(m)) return;
				if (isObject(m.properties)) Object.assign(merged.properties as Json, m.properties);
				if (Array.isArray(m.required)) (merged.required as unknown[]).push(...m.required);
				if (Array.isArray(m.allOf)) for (const x of m.allOf) collect(x, level + 1);
			};
			collect({ ...s, allOf: undefined }, 0);
			for (const m of s.allOf) collect(m, 0);
			if (s.allOf.length === 1 && !isObject(s.properties)) return finish(walk(s.allOf[0], depth));
			return finish(walk(merged, depth));
		}
		const alternatives = Array.isArray(s.oneOf)
			? s.oneOf
			: Array.isArray(s.anyOf)
				? s.anyOf
				: undefined;
		if (alternatives) {
			const variants: unknown[] = [];
			for (const v of alternatives) {
				if (isObject(v) && (v.type === 'null' || v.const === null)) nullable = true;
				else {
					const shape = walk(v, depth + 1);
					if (isObject(shape) && 'nullable' in shape && Object.keys(shape).length === 1) {
						nullable = true;
						variants.push(shape.nullable);
					} else variants.push(shape);
				}
			}
			if (variants.length === 1) return finish(variants[0]);
			return finish({ anyOf: variants.map((v) => JSON.stringify(v)).sort() });
		}
		if (s.const !== undefined) return s.const === null ? 'null' : { const: s.const };
		if (Array.isArray(s.enum)) {
			if (s.enum.includes(null)) nullable = true;
			const values = s.enum.filter((v) => v !== null);
			return finish(
				values.length === 1 ? { const: values[0] } : { enum: values.map(String).sort() },
			);
		}
		let types =
			typeof s.type === 'string'
				? [s.type]
				: Array.isArray(s.type)
					? [...(s.type as string[])]
					: [];
		if (types.includes('null')) {
			nullable = true;
			types = types.filter((t) => t !== 'null');
			if (types.length === 0) return 'null';
		}
		if (types.length > 1)
			return finish({
				anyOf: types
					.map((t) => JSON.stringify(walk({ ...s, type: t, nullable: false }, depth)))
					.sort(),
			});
		const type =
			types[0] ??
			(s.properties || s.additionalProperties ? 'object' : s.items ? 'array' : undefined);
		const constraints: Json = {};
		for (const key of CONSTRAINTS[type ?? ''] ?? [])
			if (typeof s[key] === 'number' || typeof s[key] === 'string') constraints[key] = s[key];
		for (const [flag, bound] of [
			['exclusiveMinimum', 'minimum'],
			['exclusiveMaximum', 'maximum'],
		] as const) {
			if (type !== 'integer' && type !== 'number') break;
			if (typeof s[flag] === 'number') constraints[flag] = s[flag];
			else if (s[flag] === true && typeof s[bound] === 'number') {
				constraints[flag] = s[bound];
				delete constraints[bound];
			}
		}
		const withConstraints = (shape: Json) =>
			Object.keys(constraints).length > 0 ? { ...shape, ...constraints } : shape;
		switch (type) {
			case 'string': {
				const format = typeof s.format === 'string' ? FORMATS[s.format] : undefined;
				return finish(withConstraints({ type: 'string', ...(format ? { format } : {}) }));
			}
			case 'integer':
			case 'number':
			case 'boolean':
				return finish(withConstraints({ type }));
			case 'array':
				return finish(
					withConstraints({ array: Array.isArray(s.items) ? 'any' : walk(s.items, depth + 1) }),
				);
			case 'object': {
				const props = isObject(s.properties) ? s.properties : {};
				if (Object.keys(props).length === 0) {
					if (isObject(s.additionalProperties))
						return finish({ record: walk(s.additionalProperties, depth + 1) });
					return finish(
						s.additionalProperties === false ? { properties: {}, required: [] } : 'object',
					);
				}
				const properties: Json = {};
				for (const name of Object.keys(props).sort())
					properties[name] = walk(props[name], depth + 1);
				const required = Array.isArray(s.required)
					? [...new Set(s.required.map(String))].filter((r) => r in props).sort()
					: [];
				return finish({ properties, required });
			}
			default:
				return finish('any');
		}
	};
	return walk(schema, 0);
}
