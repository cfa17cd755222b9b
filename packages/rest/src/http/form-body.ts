/*
 * Form bodies (`application/x-www-form-urlencoded`, `multipart/form-data`) as input objects of
 * strings: a repeated name becomes a list, values are coerced by the input's types afterwards.
 */

export const FORM_TYPE = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;
export const MULTIPART_TYPE = /^multipart\/form-data\s*;/i;

/** The members of a form body; a name given more than once is a list. */
export async function formBodyMembers(
	text: string,
	contentType: string,
): Promise<Record<string, unknown> | undefined> {
	const entries: [string, string][] = [];
	if (FORM_TYPE.test(contentType)) {
		for (const pair of new URLSearchParams(text)) entries.push(pair);
	} else {
		let form: FormData;
		try {
			form = await new Response(text, { headers: { 'content-type': contentType } }).formData();
		} catch {
			return undefined;
		}
		for (const [name, value] of form) {
			entries.push([name, typeof value === 'string' ? value : await value.text()]);
		}
	}
	// A null-prototype object spread into a plain one: a `__proto__` name stays a key, for the
	// executor's unsafe-key check, instead of setting a prototype.
	const members: Record<string, unknown> = Object.create(null);
	for (const [name, value] of entries) {
		const had = members[name];
		members[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
	}
	return { ...members };
}
