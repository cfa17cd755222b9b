// The runtime and the SQL stores are imported when an example runs, not with this module: a
// project's config imports `@charter/cli`, and `charter check` or `diff` runs no example.
import type { AppDefinition, Logger, Principal, PrincipalInit, Stores } from '@charter/runtime';
import type { ValidationIssue } from '@charter/schema';
import type { ContractRegistry, Example, OperationSpec } from '@charter/spec';
import { type Mismatch, partialMismatches } from './partial-match.ts';

/** The instant every example runs at, so outputs with timestamps are reproducible. */
export const EXAMPLE_CLOCK = new Date('2026-01-01T00:00:00.000Z');

/** The result of one acceptance example. */
export interface ExampleReport {
	readonly operation: string;
	readonly version: string;
	readonly example: string;
	readonly passed: boolean;
	/** Why it failed: a problem, a mismatch, a missing fixture. */
	readonly reason?: string;
	readonly mismatches?: readonly Mismatch[];
}

/**
 * Where the examples run: `memory` (the runtime's memory stores), or `sqlite` (the SQL stores
 * on an SQLite database in memory, with the app's migrations: its real SQL repositories run).
 */
export type ExampleStores = 'memory' | 'sqlite';

/** The stores an app's examples run on by default: SQLite in memory for an app with tables of its own. */
export function defaultExampleStores(app: AppDefinition): ExampleStores {
	return (app.migrations?.length ?? 0) > 0 ? 'sqlite' : 'memory';
}

/** How `runExamples` runs. */
export interface RunExamplesOptions {
	/** {@link defaultExampleStores} unless given. */
	readonly stores?: ExampleStores;
}

/**
 * Runs every acceptance example through the executor against a fresh app (fresh stores,
 * fixed clock, sequential ids) prepared by the example's fixture, and compares the output
 * with the example as a partial, or the problem code with the example's `error`. An app that
 * declares `migrations` runs on SQLite in memory (a new database per example), so its SQL
 * repositories are the ones tested; others on the memory stores.
 */
export async function runExamples(
	registry: ContractRegistry,
	app: AppDefinition,
	options: RunExamplesOptions = {},
): Promise<ExampleReport[]> {
	const stores = options.stores ?? defaultExampleStores(app);
	const reports: ExampleReport[] = [];
	for (const { spec } of registry.operations()) {
		for (const example of spec.acceptance.examples) {
			reports.push(await runExample(registry, app, spec, example, stores));
		}
	}
	return reports;
}

/** Fresh stores for one example (as `charter test` opens them), and how to close them. */
export async function openExampleStores(
	app: AppDefinition,
	kind: ExampleStores = defaultExampleStores(app),
): Promise<{ stores: Stores; close: () => Promise<void> }> {
	if (kind === 'memory') {
		const { createMemoryStores } = await import('@charter/runtime');
		return { stores: createMemoryStores(), close: async () => {} };
	}
	const { createStores } = await import('@charter/sql');
	const stores = await createStores({ url: 'sqlite::memory:', migrations: app.migrations ?? [] });
	return { stores, close: () => stores.close() };
}

/**
 * Runs one acceptance example: a fresh app (fresh stores, fixed clock, sequential ids), the
 * fixture of the example (or of its scenario), then the input through the executor as the
 * fixture's principal; the output must match the example as a partial, or the problem code
 * its `error`.
 */
