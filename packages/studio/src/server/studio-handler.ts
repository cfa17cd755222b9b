import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildSnippets } from '@charter/docs';
import {
	type ContextProvider,
	type CountedEventBus,
	createEventReadCheck,
	type EventBus,
	type Executor,
	type OutboxRelay,
	type PrincipalInit,
	type Readiness,
	type Stores,
} from '@charter/runtime';
import { compileValidator } from '@charter/schema';
import { type OperationSpec, wireNames } from '@charter/spec';
import type { SqlStores } from '@charter/sql';
import {
	API,
	type DemoPrincipal,
	type GovernanceState,
	type OperationInput,
	type StudioCatalog,
	type StudioSession,
	type StudioSurfaces,
} from '../api/studio-api.ts';
import { AuditQueryError, auditFilterOf, auditPage } from './audit-query.ts';
import { createCauseFinder } from './event-cause.ts';
import { streamEvents } from './event-feed.ts';
import { healthReport } from './health-report.ts';
import { readJsonBody, refuse, sendJson, sendProblem } from './http-replies.ts';
import { operationAccess } from './operation-access.ts';
import { createAssetServer, defaultAssetsDir, loadAssets } from './static-assets.ts';
import { createStudioAccess } from './studio-access.ts';
import { buildStudioCatalog } from './studio-catalog.ts';

/** What Studio reads, and who may open it. */
export interface StudioOptions {
	readonly executor: Executor;
	/** The server's context provider: Studio resolves principals exactly as every surface does. */
	readonly contextProvider: ContextProvider;
	readonly stores: Stores | SqlStores;
	/** The bus the live view listens on (`countSubscribers(bus)` adds subscriber counts to health). */
	readonly bus: EventBus | CountedEventBus;
	readonly relay?: OutboxRelay;
	/** The server's readiness (what `/readyz` answers): the health page shows its phase and checks. */
	readonly readiness?: Pick<Readiness, 'report'>;
	/** Roles that open Studio; `['admin']` by default. */
	readonly roles?: readonly string[];
	/**
	 * Development tokens offered by the sign-in page and the principal chooser. Give them only
	 * while the server accepts them (dev tokens); never in production.
	 */
	readonly demoTokens?: Readonly<Record<string, PrincipalInit & { description?: string }>>;
	/** Governance state (check findings, changes against the lockfile), computed by the host. */
	readonly governance?: () => GovernanceState | undefined | Promise<GovernanceState | undefined>;
	/** Where the surfaces are mounted; REST at the root, GraphQL at `/graphql` by default. */
	readonly surfaces?: StudioSurfaces;
	readonly title?: string;
	/** Where Studio is mounted; `/studio` by default. */
	readonly basePath?: string;
	/** The built app; the package's `dist/app` by default. */
	readonly assetsDir?: string;
}

/** A node:http handler: answers requests under Studio's path, gives false for any other. */
export type StudioHandler = (
	request: IncomingMessage,
	response: ServerResponse,
) => boolean | Promise<boolean>;

/**
 * Creates Studio's handler: the built app (static, strict CSP) and its API under
 * `<basePath>/api`. Every API route but the dev principals needs a principal with a Studio role,
 * resolved by the server's context provider; operations are run by the browser through the
 * server's own surfaces, so Studio can do nothing its user could not do with curl.
 *
 * @example
 * const studio = createStudio({ executor, contextProvider, stores, bus });
 * createRestServer(executor, { mounts: [studio] });
 */
