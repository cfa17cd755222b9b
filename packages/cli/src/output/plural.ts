/** Gives `1 contract`, `2 contracts`: the count and the noun, plural when needed. */
export function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
