export {
	createDurableRuntime,
	type DurableRuntime,
	type DurableRuntimeOptions,
} from './durable-runtime.ts';
