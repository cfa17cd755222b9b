export { type ImportErrorCode, OpenApiImportError } from './document/import-error.ts';
export type { ModuleExtension } from './emit/contract-files.ts';
export { type ImportOptions, type ImportResult, importOpenApi } from './import-openapi.ts';
export {
	ImportReport,
	type ReportCategory,
	type ReportEntry,
	renderReport,
} from './report/import-report.ts';
export {
	compareOpenApi,
	type RoundTripDifference,
	type RoundTripOutcome,
	type RoundTripSummary,
	type RoundTripTally,
	renderRoundTrip,
} from './roundtrip/openapi-compare.ts';
export { type RefLookup, schemaShape } from './roundtrip/schema-shape.ts';
export {
	type ExpressLikeHandler,
	fromExpressHandler,
	parseIfJson,
} from './wrap/express-handler.ts';
export { type FastifyLikeHandler, fromFastifyHandler } from './wrap/fastify-handler.ts';
export {
	type LegacyRequestParts,
	legacyRequest,
	legacyResult,
	type WrapOptions,
} from './wrap/legacy-call.ts';
export { fileState } from './write/generated-header.ts';
