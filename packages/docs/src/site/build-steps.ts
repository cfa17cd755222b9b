import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Work written as a generator that yields between pages: run to the end at once
 * (`runSteps`), or in slices that give the event loop back between them (`runStepsInSlices`),
 * so a server can build its site while it answers requests. One code path for both.
 */
export type BuildSteps<T> = Generator<void, T, void>;

/** Runs every step at once and gives the result. */
export function runSteps<T>(steps: BuildSteps<T>): T {
	let step = steps.next();
	while (!step.done) step = steps.next();
	return step.value;
}

/** How long a slice runs before the event loop gets a turn (ms). */
const SLICE_MS = 10;

/**
 * Runs the steps in slices of about 10 ms, yielding to the event loop (timers, I/O) between
 * slices: the result is the same as `runSteps`', later.
 */
export async function runStepsInSlices<T>(steps: BuildSteps<T>): Promise<T> {
	let sliceStart = performance.now();
	let step = steps.next();
	while (!step.done) {
		if (performance.now() - sliceStart >= SLICE_MS) {
			await nextTurn();
			sliceStart = performance.now();
		}
		step = steps.next();
	}
	return step.value;
}
