import { describe, expect, it } from 'vitest';
import { highlightTypeScript } from './highlight-html.ts';
import {
	extractDefinition,
	indexDefinitions,
	tokenize,
	withoutInternalComments,
} from './ts-tokenizer.ts';

describe('tokenize', () => {
	it('classifies keywords, strings, comments, numbers, properties and types', () => {
		const kinds = tokenize("// hi\nexport const A = { key: 'a;b', n: 12 };")
			.filter((t) => t.kind !== 'space')
			.map((t) => `${t.kind}:${t.text}`);
		expect(kinds).toEqual([
			'comment:// hi',
			'keyword:export',
			'keyword:const',
			'type:A',
			'punctuation:=',
			'punctuation:{',
			'property:key',
			'punctuation::',
			"string:'a;b'",
			'punctuation:,',
			'property:n',
			'punctuation::',
			'number:12',
			'punctuation:}',
			'punctuation:;',
		]);
	});

	it('never loses a character, even on unfinished input', () => {
		const source = "const s = 'open\n/* never closed ` \\";
		expect(
			tokenize(source)
				.map((t) => t.text)
				.join(''),
		).toBe(source);
	});
});

describe('extractDefinition', () => {
	const source =
		"import x from 'y';\n/** Doc. */\nexport const A = f({ a: ';', b: [1, 2] });\nexport const B = 2;\n";

	it('cuts the named export with its doc comment, ignoring semicolons in strings', () => {
		expect(extractDefinition(source, 'A')).toBe(
			"/** Doc. */\nexport const A = f({ a: ';', b: [1, 2] });",
		);
	});

	it('indexes every export of a module without semicolons in one pass', () => {
		const bare = '/** A. */\nexport const A = f({\n  x: 1,\n})\nexport const B = [1]\n';
		expect(Object.fromEntries(indexDefinitions(bare))).toEqual({
			A: '/** A. */\nexport const A = f({\n  x: 1,\n})',
			B: 'export const B = [1]',
		});
	});

	it('gives the whole file when the export is not found', () => {
		expect(extractDefinition(source, 'Missing')).toBe(source);
	});
});

describe('highlightTypeScript', () => {
	it('escapes HTML inside tokens', () => {
		expect(highlightTypeScript("const a = '<b>';")).toBe(
			'<span class="tok-keyword">const</span> a = <span class="tok-string">&#39;&lt;b&gt;&#39;</span>;',
		);
	});
});

describe('withoutInternalComments', () => {
	it('keeps the leading doc comment and drops the comments inside the definition', () => {
		const source = [
			'/** Pauses an instance. */',
			'export const Pause = defineCommand({',
			'\t// TODO(ops): revisit after the incident',
			"\tmeta: { key: 'a.b' }, // internal note",
			'\t/* legacy */ io: {},',
			'});',
		].join('\n');
		expect(withoutInternalComments(source)).toBe(
			[
				'/** Pauses an instance. */',
				'export const Pause = defineCommand({',
				"\tmeta: { key: 'a.b' },",
				'\tio: {},',
				'});',
			].join('\n'),
		);
	});
});
