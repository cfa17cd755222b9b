// The shape of the SDK generated in sdk-generator.test.ts, for typing its dynamic import.
export interface Problem {
	status: number;
	code: string;
}
export declare class ProblemError extends Error {
	readonly problem: Problem;
}
interface TodoShape {
	id: string;
	title: string;
	status: 'OPEN' | 'DONE';
}
export declare function createApiClient(options: { baseUrl: string; token?: string }): {
	todo: {
		item: {
			add(input: { title: string }): Promise<TodoShape>;
			get(input: { id: string }): Promise<{ id: string; title: string }>;
			getV2(input: { id: string }): Promise<TodoShape>;
		};
	};
};
