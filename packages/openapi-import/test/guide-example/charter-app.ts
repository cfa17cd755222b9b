import { fromExpressHandler } from '@charter/openapi-import';
import { charterExpress } from '@charter/rest/express';
import { createExecutor, implement } from '@charter/runtime';
import express from 'express';
import {
	TodosCreateContract,
	TodosGetContract,
	TodosListContract,
} from './contracts/todos/todos.operations.ts';
import { createLegacyApp, getTodo, listTodos, type TodoStore } from './legacy-app.ts';

/** The same app, with the todos module served by Charter and the rest still legacy. */
export function createApp(store: TodoStore) {
	const executor = createExecutor({
		bindings: [
			// Step 1: the legacy handlers run unchanged behind the imported contracts.
			implement(TodosListContract, fromExpressHandler(TodosListContract, listTodos(store))),
			implement(TodosGetContract, fromExpressHandler(TodosGetContract, getTodo(store))),
			// Step 2: one operation rewritten as a Charter handler, typed from its contract.
			implement(TodosCreateContract, (input) => store.add(input.title)),
		],
	});
	const app = express();
	app.use(express.json());
	// Charter answers the routes of its contracts; every other request falls through.
	app.use(charterExpress(executor));
	app.use(createLegacyApp(store));
	return app;
}