export function createStudio(options: StudioOptions): StudioHandler {
	const base = (options.basePath ?? '/studio').replace(/\/+$/, '');
	const serveAsset = createAssetServer(loadAssets(options.assetsDir ?? defaultAssetsDir()));
	const access = createStudioAccess(options.contextProvider, options.roles ?? ['admin']);
	const surfaces: StudioSurfaces = options.surfaces ?? { rest: '', graphql: '/graphql' };
	const { executor } = options;
	const served = executor.plans.map((plan) => plan.id);
	const eventVisible = createEventReadCheck(executor.registry);
	const causeOf = createCauseFinder(options.stores.audit);
	let catalog: Promise<StudioCatalog> | undefined;
	const catalogOnce = () => {
		catalog ??= (async () =>
			buildStudioCatalog({
				registry: executor.registry,
				served,
				...(options.title ? { title: options.title } : {}),
				...(await optionalGovernance(options)),
			}))();
		return catalog;
	};
	const findOperation = (body: unknown): { spec: OperationSpec; input: unknown } | undefined => {
		const { operation, version, input } = (body ?? {}) as Partial<OperationInput>;
		if (typeof operation !== 'string') return undefined;
		const entry =
			typeof version === 'string'
				? executor.registry.get('operation', operation, version)
				: undefined;
		const spec = (entry?.spec ?? executor.plan(operation)?.spec) as OperationSpec | undefined;
		return spec ? { spec, input } : undefined;
	};

	async function api(route: string, url: URL, request: IncomingMessage, response: ServerResponse) {
		if (route === API.demoPrincipals) {
			const principals: DemoPrincipal[] = Object.entries(options.demoTokens ?? {}).map(
				([token, p]) => ({
					token,
					id: p.id,
					roles: p.roles ?? [],
					...(p.tenant !== undefined ? { tenant: p.tenant } : {}),
					...(p.description ? { description: p.description } : {}),
				}),
			);
			return sendJson(request, response, 200, principals);
		}
		const allowed = await access(request);
		if (!allowed.ok) return sendProblem(request, response, allowed.problem);
		const { principal } = allowed;
		const post = request.method === 'POST';
		if (!post && request.method !== 'GET')
			return refuse(
				request,
				response,
				'METHOD_NOT_ALLOWED',
				`${request.method} is not served here`,
			);
		switch (route) {
			case API.session: {
				const session: StudioSession = {
					principal: {
						id: principal.id,
						roles: principal.roles,
						permissions: principal.permissions,
						...(principal.tenant !== undefined ? { tenant: principal.tenant } : {}),
					},
					studioRoles: options.roles ?? ['admin'],
					surfaces,
					access: await operationAccess(executor.plans, principal),
				};
				return sendJson(request, response, 200, session);
			}
			case API.catalog:
				return sendJson(request, response, 200, await catalogOnce());
			case API.audit: {
				try {
					const filter = auditFilterOf(url.searchParams, principal);
					return sendJson(request, response, 200, await auditPage(options.stores.audit, filter));
				} catch (error) {
					if (error instanceof AuditQueryError)
						return refuse(request, response, 'BAD_REQUEST', error.message);
					throw error;
				}
			}
			case API.events:
				return streamEvents(
					options.bus,
					principal,
					eventVisible,
					(envelope) => causeOf(envelope, principal.tenant),
					request,
					response,
				);
			case API.health:
				return sendJson(
					request,
					response,
					200,
					await healthReport(
						{
							stores: options.stores,
							bus: options.bus,
							plans: executor.plans,
							surfaces,
							...(options.relay ? { relay: options.relay } : {}),
							...(options.readiness ? { readiness: options.readiness } : {}),
						},
						principal,
					),
				);
			case API.snippets:
			case API.validate: {
				if (!post) return refuse(request, response, 'METHOD_NOT_ALLOWED', `POST ${route}`);
				const found = findOperation(await readJsonBody(request));
				if (!found)
					return refuse(
						request,
						response,
						'BAD_REQUEST',
						'give { operation, version, input } of a known operation',
					);
				if (route === API.validate)
					return sendJson(
						request,
						response,
						200,
						compileValidator(found.spec.io.input).validate(found.input),
					);
				const baseUrl = `http://${request.headers.host ?? 'localhost'}`;
				return sendJson(
					request,
					response,
					200,
					buildSnippets(found.spec, wireNames(found.spec), found.input, { baseUrl }),
				);
			}
			default:
				return refuse(request, response, 'NOT_FOUND', `no Studio API at ${route}`);
		}
	}

	return (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const path = url.pathname;
		if (path !== base && !path.startsWith(`${base}/`)) return false;
		if (path === base) {
			response.writeHead(308, { location: `${base}/${url.search}` }).end();
			return true;
		}
		const rest = path.slice(base.length + 1);
		if (rest.startsWith('api/'))
			return api(rest, url, request, response).then(
				() => true,
				(error: unknown) => {
					executor.logger.error(
						{ route: rest, error: error instanceof Error ? error.message : String(error) },
						'studio request failed',
					);
					if (!response.headersSent)
						refuse(
							request,
							response,
							'INTERNAL',
							'Studio could not answer; the server log says why',
						);
					else response.end();
					return true;
				},
			);
		serveAsset(rest, request, response);
		return true;
	};
}

async function optionalGovernance(
	options: StudioOptions,
): Promise<{ governance?: GovernanceState }> {
	const governance = await options.governance?.();
	return governance ? { governance } : {};
}
