// Compares two enums value by value: every value gained and every value lost.
import type { EnumNode } from '@charter/schema';
import type { TypeChangeSink } from './type-change.ts';

/** Reports the values `b` added to and removed from enum `a`. */
export function walkEnum(a: EnumNode, b: EnumNode, path: string, sink: TypeChangeSink): void {
	for (const value of b.values) {
		if (!a.values.includes(value)) {
			sink({
				ruleId: 'enum-value-added',
				path,
				after: value,
				message: `enum ${b.name} gained the value ${JSON.stringify(value)}`,
			});
		}
	}
	for (const value of a.values) {
		if (!b.values.includes(value)) {
			sink({
				ruleId: 'enum-value-removed',
				path,
				before: value,
				message: `enum ${b.name} lost the value ${JSON.stringify(value)}`,
			});
		}
	}
}
