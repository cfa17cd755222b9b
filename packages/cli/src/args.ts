import { UsageError } from './command.ts';

export interface FlagSpec {
	readonly boolean?: readonly string[];
	readonly string?: readonly string[];
}

export interface ParsedFlags {
	readonly boolean: Record<string, boolean>;
	readonly string: Record<string, string | undefined>;
	readonly positional: string[];
}

/** Parses `--flag`, `--name value` and `--name=value`; an unknown flag is a usage error. */
export function parseFlags(args: readonly string[], spec: FlagSpec): ParsedFlags {
	const booleans = new Set(spec.boolean ?? []);
	const strings = new Set(spec.string ?? []);
	const parsed: ParsedFlags = { boolean: {}, string: {}, positional: [] };
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (!arg.startsWith('--') || arg === '--') {
			parsed.positional.push(arg);
			continue;
		}
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
		if (booleans.has(name) && inline === undefined) {
			parsed.boolean[name] = true;
		} else if (strings.has(name)) {
			const value = inline ?? args[++i];
			if (value === undefined || (inline === undefined && value.startsWith('--'))) {
				throw new UsageError(`--${name} needs a value`);
			}
			parsed.string[name] = value;
		} else {
			throw new UsageError(`unknown option --${name}`);
		}
	}
	return parsed;
}
