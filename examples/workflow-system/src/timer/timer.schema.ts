import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';

export const SweepTimersInputModel = defineSchemaModel({
	name: 'SweepTimersInput',
	fields: {
		now: {
			type: ScalarTypeEnum.DateTime(),
			isOptional: true,
			description: 'Instant to sweep at; the server clock when absent (set it in tests).',
		},
		limit: {
			type: ScalarTypeEnum.Int({ minimum: 1, maximum: 1000 }),
			isOptional: true,
			default: 100,
			description: 'Most timers handled in one sweep; sweep again while `more` is true.',
		},
	},
});

/** What one sweep did, by kind of timer. */
export const SweepTimersResultModel = defineSchemaModel({
	name: 'SweepTimersResult',
	fields: {
		now: { type: ScalarTypeEnum.DateTime(), isOptional: false },
		waitsElapsed: {
			type: ScalarTypeEnum.Int({ minimum: 0 }),
			isOptional: false,
			description: 'WAIT steps whose duration elapsed; their instances moved on.',
		},
		stepsTimedOut: {
			type: ScalarTypeEnum.Int({ minimum: 0 }),
			isOptional: false,
			description: 'TASK or APPROVAL steps past their timeout; their instances are TIMEOUT.',
		},
		approvalsEscalated: { type: ScalarTypeEnum.Int({ minimum: 0 }), isOptional: false },
		approvalsExpired: { type: ScalarTypeEnum.Int({ minimum: 0 }), isOptional: false },
		skippedPaused: {
			type: ScalarTypeEnum.Int({ minimum: 0 }),
			isOptional: false,
			description: 'Due timers of PAUSED instances, held until resume.',
		},
		instanceIds: {
			type: ScalarTypeEnum.ID(),
			isArray: true,
			isOptional: false,
			description: 'Instances changed by this sweep.',
		},
		more: {
			type: ScalarTypeEnum.Boolean(),
			isOptional: false,
			description: 'Due timers remain beyond the limit.',
		},
	},
});