export async function runExample(
	registry: ContractRegistry,
	app: AppDefinition,
	spec: OperationSpec,
	example: Example,
	kind: ExampleStores = defaultExampleStores(app),
): Promise<ExampleReport> {
	const at = { operation: spec.meta.key, version: spec.meta.version, example: example.key };
	const { createExecutor, sequentialIds } = await import('@charter/runtime');
	const contractBugs = contractBugRecorder();
	const { stores, close } = await openExampleStores(app, kind);
	let instance: Awaited<ReturnType<AppDefinition['create']>>;
	try {
		instance = await app.create({
			stores,
			clock: () => new Date(EXAMPLE_CLOCK),
			newId: sequentialIds(),
		});
	} catch (error) {
		await close();
		throw error;
	}
	try {
		if (!instance.bindings.some((binding) => binding.contract === spec)) {
			return {
				...at,
				passed: false,
				reason: `no handler bound for ${spec.meta.key}@${spec.meta.version}: add implement(${spec.meta.key}, …) to the app's bindings (charter new writes a stub)`,
			};
		}
		const fixture =
			instance.fixtures?.[example.key] ??
			(example.scenario ? instance.fixtures?.[example.scenario] : undefined);
		await fixture?.given?.();
		const principal = fixture?.principal ? toPrincipal(fixture.principal) : undefined;
		const executor = createExecutor({
			contracts: registry,
			bindings: instance.bindings,
			...(instance.middleware ? { middleware: instance.middleware } : {}),
			deciders: instance.deciders ?? {},
			contextProvider: () => principal,
			// The app's stores: its handlers' writes and the commit share one transaction.
			stores,
			clock: () => new Date(EXAMPLE_CLOCK),
			logger: contractBugs.logger,
			// Other operations may still lack handlers; this example's has one (checked above).
			serveUnimplemented: true,
		});
		const result = await executor.execute({
			operation: spec.meta.key,
			version: spec.meta.version,
			input: structuredClone(example.input),
			metadata: { transport: 'test' },
		});
		// A contract bug first: an expected error raised with bad data is a bug, not a pass or a mismatch.
		if (!result.ok && result.problem.code === 'OUTPUT_CONTRACT_VIOLATION') {
			return { ...at, passed: false, reason: contractBugReason(contractBugs.bugs) };
		}
		if (example.error !== undefined) {
			if (!result.ok && result.problem.code === example.error) return { ...at, passed: true };
			const got = result.ok
				? 'a success'
				: `${result.problem.code} (${result.problem.detail ?? result.problem.title})`;
			return { ...at, passed: false, reason: `expected error ${example.error}, got ${got}` };
		}
		if (!result.ok && result.problem.code === 'UNAUTHENTICATED' && !principal) {
			return {
				...at,
				passed: false,
				reason: `UNAUTHENTICATED: the example ran anonymously; give it a principal in the app's fixtures (fixtures: { '${example.key}': { principal: { id: 'dev' } } })`,
			};
		}
		if (!result.ok) {
			const issues = result.problem.issues?.map((i) => ` ${i.path} ${i.message}`).join(';') ?? '';
			return {
				...at,
				passed: false,
				reason: `${result.problem.code}: ${result.problem.detail ?? result.problem.title}${issues}`,
			};
		}
		const mismatches =
			example.output === undefined ? [] : partialMismatches(example.output, result.output);
		return mismatches.length === 0
			? { ...at, passed: true }
			: { ...at, passed: false, reason: 'output does not match the example', mismatches };
	} finally {
		await instance.close?.();
		await close();
	}
}

/**
 * A silent logger that keeps the issues of an output the handler returned against its
 * contract, which the executor logs and does not expose (the caller sees an internal error).
 */
/** A contract bug the runtime logged while an example ran: its message, error code and issues. */
interface LoggedBug {
	readonly message: string;
	readonly code?: string;
	readonly issues: readonly ValidationIssue[];
}

function contractBugRecorder(): { logger: Logger; bugs: LoggedBug[] } {
	const bugs: LoggedBug[] = [];
	// No `child`: bound loggers then merge their fields into each line, which reaches `error`.
	const logger: Logger = {
		debug() {},
		info() {},
		warn() {},
		// pino's order: fields first, then the message.
		error(fields: unknown, message?: unknown) {
			const logged = fields as { issues?: readonly ValidationIssue[]; code?: unknown } | undefined;
			if (typeof message !== 'string' || !message.startsWith('contract bug: ')) return;
			bugs.push({
				message: message.slice('contract bug: '.length),
				...(typeof logged?.code === 'string' ? { code: logged.code } : {}),
				issues: Array.isArray(logged?.issues) ? logged.issues : [],
			});
		},
	};
	return { logger, bugs };
}

/**
 * Says what broke the contract: the output (with each issue's JSON pointer), the error data
 * of a raised error, or another bug the runtime logged.
 */
function contractBugReason(bugs: readonly LoggedBug[]): string {
	const bug = bugs[0];
	if (!bug) return "the handler's output breaks the contract";
	const issues = bug.issues.map((i) => `${i.path || '/'} ${i.message}`).join('; ');
	const what =
		bug.message === 'the data of a raised error breaks its declaration'
			? `the error data of ${bug.code} breaks its declaration`
			: bug.message === 'handler output breaks its contract'
				? "the handler's output breaks the contract"
				: `${bug.message}${bug.code ? ` (${bug.code})` : ''}`;
	return issues ? `${what}: ${issues}` : what;
}

function toPrincipal(init: PrincipalInit): Principal {
	return { roles: [], permissions: [], ...init };
}
