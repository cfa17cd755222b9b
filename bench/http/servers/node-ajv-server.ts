import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import {
	type Instance,
	mayPause,
	PAUSE_PATH,
	pauseInstance,
	pauseJsonSchemas,
	principalOf,
	seedInstances,
} from '../pause-fixture.ts';
import { announce } from './server-announce.ts';

/*
 * Raw node:http + Ajv: the contract's JSON Schemas compiled once (unknown keys removed like
 * Charter), input and output validated, the bearer token checked by hand.
 */

const ajv = new Ajv2020({
	allErrors: true,
	strict: false,
	removeAdditional: true,
	useDefaults: true,
});
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const schemas = pauseJsonSchemas();
const validateInput = ajv.compile<{ instanceId: string; reason?: string }>(schemas.input);
const validateOutput = ajv.compile<Instance>(schemas.output);
const instances = seedInstances();

function send(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': status === 200 ? 'application/json' : 'application/problem+json',
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
}

/** Answers one request: its status and JSON body. */
function answer(req: IncomingMessage, text: string): [number, unknown] {
	if (req.method !== 'POST' || req.url !== PAUSE_PATH) return [404, { status: 404 }];
	let input: unknown;
	try {
		input = JSON.parse(text);
	} catch {
		return [400, { status: 400, detail: 'malformed JSON' }];
	}
	if (!validateInput(input)) return [422, { status: 422, issues: validateInput.errors }];
	const principal = principalOf(req.headers.authorization);
	if (typeof principal === 'string') return [401, { status: 401 }];
	if (!mayPause(principal)) return [403, { status: 403 }];
	const paused = pauseInstance(instances, input, principal.tenant, new Date().toISOString());
	if (!paused) return [404, { status: 404 }];
	const output = structuredClone(paused);
	if (!validateOutput(output)) return [500, { status: 500 }];
	return [200, output];
}

const server = createServer((req, res) => {
	const chunks: Buffer[] = [];
	req.on('data', (chunk: Buffer) => chunks.push(chunk));
	req.on('end', () => {
		const [status, body] = answer(req, Buffer.concat(chunks).toString('utf8'));
		send(res, status, body);
	});
});
server.listen(0, '127.0.0.1', () => {
	const address = server.address();
	announce(typeof address === 'object' && address ? address.port : 0);
});
