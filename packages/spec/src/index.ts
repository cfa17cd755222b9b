export { ContractDefinitionError } from './errors.ts';
export {
	defineEvent,
	type EventDefinition,
	type EventSpec,
	isEventSpec,
} from './events/define-event.ts';
export {
	type ContractRef,
	defineFeature,
	type FeatureDefinition,
	type FeatureSpec,
} from './features/define-feature.ts';
export {
	type Deprecation,
	deprecationNotice,
	KEY_PATTERN,
	type Meta,
	type MetaDefinition,
	normalizeMeta,
	STABILITIES,
	type Stability,
} from './meta/meta.ts';
export { compareSemver, isSemver, majorOf, parseSemver, type SemVer } from './meta/semver.ts';
export { defineCommand, defineQuery, isOperationSpec } from './operations/define-operation.ts';
export type * from './operations/operation-types.ts';
export {
	AUTH_LEVELS,
	type AuthLevel,
	type Policy,
	type PolicyDefinition,
} from './operations/policy.ts';
export {
	isReservedResponseHeader,
	NO_BODY_STATUSES,
	RESERVED_RESPONSE_HEADERS,
	successStatuses,
} from './operations/rest-response.ts';
export { type DeclaredProblem, declaredProblem } from './problems/declared-problem.ts';
export {
	BUILT_IN_PROBLEMS,
	type BuiltInProblemCode,
	buildProblem,
	createProblem,
	isProblem,
	PROBLEM_TYPE_BASE,
	type Problem,
	type ProblemIssue,
	problemType,
} from './problems/problem.ts';
export { ProblemError } from './problems/problem-error.ts';
export {
	ContractRegistry,
	type ContractSpec,
	createRegistry,
	type RegistryEntry,
	type RegistryKind,
	registryKind,
} from './registry/contract-registry.ts';
export { checkReferences, type ReferenceIssue } from './registry/reference-check.ts';
export { servedOperations, servedWithoutFiles } from './registry/served-operations.ts';
export {
	createSnapshot,
	parseSnapshot,
	SNAPSHOT_FORMAT,
	SNAPSHOT_FORMAT_VERSION,
	type Snapshot,
	type SnapshotContract,
	SnapshotFormatError,
	type SnapshotOptions,
	serializeSnapshot,
} from './snapshot/snapshot.ts';
export {
	type ClientMethodEntry,
	type ClientMethodPath,
	clientMethodPath,
	clientMethods,
} from './wire/client-methods.ts';
export {
	graphqlFieldNames,
	graphqlNameCandidate,
	isGraphqlName,
	renamedGraphqlFields,
} from './wire/graphql-names.ts';
export { type RestRoute, restRoute } from './wire/rest-route.ts';
export { WHOLE_INPUT_PARAMETER } from './wire/whole-input.ts';
export {
	findWireCollisions,
	restRouteShape,
	type WireCollision,
	type WireSurface,
	wireClaims,
} from './wire/wire-collisions.ts';
export {
	graphqlFieldName,
	graphqlFieldOf,
	pathParameters,
	type WireNames,
	wireNames,
} from './wire/wire-names.ts';
