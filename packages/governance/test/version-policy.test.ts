import { f } from '@charter/schema';
import { createRegistry, createSnapshot, defineEvent } from '@charter/spec';
import { describe, expect, it } from 'vitest';
import { applyVersionPolicy, diffSnapshots, suggestVersions } from '../src/index.ts';
import { Color, ColorPlus, command, model, S } from './corpus/corpus-case.ts';

const In = (extra = {}) => model('In', { id: { type: S.ID(), isOptional: false }, ...extra });
const Out = (status: typeof Color | typeof ColorPlus = Color) =>
	model('Out', { status: { type: status, isOptional: false } });
const requiredNote = { note: { type: S.String(), isOptional: false } };
const optionalNote = { note: { type: S.String(), isOptional: true } };

function diff(before: ReturnType<typeof command>[], after: ReturnType<typeof command>[]) {
	return diffSnapshots(
		createSnapshot(createRegistry(before)),
		createSnapshot(createRegistry(after)),
	);
}
const policy = (d: ReturnType<typeof diff>) =>
	applyVersionPolicy(d).map((f) => `${f.ruleId}:${f.severity}`);

describe('version policy', () => {
	it('sees no change when a released schema is only rewritten (short syntax, keys reordered)', () => {
		const seed = model('In', {
			id: { type: S.ID(), isOptional: false },
			tags: { type: S.String(), isArray: true, isOptional: false, description: 'Tags.' },
		});
		const short = model('In', { id: f.id(), tags: f.string().array().describe('Tags.') });
		expect(policy(diff([command({ input: seed })], [command({ input: short })]))).toEqual([]);
		const changed = model('In', { id: f.id(), tags: f.string().describe('Tags.') });
		expect(policy(diff([command({ input: seed })], [command({ input: changed })]))).toContain(
			'released-version-modified:error',
		);
	});

	it('refuses a breaking change to a stable contract without a new major version', () => {
		const d = diff(
			[command({ input: In() })],
			[command({ input: In(requiredNote), version: '1.1.0' })],
		);
		expect(policy(d)).toEqual(['breaking-without-major:error']);
	});

	it('accepts the same breaking change with a new major version', () => {
		const d = diff(
			[command({ input: In() })],
			[command({ input: In(requiredNote), version: '2.0.0' })],
		);
		expect(policy(d)).toEqual([]);
	});

	it('only warns about breaking changes on beta and experimental contracts', () => {
		for (const stability of ['beta', 'experimental'] as const) {
			const meta = { key: 'corpus.thing.do', version: '0.3.0', stability };
			const d = diff(
				[command({ input: In(), meta })],
				[command({ input: In(requiredNote), meta: { ...meta, version: '0.4.0' } })],
			);
			expect(policy(d)).toEqual(['breaking-change-unstable:warning']);
		}
	});

	it('refuses an inline event payload changed under the same event version, the operation bumped', () => {
		const emits = (status: typeof Color | typeof ColorPlus) => ({
			sideEffects: {
				emits: [{ key: 'corpus.thing.done', version: '1.0.0', payload: Out(status) }],
			},
		});
		const d = diff([command(emits(Color))], [command({ ...emits(ColorPlus), version: '1.1.0' })]);
		expect(policy(d)).toEqual(['released-event-modified:error']);
		expect(applyVersionPolicy(d)[0]?.message).toContain('corpus.thing.done@1.0.0');
	});

	it('accepts the inline event payload change with a new event version', () => {
		const d = diff(
			[
				command({
					sideEffects: { emits: [{ key: 'corpus.thing.done', version: '1.0.0', payload: Out() }] },
				}),
			],
			[
				command({
					version: '1.1.0',
					sideEffects: {
						emits: [{ key: 'corpus.thing.done', version: '1.1.0', payload: Out(ColorPlus) }],
					},
				}),
			],
		);
		expect(policy(d)).toEqual([]);
	});

	it('refuses a named event whose payload changed under the same version', () => {
		const event = (status: typeof Color | typeof ColorPlus) =>
			defineEvent({
				meta: { key: 'corpus.thing.done', version: '1.0.0', stability: 'stable' },
				payload: Out(status),
			});
		const d = diffSnapshots(
			createSnapshot(createRegistry([event(Color)])),
			createSnapshot(createRegistry([event(ColorPlus)])),
		);
		expect(policy(d)).toEqual(['released-version-modified:error']);
	});

	it('refuses any schema change to a released key@version, even a safe one', () => {
		const d = diff([command({ input: In() })], [command({ input: In(optionalNote) })]);
		expect(policy(d)).toEqual(['released-version-modified:error']);
	});

	it('lets metadata text change at the same version', () => {
		const d = diff(
			[command()],
			[
				command({
					meta: { key: 'corpus.thing.do', version: '1.0.0', description: 'Better words.' },
				}),
			],
		);
		expect(policy(d)).toEqual([]);
	});

	it('suggests the minimum bump for each contract', () => {
		const cases = [
			[command({ input: In() }), command({ input: In(requiredNote) }), 'major', '2.0.0'],
			[command({ output: Out() }), command({ output: Out(ColorPlus) }), 'minor', '1.1.0'],
			[command({ input: In() }), command({ input: In(optionalNote) }), 'minor', '1.1.0'],
			[
				command(),
				command({ meta: { key: 'corpus.thing.do', version: '1.0.0', goal: 'Other goal.' } }),
				'patch',
				'1.0.1',
			],
			[command(), command(), 'none', '1.0.0'],
		] as const;
		for (const [before, after, bump, suggested] of cases) {
			const [s] = suggestVersions(diff([before], [after]));
			expect(s).toMatchObject({
				key: 'corpus.thing.do',
				bump,
				suggested,
				satisfied: bump === 'none',
			});
		}
	});

	it('reports a suggestion as satisfied once the version is bumped enough', () => {
		const d = diff(
			[command({ input: In() })],
			[command({ input: In(requiredNote), version: '2.0.0' })],
		);
		expect(suggestVersions(d)).toEqual([
			expect.objectContaining({
				bump: 'major',
				suggested: '2.0.0',
				version: '2.0.0',
				satisfied: true,
			}),
		]);
		const short = diff(
			[command({ input: In() })],
			[command({ input: In(requiredNote), version: '1.1.0' })],
		);
		expect(suggestVersions(short)[0]).toMatchObject({ bump: 'major', satisfied: false });
	});
});
