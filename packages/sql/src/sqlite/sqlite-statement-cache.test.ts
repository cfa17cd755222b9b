import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './sqlite-statement-cache.ts';

describe('withStatementCache', () => {
	it('hands out the same prepared statement for the same SQL', () => {
		const db = withStatementCache(new Database(':memory:'));
		const a = db.prepare('select 1 as one');
		expect(db.prepare('select 1 as one')).toBe(a);
		expect(db.prepare('select 2 as two')).not.toBe(a);
		db.close();
	});

	it('keeps only the most recently used statements', () => {
		const db = withStatementCache(new Database(':memory:'), 2);
		const one = db.prepare('select 1');
		const two = db.prepare('select 2');
		db.prepare('select 1');
		const three = db.prepare('select 3');
		// `select 2` was the least recently used: evicted; `select 1` stayed.
		expect(db.prepare('select 1')).toBe(one);
		expect(db.prepare('select 3')).toBe(three);
		expect(db.prepare('select 2')).not.toBe(two);
		db.close();
	});

	it('prepares a fresh statement while the cached one is still iterating', () => {
		const db = withStatementCache(new Database(':memory:'));
		const sql = 'select value from json_each(?)';
		const outer = db.prepare(sql);
		const seen: unknown[] = [];
		for (const row of outer.iterate(['[1,2]']) as Iterable<{ value: number }>) {
			const inner = db.prepare(sql);
			expect(inner).not.toBe(outer);
			seen.push(row.value, (inner.all(['[9]']) as { value: number }[])[0]?.value);
		}
		expect(seen).toEqual([1, 9, 2, 9]);
		db.close();
	});
});
