// Media types of request and response bodies: which one of a content map is read, and the
// examples it carries that are not kept.
import type { RestBodyMediaType } from '@charter/spec';
import { child } from '../document/json-pointer.ts';
import { isObject } from '../document/openapi-source.ts';
import type { ImportReport } from '../report/import-report.ts';

/** Gives the schema of the media type a content map is read as. */
export function contentSchema(content: unknown): unknown {
	return pickMedia(content)?.schema;
}

/** Picks the JSON media type of a content map (else a form, else the first). */
export function pickMedia(
	content: unknown,
): { type: string; schema: unknown; json: boolean } | undefined {
	if (!isObject(content)) return undefined;
	const types = Object.keys(content);
	const json =
		types.find((t) => /^application\/json\b/i.test(t)) ?? types.find((t) => /[/+]json\b/i.test(t));
	const type = json ?? types.find((t) => /form/i.test(t)) ?? types[0];
	if (type === undefined) return undefined;
	const media = content[type];
	const schema = isObject(media) ? media.schema : undefined;
	if (schema === undefined) return undefined;
	return { type, schema, json: json !== undefined };
}

/** Reports examples of a media type: Charter keeps examples on fields, not on bodies. */
export function reportMediaExamples(
	report: ImportReport,
	holder: unknown,
	type: string,
	at: string,
): void {
	const media = isObject(holder) && isObject(holder.content) ? holder.content[type] : undefined;
	if (isObject(media) && (media.example !== undefined || media.examples !== undefined)) {
		report.add(
			'dropped',
			child(at, 'content', type, media.example !== undefined ? 'example' : 'examples'),
			'body examples are not kept (field examples are); add them as acceptance examples with their expected output',
		);
	}
}

/**
 * The media types of a request body Charter reads (JSON of any `+json` flavour as
 * `application/json`, URL-encoded and multipart forms), in document order, and the others.
 */
export function bodyMediaTypes(content: unknown): {
	read: RestBodyMediaType[];
	unread: string[];
} {
	const read = new Set<RestBodyMediaType>();
	const unread: string[] = [];
	for (const type of isObject(content) ? Object.keys(content) : []) {
		if (/^application\/json\b|[/+]json\b/i.test(type)) read.add('application/json');
		else if (/^application\/x-www-form-urlencoded\b/i.test(type))
			read.add('application/x-www-form-urlencoded');
		else if (/^multipart\/form-data\b/i.test(type)) read.add('multipart/form-data');
		else unread.push(type);
	}
	return { read: [...read], unread };
}
