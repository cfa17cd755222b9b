import { defineSchemaModel, f } from '@charter/schema';

export const SweepTimersInputModel = defineSchemaModel({
	name: 'SweepTimersInput',
	fields: {
		now: f
			.dateTime()
			.optional()
			.describe('Instant to sweep at; the server clock when absent (set it in tests).'),
		limit: f
			.int({ minimum: 1, maximum: 1000 })
			.withDefault(100)
			.describe('Most timers handled in one sweep; sweep again while `more` is true.'),
	},
});

/** What one sweep did, by kind of timer. */
export const SweepTimersResultModel = defineSchemaModel({
	name: 'SweepTimersResult',
	fields: {
		now: f.dateTime(),
		waitsElapsed: f
			.int({ minimum: 0 })
			.describe('WAIT steps whose duration elapsed; their instances moved on.'),
		stepsTimedOut: f
			.int({ minimum: 0 })
			.describe('TASK or APPROVAL steps past their timeout; their instances are TIMEOUT.'),
		approvalsEscalated: f.int({ minimum: 0 }),
		approvalsExpired: f.int({ minimum: 0 }),
		skippedPaused: f
			.int({ minimum: 0 })
			.describe('Due timers of PAUSED instances, held until resume.'),
		instanceIds: f.id().array().describe('Instances changed by this sweep.'),
		more: f.boolean().describe('Due timers remain beyond the limit.'),
	},
});
