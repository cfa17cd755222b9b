import { CONTRACT_CASES } from './contract-cases.ts';
import type { CorpusCase } from './corpus-case.ts';
import { FIELD_CASES } from './field-rows.ts';
import { LIFECYCLE_CASES } from './lifecycle-cases.ts';
import { SURFACE_CASES } from './surface-cases.ts';

/** Every labelled case: field changes, contract changes, surface rules, lifecycle and policy. */
export const CORPUS: readonly CorpusCase[] = [
	...FIELD_CASES,
	...CONTRACT_CASES,
	...SURFACE_CASES,
	...LIFECYCLE_CASES,
];
