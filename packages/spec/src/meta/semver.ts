const SEMVER =
	/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export interface SemVer {
	readonly major: number;
	readonly minor: number;
	readonly patch: number;
	readonly prerelease: readonly string[];
}

/** Parses a semantic version (2.0.0 rules), or gives undefined. */
export function parseSemver(version: string): SemVer | undefined {
	const match = SEMVER.exec(version);
	if (!match) return undefined;
	return {
		major: Number(match[1]),
		minor: Number(match[2]),
		patch: Number(match[3]),
		prerelease: match[4] ? match[4].split('.') : [],
	};
}

/** Tells whether a string is a semantic version. */
export function isSemver(version: string): boolean {
	return SEMVER.test(version);
}

/** Orders two versions by semver precedence: negative, zero or positive. Invalid versions sort first. */
export function compareSemver(a: string, b: string): number {
	const x = parseSemver(a);
	const y = parseSemver(b);
	if (!x || !y) return x ? 1 : y ? -1 : a.localeCompare(b);
	return (
		x.major - y.major ||
		x.minor - y.minor ||
		x.patch - y.patch ||
		comparePrerelease(x.prerelease, y.prerelease)
	);
}

function comparePrerelease(a: readonly string[], b: readonly string[]): number {
	if (a.length === 0 || b.length === 0) return b.length - a.length;
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const p = a[i];
		const q = b[i];
		if (p === undefined || q === undefined) return p === undefined ? -1 : 1;
		if (p === q) continue;
		const pn = /^\d+$/.test(p);
		const qn = /^\d+$/.test(q);
		if (pn && qn) return Number(p) - Number(q);
		if (pn !== qn) return pn ? -1 : 1;
		return p < q ? -1 : 1;
	}
	return 0;
}

/** Gives the major version number of a valid semver string. */
export function majorOf(version: string): number {
	return parseSemver(version)?.major ?? 0;
}
