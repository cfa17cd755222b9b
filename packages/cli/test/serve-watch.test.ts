import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { FIXTURE } from './multi-node/serve-node.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const BIN = join(here, '../bin/charter.js');
// A copy inside the repository, so the project resolves Charter's packages as the fixture does.
const PROJECT = join(here, '.tmp', `watch-${randomUUID()}`);
cpSync(FIXTURE, PROJECT, { recursive: true });
afterAll(() => rmSync(PROJECT, { recursive: true, force: true }));

describe('charter serve --watch', () => {
	test('restarts on a change with a line saying so, waits out a broken handler file until it is fixed, and stops on SIGTERM', async () => {
		const child = spawn(
			process.execPath,
			[BIN, 'serve', '--watch', '--port', '0', '--db', 'sqlite::memory:'],
			{
				cwd: PROJECT,
				env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
			},
		);
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
		const count = (pattern: RegExp) => output.match(new RegExp(pattern, 'g'))?.length ?? 0;
		const until = async (check: () => boolean, what: string) => {
			for (let i = 0; i < 900 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
			if (!check()) throw new Error(`waited for ${what}:\n${output}`);
		};
		const banners = () => count(/OpenAPI\s+http/);
		const handlers = join(PROJECT, 'src/handlers.ts');
		const original = readFileSync(handlers, 'utf8');
		try {
			await until(() => banners() === 1, 'the first start');
			// A broken save restarts the server, which fails; the watcher waits for the fix.
			writeFileSync(handlers, `${original}\nexport const broken = ;\n`);
			await until(
				() => /\[watch\] charter serve exited \(\d+\); waiting for a change/.test(output),
				'the failed start',
			);
			expect(output).toContain('[watch] src/handlers.ts changed: restarting charter serve');
			writeFileSync(handlers, original);
			await until(() => banners() === 2, 'the start after the fix');
			const base = /OpenAPI\s+(http:\/\/[^/\s]+)\/openapi\.json/g;
			const last = [...output.matchAll(base)].at(-1)![1]!;
			expect((await fetch(`${last}/healthz`)).status).toBe(200);
		} finally {
			child.kill('SIGTERM');
		}
		expect(await exited).toBe(0);
		expect(output).toContain('stopped');
	}, 180_000);
});
