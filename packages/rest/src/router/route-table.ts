import type { OperationPlan } from '@charter/runtime';

interface Route {
	readonly plan: OperationPlan;
	readonly method: string;
	/**
	 * Literal segments, `undefined` where a whole segment is a path parameter, and a pattern
	 * where parameters share a segment with literal text (`{Sid}.json`, `{from}..{to}`).
	 */
	readonly segments: readonly (string | RegExp | undefined)[];
	readonly params: readonly string[];
}

const WHOLE_PARAMETER = /^\{([^}]+)\}$/;
const PARAMETER = /\{([^}]+)\}/g;

/** A segment as matched: literal, a whole parameter, or a pattern capturing its parameters. */
function segmentOf(part: string, params: string[]): string | RegExp | undefined {
	const whole = WHOLE_PARAMETER.exec(part);
	if (whole) {
		params.push(whole[1]!);
		return undefined;
	}
	if (!part.includes('{')) return part;
	let source = '';
	let last = 0;
	for (const match of part.matchAll(PARAMETER)) {
		params.push(match[1]!);
		source += `${escapeRegExp(part.slice(last, match.index))}(.+?)`;
		last = match.index + match[0].length;
	}
	return new RegExp(`^${source}${escapeRegExp(part.slice(last))}$`);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a path leads: a plan with its path parameters, a path without this method, or nowhere. */
export type RouteMatch =
	| {
			readonly kind: 'found';
			readonly plan: OperationPlan;
			readonly params: Record<string, string>;
	  }
	| { readonly kind: 'method-not-allowed'; readonly allow: readonly string[] }
	| { readonly kind: 'not-found' }
	| { readonly kind: 'bad-path' };

/** Routes requests to plans by REST method and path template. */
export interface RouteTable {
	match(method: string, path: string): RouteMatch;
	/** Methods served at a path (with HEAD for GET, and OPTIONS), or undefined when none. */
	allowed(path: string): string[] | undefined;
}

/** Builds the route table of the served plans, once. */
export function createRouteTable(plans: readonly OperationPlan[]): RouteTable {
	const routes: Route[] = plans.map((plan) => {
		const parts = plan.wire.rest.path.split('/').slice(1);
		const params: string[] = [];
		const segments = parts.map((part) => segmentOf(part, params));
		return { plan, method: plan.wire.rest.method, segments, params };
	});

	// Routes without parameters are found by their path at once; only the others are scanned.
	const literal = new Map<string, Route[]>();
	const parametric: Route[] = [];
	for (const route of routes) {
		if (route.params.length > 0) parametric.push(route);
		else
			literal.set(route.plan.wire.rest.path, [
				...(literal.get(route.plan.wire.rest.path) ?? []),
				route,
			]);
	}

	// The most specific route first, segment by segment: literal text before a parameter that
	// shares its segment with text, before a whole-segment parameter (`/{a}/Local.json`, then
	// `/{a}/{Sid}.json`, then `/{a}/{b}`), as a literal path is before all of them.
	const rank = (segment: string | RegExp | undefined) =>
		typeof segment === 'string' ? 0 : segment ? 1 : 2;
	parametric.sort((a, b) => {
		for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
			const order = rank(a.segments[i]) - rank(b.segments[i]);
			if (order !== 0) return order;
		}
		// A total order (routes of different lengths never compete, but the sort needs one).
		return a.segments.length - b.segments.length;
	});

	const candidates = (path: string): { route: Route; values: string[] }[] | undefined => {
		const found: { route: Route; values: string[] }[] = [];
		for (const route of literal.get(path) ?? []) found.push({ route, values: [] });
		if (parametric.length === 0) return found;
		const parts = path.split('/').slice(1);
		for (const route of parametric) {
			if (route.segments.length !== parts.length) continue;
			const values: string[] = [];
			let ok = true;
			for (let i = 0; i < parts.length && ok; i++) {
				const want = route.segments[i];
				const got = parts[i]!;
				if (want === undefined) {
					if (got === '') ok = false;
					else {
						const decoded = safeDecode(got);
						if (decoded === undefined) return undefined;
						values.push(decoded);
					}
				} else if (typeof want === 'string') ok = want === got;
				else {
					const match = want.exec(got);
					if (!match) ok = false;
					else
						for (const raw of match.slice(1)) {
							const decoded = safeDecode(raw!);
							if (decoded === undefined) return undefined;
							values.push(decoded);
						}
				}
			}
			if (ok) found.push({ route, values });
		}
		return found;
	};

	const methodsOf = (found: { route: Route }[]) => {
		const methods = new Set(found.map((f) => f.route.method));
		if (methods.has('GET')) methods.add('HEAD');
		methods.add('OPTIONS');
		return [...methods].sort();
	};

	return {
		match(method, path) {
			const found = candidates(path);
			if (!found) return { kind: 'bad-path' };
			if (found.length === 0) return { kind: 'not-found' };
			const wanted = method === 'HEAD' ? 'GET' : method;
			const hit = found.find((f) => f.route.method === wanted);
			if (!hit) return { kind: 'method-not-allowed', allow: methodsOf(found) };
			const params: Record<string, string> = {};
			for (let i = 0; i < hit.route.params.length; i++) {
				params[hit.route.params[i]!] = hit.values[i]!;
			}
			return { kind: 'found', plan: hit.route.plan, params };
		},
		allowed(path) {
			const found = candidates(path);
			return found && found.length > 0 ? methodsOf(found) : undefined;
		},
	};
}

function safeDecode(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}
