import type { InferField, TypeLike } from '../ir/infer.ts';
import type { ScalarConstraints, ScalarNode } from '../ir/type-node.ts';
import { ScalarTypeEnum } from '../scalars/scalar-type-enum.ts';

/**
 * A field written in the short syntax: required by default, with optional, nullable and list
 * as modifiers. Its own properties are exactly the seed's field object (`type`, `isOptional`,
 * `isArray`, `isNullable`, `description`, ...), so `defineSchemaModel` reads both forms the
 * same way and produces the same IR; the modifiers live on the prototype and return a new,
 * frozen field.
 *
 * @example
 * fields: {
 *   instanceId: f.id(),
 *   reason: f.string({ maxLength: 500 }).optional(),
 *   steps: f.ref(StepModel).array(),
 * }
 */
export class Field<
	N extends TypeLike = TypeLike,
	Optional extends boolean = false,
	List extends boolean = false,
	Nullable extends boolean = false,
> {
	declare readonly type: N;
	declare readonly isOptional: Optional;
	/** Absent unless `.array()` (the seed form leaves it out too). */
	declare readonly isArray: List extends true ? true : undefined;
	/** Absent unless `.nullable()`. */
	declare readonly isNullable: Nullable extends true ? true : undefined;
	declare readonly description?: string;
	declare readonly default?: unknown;
	declare readonly deprecated?: boolean | string;
	declare readonly examples?: readonly unknown[];

	/** Not required: the key may be left out. */
	optional(): Field<N, true, List, Nullable> {
		return this.with<Field<N, true, List, Nullable>>({ isOptional: true });
	}

	/** `null` is a value of the field. */
	nullable(): Field<N, Optional, List, true> {
		return this.with<Field<N, Optional, List, true>>({ isNullable: true });
	}

	/** A list of the field's type. */
	array(): Field<N, Optional, true, Nullable> {
		return this.with<Field<N, Optional, true, Nullable>>({ isArray: true });
	}

	/**
	 * The value used when the key is left out; the field becomes optional on input.
	 * (Named `withDefault` because `default` is the field's own property in the seed form.)
	 */
	withDefault(
		value: InferField<{ type: N; isOptional: Optional; isArray: List; isNullable: Nullable }>,
	) {
		return this.with<Field<N, true, List, Nullable>>({ isOptional: true, default: value });
	}

	/** Help text, shown in docs, OpenAPI, GraphQL and forms. */
	describe(description: string): this {
		return this.with<this>({ description });
	}

	/** Marks the field deprecated, with the reason when given. */
	deprecate(reason?: string): this {
		return this.with<this>({ deprecated: reason ?? true });
	}

	/** Example values, shown in docs and OpenAPI. */
	example(...examples: readonly unknown[]): this {
		return this.with<this>({ examples });
	}

	private with<R>(changes: Record<string, unknown>): R {
		return fieldOf(Object.assign({}, this, changes));
	}
}

function fieldOf<R>(properties: object): R {
	return Object.freeze(Object.assign(Object.create(Field.prototype), properties)) as R;
}

/** A required field of `type`: a scalar, a model, an enum, a union or a Standard Schema. */
function ref<N extends TypeLike>(type: N): Field<N> {
	return fieldOf({ type, isOptional: false });
}

type ScalarField<T> = (constraints?: ScalarConstraints) => Field<ScalarNode<T>>;

function scalar<T>(factory: (constraints?: ScalarConstraints) => ScalarNode<T>): ScalarField<T> {
	return (constraints) => ref(factory(constraints));
}

/**
 * The short field syntax. Each scalar takes the same constraints as `ScalarTypeEnum`;
 * `f.ref(type)` takes any other type (models, enums, unions, Zod schemas).
 */
export const f = {
	ref,
	string: scalar(ScalarTypeEnum.String),
	nonEmptyString: scalar(ScalarTypeEnum.NonEmptyString),
	int: scalar(ScalarTypeEnum.Int),
	float: scalar(ScalarTypeEnum.Float),
	decimal: scalar(ScalarTypeEnum.Decimal),
	boolean: scalar(ScalarTypeEnum.Boolean),
	id: scalar(ScalarTypeEnum.ID),
	uuid: scalar(ScalarTypeEnum.UUID),
	json: scalar(ScalarTypeEnum.JSON),
	jsonObject: scalar(ScalarTypeEnum.JSONObject),
	date: scalar(ScalarTypeEnum.Date),
	dateTime: scalar(ScalarTypeEnum.DateTime),
	time: scalar(ScalarTypeEnum.Time),
	email: scalar(ScalarTypeEnum.EmailAddress),
	url: scalar(ScalarTypeEnum.URL),
	phoneNumber: scalar(ScalarTypeEnum.PhoneNumber),
	locale: scalar(ScalarTypeEnum.Locale),
	timeZone: scalar(ScalarTypeEnum.TimeZone),
	latitude: scalar(ScalarTypeEnum.Latitude),
	longitude: scalar(ScalarTypeEnum.Longitude),
	currency: scalar(ScalarTypeEnum.Currency),
	countryCode: scalar(ScalarTypeEnum.CountryCode),
	/** A file part of a `multipart/form-data` body: `f.file({ maxBytes: 5_000_000, mediaTypes: ['image/png'] })`. */
	file: scalar(ScalarTypeEnum.File),
} as const;
