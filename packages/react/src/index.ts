export type { AnyOperation, Client, ClientOptions, Problem } from './client/charter-client.ts';
export { createClient, ProblemError } from './client/charter-client.ts';
export {
	type ContractError,
	type ContractErrorCode,
	isContractError,
	NETWORK_ERROR,
} from './client/contract-error.ts';
export type { FieldOptions, WidgetOverrides } from './form/contract-fields.tsx';
export { ContractForm, type ContractFormProps } from './form/contract-form.tsx';
export { contractResolver, type InputValidator, issuesToErrors } from './form/contract-resolver.ts';
export { pointerToName } from './form/form-paths.ts';
export {
	type ContractFormOptions,
	type ContractFormReturn,
	SERVER_ERROR,
	showProblem,
	useContractForm,
} from './form/use-contract-form.ts';
export { shapeOf, type WidgetKind } from './form/widget-kind.ts';
export { BooleanWidget, EnumWidget, LiteralWidget } from './form/widgets/choice-widgets.tsx';
export { DEFAULT_WIDGETS } from './form/widgets/default-widgets.ts';
export {
	DateTimeWidget,
	DateWidget,
	EmailWidget,
	IntegerWidget,
	JsonWidget,
	NumberWidget,
	TextWidget,
	TimeWidget,
	UrlWidget,
} from './form/widgets/text-widgets.tsx';
export type { Widget, WidgetProps } from './form/widgets/widget-props.ts';
export { type ContractCache, contractCache } from './invalidation/contract-cache.ts';
export {
	type CacheTargets,
	defineInvalidation,
	type EventEffect,
	type Invalidation,
	type InvalidationFallback,
	type InvalidationRule,
	onEvents,
	type PayloadOf,
} from './invalidation/invalidation-rules.ts';
export { eventSubscription } from './live/event-selection.ts';
export {
	backoffDelay,
	createLiveEvents,
	type LiveEvents,
	type LiveHandlers,
	type LiveProblem,
	type LiveStatus,
} from './live/live-events.ts';
export type { LiveOptions } from './live/live-options.ts';
export {
	type ContractEventsOptions,
	type ContractEventsState,
	useContractEvents,
} from './live/use-contract-events.ts';
export { CharterProvider, useCharter } from './provider/charter-provider.tsx';
export {
	type AnyClient,
	type CharterQueries,
	type CharterQueriesOptions,
	type ContractMutationOptions,
	type ContractQueryOptions,
	type ContractSuspenseQueryOptions,
	createCharterQueries,
	type MutationExtras,
	type QueryExtras,
	type TaggedQueryKey,
} from './query/charter-queries.ts';
export {
	useContractMutation,
	useContractQuery,
	useContractSuspenseQuery,
} from './query/contract-hooks.ts';
export {
	type ContractQueryKey,
	canonicalInput,
	contractKey,
	contractKeyPrefix,
} from './query/query-key.ts';
