import { listOf, ScalarTypeEnum } from '@charter/schema';
import { defineCommand, defineQuery, wireNames } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { buildSnippets } from './build-snippets.ts';

const Sum = defineQuery({
	meta: { key: 'numbers.sum', version: '1.0.0', description: 'Add numbers.' },
	io: { input: listOf(ScalarTypeEnum.Int()), output: ScalarTypeEnum.Int() },
	policy: { auth: 'anonymous' },
});
const Forget = defineCommand({
	meta: { key: 'notes.note.forget', version: '1.0.0', description: 'Forget a note.' },
	io: { input: ScalarTypeEnum.ID(), output: ScalarTypeEnum.Boolean() },
	policy: { auth: 'user' },
	transport: { rest: { method: 'DELETE' } },
});

describe('curl snippets', () => {
	it('send a query input that is not an object as repeated `input` parameters', () => {
		const { curl } = buildSnippets(Sum, wireNames(Sum), [2, 40]);
		expect(curl).toContain("'http://localhost:3000/v1/numbers/sum?input=2&input=40'");
	});

	it('send any command input, DELETE included, as the JSON body the server reads', () => {
		const { curl } = buildSnippets(Forget, wireNames(Forget), 'n1');
		expect(curl).toContain('curl -X DELETE');
		expect(curl).toContain(`-d '"n1"'`);
	});
});
