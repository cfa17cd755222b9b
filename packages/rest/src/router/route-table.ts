import type { OperationPlan } from '@charter/runtime';

interface Route {
	readonly plan: OperationPlan;
	readonly method: string;
	/** Literal segments, and `undefined` where a path parameter goes. */
	readonly segments: readonly (string | undefined)[];
	readonly params: readonly string[];
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
		const segments = parts.map((part) => {
			const param = /^\{([^}]+)\}$/.exec(part);
			if (param) params.push(param[1]!);
			return param ? undefined : part;
		});
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
				} else ok = want === got;
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
