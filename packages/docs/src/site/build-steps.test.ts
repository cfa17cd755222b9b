import { expect, test } from 'vitest';
import { type BuildSteps, runSteps, runStepsInSlices } from './build-steps.ts';

function* count(to: number, busyMs: number): BuildSteps<number> {
	let sum = 0;
	for (let i = 1; i <= to; i++) {
		const until = performance.now() + busyMs;
		while (performance.now() < until);
		sum += i;
		yield;
	}
	return sum;
}

test('runSteps and runStepsInSlices give the same result', async () => {
	expect(runSteps(count(10, 0))).toBe(55);
	expect(await runStepsInSlices(count(10, 0))).toBe(55);
});

test('in slices, a timer set before the build fires while it runs, not after', async () => {
	let firedDuringBuild = false;
	let building = true;
	setTimeout(() => {
		firedDuringBuild = building;
	}, 0);
	// 40 steps of 2 ms: about 80 ms of work, in slices of about 10 ms.
	await runStepsInSlices(count(40, 2));
	building = false;
	expect(firedDuringBuild).toBe(true);
});
