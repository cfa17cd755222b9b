import { defineSchemaModel, ScalarTypeEnum } from '@charter/schema';
import { defineCommand } from '@charter/spec';

/** A signed-in command with one string field: the subject of the rate-limit tests. */
export const Touch = defineCommand({
	meta: { key: 'demo.thing.touch', version: '1.0.0', description: 'Touch a thing.' },
	io: {
		input: defineSchemaModel({
			name: 'TouchInput',
			fields: { id: { type: ScalarTypeEnum.String(), isOptional: false } },
		}),
		output: defineSchemaModel({
			name: 'Touched',
			fields: { id: { type: ScalarTypeEnum.String(), isOptional: false } },
		}),
	},
	policy: { auth: 'user' },
});
