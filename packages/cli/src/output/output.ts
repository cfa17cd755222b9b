import pc from 'picocolors';

/** Where a command writes: human text (coloured on a TTY) or stable JSON. */
export interface Output {
	readonly color: boolean;
	/** Writes a line to stdout. */
	line(text?: string): void;
	/** Writes a line to stderr. */
	error(text: string): void;
	/** Writes a value as two-space JSON to stdout. */
	json(value: unknown): void;
	readonly style: Style;
}

export interface Style {
	bold(text: string): string;
	dim(text: string): string;
	red(text: string): string;
	yellow(text: string): string;
	green(text: string): string;
	cyan(text: string): string;
}

export interface Streams {
	readonly stdout: { write(text: string): unknown; isTTY?: boolean };
	readonly stderr: { write(text: string): unknown };
}

/** Creates an output; colour follows the TTY unless NO_COLOR or FORCE_COLOR say otherwise. */
export function createOutput(
	streams: Streams = process,
	env: NodeJS.ProcessEnv = process.env,
): Output {
	const color = env.NO_COLOR
		? false
		: env.FORCE_COLOR
			? env.FORCE_COLOR !== '0'
			: Boolean(streams.stdout.isTTY);
	const colors = pc.createColors(color);
	return {
		color,
		line: (text = '') => streams.stdout.write(`${text}\n`),
		error: (text) => streams.stderr.write(`${text}\n`),
		json: (value) => streams.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
		style: {
			bold: colors.bold,
			dim: colors.dim,
			red: colors.red,
			yellow: colors.yellow,
			green: colors.green,
			cyan: colors.cyan,
		},
	};
}
