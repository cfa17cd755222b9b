// The page model of one operation: facts, wire names, input and output, policy, errors,
// emitted events, acceptance scenarios and examples, snippets and source.

import { completeExample, isObjectRoot, sampleValue } from '@charter/schema';
import {
	type ContractRegistry,
	type OperationSpec,
	type RegistryEntry,
	wireNames,
} from '@charter/spec';
import { deprecationOf } from './deprecation-banner.ts';
import { factsOf } from './page-facts.ts';
import type { OperationPage, PageLink, SourceSection } from './page-model.ts';
import { eventPath, operationPath } from './page-paths.ts';
import { describePolicy } from './policy-words.ts';

import { buildSnippets } from './snippets/build-snippets.ts';
import { compareText, type TypeCatalog } from './type-catalog.ts';
import { typeSection } from './type-describe.ts';

/** What an operation page links to besides its own contract. */
export interface OperationPageContext {
	readonly registry: ContractRegistry;
	readonly catalog: TypeCatalog;
	/** Features of each contract, by `kind:key@version`. */
	readonly featuresOf: Map<string, PageLink[]>;
	/** Tells whether an emitted event has a page (registered or declared inline). */
	readonly hasEventPage: (key: string, version: string) => boolean;
	/** Base URL used in the curl and client snippets. */
	readonly baseUrl: string | undefined;
}

/** Builds the page model of an operation. */
export function operationPage(
	entry: RegistryEntry<OperationSpec>,
	source: SourceSection | undefined,
	{ registry, catalog, featuresOf, hasEventPage, baseUrl }: OperationPageContext,
): OperationPage {
	const { spec } = entry;
	const { meta } = spec;
	const wire = wireNames(spec);
	// Snippets and the try-it panel start from the first example that succeeds, so that they
	// show a call that works.
	const examples = spec.acceptance.examples;
	const success = examples.find((e) => e.error === undefined);
	const input = (success ?? examples[0])?.input ?? sampleValue(spec.io.input);
	const output =
		(success?.output !== undefined ? completeExample(spec.io.output, success.output) : undefined) ??
		completeExample(spec.io.output, sampleValue(spec.io.output));
	const deprecation = deprecationOf(meta, 'operation', registry);
	return {
		kind: 'operation',
		operationKind: spec.kind,
		path: operationPath(meta.key, meta.version),
		title: meta.title ?? meta.key,
		key: meta.key,
		version: meta.version,
		stability: meta.stability,
		owners: meta.owners,
		tags: meta.tags,
		...(meta.description ? { description: meta.description } : {}),
		...(meta.goal ? { goal: meta.goal } : {}),
		...(meta.context ? { context: meta.context } : {}),
		facts: factsOf(meta, `operation (${spec.kind})`, entry.file),
		...(deprecation ? { deprecation } : {}),
		wire: {
			rest: { ...wire.rest },
			graphql: { ...wire.graphql },
			mcp: { ...wire.mcp },
		},
		input: typeSection(spec.io.input, catalog),
		output: typeSection(spec.io.output, catalog),
		policy: describePolicy(spec.policy),
		errors: Object.entries(spec.errors)
			.map(([code, e]) => ({ code, status: e.status, description: e.description }))
			.sort((a, b) => a.status - b.status || compareText(a.code, b.code)),
		events: spec.sideEffects.emits.map((emit) => ({
			key: emit.key,
			version: emit.version,
			...(emit.when ? { when: emit.when } : {}),
			...(hasEventPage(emit.key, emit.version) ? { href: eventPath(emit.key, emit.version) } : {}),
		})),
		audit: [...spec.sideEffects.audit],
		scenarios: spec.acceptance.scenarios.map((s) => ({
			key: s.key,
			given: [...s.given],
			when: [...s.when],
			then: [...s.then],
		})),
		examples: spec.acceptance.examples.map((example) => ({
			key: example.key,
			...(example.description ? { description: example.description } : {}),
			...(example.scenario ? { scenario: example.scenario } : {}),
			request: JSON.stringify(example.input, null, 2) ?? 'null',
			...(example.output !== undefined
				? { response: JSON.stringify(example.output, null, 2) }
				: {}),
			...(example.error ? { error: example.error } : {}),
		})),
		snippets: buildSnippets(spec, wire, input, {
			...(baseUrl ? { baseUrl } : {}),
			...(entry.file ? { file: entry.file } : {}),
			...(entry.exportName ? { exportName: entry.exportName } : {}),
		}),
		tryIt: {
			method: wire.rest.method,
			path: wire.rest.path,
			wholeInput: !isObjectRoot(spec.io.input),
			input: JSON.stringify(input, null, 2) ?? 'null',
		},
		...(output !== undefined ? { responseExample: JSON.stringify(output, null, 2) } : {}),
		...(source ? { source } : {}),
		features: featuresOf.get(`operation:${meta.key}@${meta.version}`) ?? [],
		otherVersions: registry
			.versions('operation', meta.key)
			.filter((v) => v.spec.meta.version !== meta.version)
			.map((v) => ({
				text: v.spec.meta.version,
				href: operationPath(meta.key, v.spec.meta.version),
			})),
	};
}
