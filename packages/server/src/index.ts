export {
	createDurableRuntime,
	type DurableRuntime,
	type DurableRuntimeOptions,
} from './durable-runtime.ts';
export { sqlStoreChecks } from './sql-store-checks.ts';
