/**
 * Every method of a client (the typed client or a generated SDK) as a dotted path, sorted:
 * each function, and the functions nested under it or under plain objects. The typed
 * client's `call` and `tryCall` are not contract methods and are left out.
 */
export function methodPaths(client: object): string[] {
	const paths: string[] = [];
	const walk = (node: object, prefix: string) => {
		for (const [name, value] of Object.entries(node)) {
			if (prefix === '' && (name === 'call' || name === 'tryCall')) continue;
			const path = prefix ? `${prefix}.${name}` : name;
			if (typeof value === 'function') paths.push(path);
			if ((typeof value === 'function' || typeof value === 'object') && value !== null) {
				walk(value, path);
			}
		}
	};
	walk(client, '');
	return paths.sort();
}
