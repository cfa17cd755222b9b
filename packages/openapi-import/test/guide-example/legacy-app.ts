import express, { type Request, type Response } from 'express';

export interface Todo {
	id: number;
	title: string;
	done: boolean;
}

/** The app's data: a list of todos in memory. */
export function createTodoStore() {
	const todos: Todo[] = [{ id: 1, title: 'Read the guide', done: true }];
	return {
		list: () => todos,
		get: (id: number) => todos.find((t) => t.id === id),
		add: (title: string): Todo => {
			const todo = { id: todos.length + 1, title, done: false };
			todos.push(todo);
			return todo;
		},
	};
}
export type TodoStore = ReturnType<typeof createTodoStore>;

// The legacy route handlers, unchanged.
export const listTodos = (store: TodoStore) => (req: Request, res: Response) => {
	const done = req.query.done;
	const todos = store.list();
	res.json(done === undefined ? todos : todos.filter((t) => String(t.done) === done));
};

export const getTodo = (store: TodoStore) => (req: Request, res: Response) => {
	const todo = store.get(Number(req.params.id));
	if (!todo) {
		res.status(404).json({ message: `no todo ${req.params.id}` });
		return;
	}
	res.json(todo);
};

export const createTodo = (store: TodoStore) => (req: Request, res: Response) => {
	res.status(201).json(store.add(req.body.title));
};

/** The existing Express app. */
export function createLegacyApp(store: TodoStore) {
	const app = express();
	app.use(express.json());
	app.get('/todos', listTodos(store));
	app.get('/todos/:id', getTodo(store));
	app.post('/todos', createTodo(store));
	app.get('/users/:login', (req, res) => {
		res.json({ login: req.params.login });
	});
	return app;
}
