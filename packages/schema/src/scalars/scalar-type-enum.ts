import type { FileValue, ScalarConstraints, ScalarName, ScalarNode } from '../ir/type-node.ts';

type Factory<T> = (constraints?: ScalarConstraints) => ScalarNode<T>;

function scalar<T>(name: ScalarName): Factory<T> {
	return (constraints) =>
		Object.freeze(
			constraints && Object.keys(constraints).length > 0
				? { kind: 'scalar', name, constraints: Object.freeze({ ...constraints }) }
				: { kind: 'scalar', name },
		) as ScalarNode<T>;
}

const string = scalar<string>('String');
const int = scalar<number>('Int');
const float = scalar<number>('Float');

/**
 * Creates scalar type nodes. Each member is a factory that takes optional constraints.
 * The `_unsecure` names are the seed's; `String()`, `Int()` and `Float()` are the same types.
 *
 * @example
 * const name = ScalarTypeEnum.String({ minLength: 1, maxLength: 200 });
 */
export const ScalarTypeEnum = {
	String: string,
	String_unsecure: string,
	Int: int,
	Int_unsecure: int,
	Float: float,
	Float_unsecure: float,
	Boolean: scalar<boolean>('Boolean'),
	ID: scalar<string>('ID'),
	JSON: scalar<unknown>('JSON'),
	JSONObject: scalar<Record<string, unknown>>('JSONObject'),
	Date: scalar<string>('Date'),
	DateTime: scalar<string>('DateTime'),
	Time: scalar<string>('Time'),
	EmailAddress: scalar<string>('EmailAddress'),
	URL: scalar<string>('URL'),
	PhoneNumber: scalar<string>('PhoneNumber'),
	NonEmptyString: scalar<string>('NonEmptyString'),
	Locale: scalar<string>('Locale'),
	TimeZone: scalar<string>('TimeZone'),
	Latitude: scalar<number>('Latitude'),
	Longitude: scalar<number>('Longitude'),
	Currency: scalar<string>('Currency'),
	CountryCode: scalar<string>('CountryCode'),
	UUID: scalar<string>('UUID'),
	Decimal: scalar<string>('Decimal'),
	/** A file part of a `multipart/form-data` body; `maxBytes` and `mediaTypes` bound it. */
	File: scalar<FileValue>('File'),
} as const;
