import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRestServer } from '@charter/rest';
import { describe, expect, it } from 'vitest';
import { createTodoExecutor } from '../../rest/test/fixtures/todo-api.ts';
import { parseFlags } from '../src/args.ts';
import {
	resolveServerSettings,
	SERVER_SETTINGS,
	SETTING_FLAGS,
} from '../src/host/server-settings.ts';

/*
 * What the deploy guide says of examples/workflow-system/Dockerfile, checked on the file
 * itself: this machine runs no Docker daemon, so the image is not built here. The health
 * check's command is run as Docker would run it, against a real Charter server.
 */

const DOCKERFILE = fileURLToPath(
	new URL('../../../examples/workflow-system/Dockerfile', import.meta.url),
);

interface Stage {
	readonly from: string;
	readonly name: string | undefined;
	/** Instructions in order, continuation lines joined, comments dropped. */
	readonly lines: readonly { readonly op: string; readonly args: string }[];
}

function stages(text: string): Stage[] {
	const joined = text
		.split('\n')
		.filter((line) => !line.trimStart().startsWith('#'))
		.join('\n')
		.replace(/\\\n/g, ' ');
	const result: { from: string; name: string | undefined; lines: Stage['lines'][number][] }[] = [];
	for (const line of joined.split('\n')) {
		const match = /^(\w+)\s+(.*)$/.exec(line.trim());
		if (!match) continue;
		const [, op, args] = match as unknown as [string, string, string];
		if (op.toUpperCase() === 'FROM') {
			const [from, as, name] = args.split(/\s+/);
			result.push({ from: from!, name: as?.toUpperCase() === 'AS' ? name : undefined, lines: [] });
		} else result.at(-1)?.lines.push({ op: op.toUpperCase(), args });
	}
	return result;
}

const all = stages(readFileSync(DOCKERFILE, 'utf8'));
const build = all[0]!;
const final = all.at(-1)!;
const of = (stage: Stage, op: string) => stage.lines.filter((l) => l.op === op).map((l) => l.args);

/** The ENV of a stage as variables (`ENV A=1 B=2`). */
function envOf(stage: Stage): Record<string, string> {
	const env: Record<string, string> = {};
	for (const args of of(stage, 'ENV'))
		for (const pair of args.split(/\s+/).filter(Boolean)) {
			const [key, value] = pair.split('=');
			env[key!] = value ?? '';
		}
	return env;
}

/** Runs the HEALTHCHECK's exec-form command; resolves with its exit code. */
function runHealthcheck(env: Record<string, string>): Promise<number> {
	const healthcheck = of(final, 'HEALTHCHECK')[0]!;
	const command = JSON.parse(healthcheck.slice(healthcheck.indexOf('CMD') + 3)) as string[];
	expect(command[0]).toBe('node');
	return new Promise((resolve) => {
		execFile(process.execPath, command.slice(1), { env: { ...process.env, ...env } }, (error) =>
			resolve(error ? Number(error.code ?? 1) : 0),
		);
	});
}

describe('the example Dockerfile', () => {
	it('builds in one stage and runs the compiled output with production dependencies in another, as a user that is not root', () => {
		expect(all).toHaveLength(2);
		expect(build.name).toBe('build');
		const buildRuns = of(build, 'RUN').join('\n');
		expect(buildRuns).toMatch(/npm ci\b/);
		expect(buildRuns).toMatch(/charter build\b/);
		expect(buildRuns).toMatch(/npm prune --omit=dev\b/);
		// The run stage starts from a base image, not from the build stage, and takes its output.
		expect(final.from).toBe(build.from);
		expect(of(final, 'COPY').every((args) => args.includes('--from=build'))).toBe(true);
		expect(of(final, 'RUN')).toEqual([]);
		// Not root: USER names someone else before the command runs.
		const user = final.lines.findIndex((l) => l.op === 'USER');
		expect(user).toBeGreaterThan(-1);
		expect(final.lines[user]!.args).not.toMatch(/^(root|0)(:|$)/);
		expect(user).toBeLessThan(final.lines.findIndex((l) => l.op === 'CMD'));
		// The compiled server `charter build` writes (build/server.mjs), run by plain node.
		expect(JSON.parse(of(final, 'CMD')[0]!)).toEqual(['node', 'build/server.mjs']);
		expect(of(final, 'WORKDIR').at(-1)).toBe('/app/examples/workflow-system');
	});

	it('sets only real settings, which resolve: every interface, the exposed port, production', () => {
		const env = envOf(final);
		expect(env.NODE_ENV).toBe('production');
		const known = Object.values(SERVER_SETTINGS).flatMap((spec) => spec.env);
		const charterKeys = Object.keys(env).filter((key) => key.startsWith('CHARTER_'));
		expect(charterKeys.length).toBeGreaterThan(0);
		for (const key of charterKeys) expect(known, key).toContain(key);
		const { settings, sources } = resolveServerSettings(
			parseFlags([], SETTING_FLAGS),
			env,
			undefined,
		);
		expect(settings.host).toBe('0.0.0.0');
		expect(sources.host).toBe('CHARTER_HOST');
		expect(String(settings.port)).toBe(of(final, 'EXPOSE')[0]);
	});

	it("has a HEALTHCHECK that passes while Charter's /healthz answers, and fails once it does not", async () => {
		expect(of(final, 'HEALTHCHECK')[0]).toContain('/healthz');
		const server = createRestServer(createTodoExecutor(), { openapi: false });
		const { port } = await server.listen(0);
		try {
			expect(await runHealthcheck({ CHARTER_PORT: String(port) })).toBe(0);
		} finally {
			await server.close();
		}
		expect(await runHealthcheck({ CHARTER_PORT: String(port) })).toBe(1);
	});
});
