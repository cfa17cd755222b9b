/** Gives the page path of an operation. */
export function operationPath(key: string, version: string): string {
	return `operations/${key}@${version}.html`;
}

/** Gives the page path of an event. */
export function eventPath(key: string, version: string): string {
	return `events/${key}@${version}.html`;
}

/** Gives the index anchor of a feature's group. */
export function featureAnchor(key: string): string {
	return `index.html#feature-${key}`;
}
