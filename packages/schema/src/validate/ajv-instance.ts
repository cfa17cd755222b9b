import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { isDateTime } from './date-time-format.ts';
import { FILE_KEYWORD } from './file-keyword.ts';

/** What happens to keys a model does not declare. */
export type UnknownKeys = 'strip' | 'reject';

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:([0-5]\d|60)(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/i;

const instances = new Map<UnknownKeys, Ajv2020>();

/**
 * Gives the shared Ajv instance for a mode. Instances are created once: compiling a schema
 * is the expensive part, and it happens once per contract at startup.
 */
export function ajvFor(unknownKeys: UnknownKeys): Ajv2020 {
	let ajv = instances.get(unknownKeys);
	if (!ajv) {
		ajv = new Ajv2020({
			allErrors: true,
			strict: false,
			useDefaults: true,
			discriminator: true,
			// `true`, not `'all'`: only keys a model does not declare are dropped; records
			// (`additionalProperties: <schema>`) keep and validate theirs.
			removeAdditional: unknownKeys === 'strip',
		});
		(addFormats as unknown as (a: Ajv2020) => void)(ajv);
		// ISO 8601 times of day, offset optional (RFC 3339's `time` requires one).
		ajv.addFormat('time', TIME);
		ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
		ajv.addKeyword(FILE_KEYWORD);
		instances.set(unknownKeys, ajv);
	}
	return ajv;
}
