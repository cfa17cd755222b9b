/*
 * What Studio's server answers under /studio/api, shared by the server and the browser app
 * (type-only imports on the app's side). Every route but `demo-principals` needs a principal
 * holding one of Studio's roles; records are those of the viewer's tenant only.
 */

import type {
	EventPage,
	IndexEntry,
	IndexGroup,
	ModelPage,
	OperationPage,
	Snippets,
} from '@charter/docs';
import type { AuditRecord, EventEnvelope } from '@charter/runtime';
import type { EventSpec, FeatureSpec, OperationSpec } from '@charter/spec';

/** The Studio paths, relative to where Studio is mounted. */
export const API = {
	session: 'api/session',
	demoPrincipals: 'api/demo-principals',
	catalog: 'api/catalog',
	audit: 'api/audit',
	events: 'api/events',
	health: 'api/health',
	snippets: 'api/snippets',
	validate: 'api/validate',
} as const;

/** Who is looking at Studio. */
export interface StudioSession {
	readonly principal: {
		readonly id: string;
		readonly roles: readonly string[];
		readonly permissions: readonly string[];
		readonly tenant?: string;
	};
	/** The roles that open Studio (`admin` by default). */
	readonly studioRoles: readonly string[];
	/** Where the other surfaces are mounted on this server. */
	readonly surfaces: StudioSurfaces;
	/** What the runtime's policy says of this viewer calling each served operation (`key@version`). */
	readonly access: Readonly<Record<string, OperationAccess>>;
}

/** `allowed`, `denied`, or `depends` on policy rules the runtime decides per call. */
export type OperationAccess = 'allowed' | 'denied' | 'depends';

export interface StudioSurfaces {
	readonly rest: string;
	readonly graphql?: string;
	readonly mcp?: string;
	readonly docs?: string;
}

/** A development principal offered by the sign-in page and the principal chooser. */
export interface DemoPrincipal {
	readonly token: string;
	readonly id: string;
	readonly roles: readonly string[];
	readonly tenant?: string;
	readonly description?: string;
}

/** A finding of `charter check` about one contract. */
export interface CheckFindingView {
	readonly ruleId: string;
	readonly severity: string;
	readonly key?: string;
	readonly version?: string;
	readonly field?: string;
	readonly message: string;
}

/** A change of one contract against the lockfile (`charter diff`). */
export interface ChangeView {
	readonly ruleId: string;
	readonly severity: string;
	readonly kind: string;
	readonly key: string;
	readonly version: string;
	readonly path: string;
	readonly message: string;
}

/** Where the contracts stand against governance: findings, and changes since the lockfile. */
export interface GovernanceState {
	readonly lockfile: string;
	/** `fresh`: the lockfile matches the contracts; `stale`: it does not; `missing`: none. */
	readonly status: 'fresh' | 'stale' | 'missing';
	readonly findings: readonly CheckFindingView[];
	readonly changes: readonly ChangeView[];
}

/** Everything the catalog shows, read from the registry once. */
export interface StudioCatalog {
	readonly title: string;
	/** The docs page model's groups (by feature), entries and filters. */
	readonly groups: readonly IndexGroup[];
	readonly models: readonly IndexEntry[];
	readonly operations: readonly OperationPage[];
	readonly events: readonly EventPage[];
	readonly modelPages: readonly ModelPage[];
	readonly features: readonly FeatureSpec[];
	readonly filters: {
		readonly tags: readonly string[];
		readonly owners: readonly string[];
		readonly stabilities: readonly string[];
	};
	/** The operation contracts themselves (plain data), for forms and the client. */
	readonly contracts: readonly OperationSpec[];
	readonly eventContracts: readonly EventSpec[];
	/** `key@version` of the operations this server serves. */
	readonly served: readonly string[];
	readonly governance?: GovernanceState;
}

/** One audit record as Studio lists it: the store's record and its position. */
export type AuditRecordView = AuditRecord & { readonly seq?: number };

/** A page of audit records, newest first, and the cursor of the next (older) page. */
export interface AuditPage {
	readonly items: readonly AuditRecordView[];
	readonly nextBefore?: number;
}

/** One event as the live view gets it: the envelope as published, and what caused it. */
export interface StudioEvent {
	readonly envelope: EventEnvelope;
	readonly cause: EventCause;
}

/** The operation an event's `source` names (`charter:operation/<key>@<version>`), if any. */
export function emitterOf(
	source: string,
): { readonly operation: string; readonly version: string } | undefined {
	const [, operation, version] = /^charter:operation\/(.+)@([^@]+)$/.exec(source) ?? [];
	return operation && version ? { operation, version } : undefined;
}

/** The operation call that emitted an event, as far as Studio can tell. */
export interface EventCause {
	/** The emitting operation, from the envelope's `source`; absent when no operation emitted it. */
	readonly operation?: string;
	readonly version?: string;
	/** The call's trace id (the envelope's `traceid`): the `x-trace-id` its caller got back. */
	readonly traceId: string;
	/** The command span's W3C trace context (the envelope's `traceparent`), when the server traces. */
	readonly traceparent?: string;
	/** The command span's id and whether it was sampled, read from `traceparent`. */
	readonly spanId?: string;
	readonly sampled?: boolean;
	/**
	 * The command's audit record in the viewer's tenant: the record of that operation whose trace
	 * is the event's (its own, or the one its caller named) and whose run covers the event's time.
	 * Otherwise why there is none to show: `none` (not found, e.g. no longer kept, or the event
	 * is of no tenant while the viewer has one), `ambiguous` (several calls named the same trace at once), `unavailable` (the store
	 * did not answer).
	 */
	readonly audit: CauseRecord | 'none' | 'ambiguous' | 'unavailable';
}

/**
 * What the live view shows of a cause's audit record (its own `traceId`: `api/audit?trace=`
 * finds exactly this record by it), and the run the server matches later events against; the
 * audit page shows all of it.
 */
export type CauseRecord = Pick<
	AuditRecordView,
	'id' | 'traceId' | 'principalId' | 'resultCode' | 'startedAt' | 'finishedAt'
>;

/** The runtime's state, for the health page. */
export interface HealthReport {
	readonly checkedAt: string;
	/** What `/readyz` answers: ready or not, the lifecycle phase, and each check. */
	readonly readiness?: {
		readonly status: 'ready' | 'not ready';
		readonly phase: string;
		readonly checks: Readonly<
			Record<
				string,
				{ readonly ok: boolean; readonly optional?: boolean; readonly detail?: string }
			>
		>;
	};
	readonly store: { readonly dialect: string; readonly ready: boolean; readonly error?: string };
	readonly bus: { readonly ready: boolean; readonly error?: string };
	readonly outbox?: {
		readonly pending: number;
		readonly oldestPendingAt?: string;
		readonly lagMs: number;
		/** Failed deliveries of the viewer's tenant (and of no tenant). */
		readonly failed: readonly {
			readonly id: string;
			readonly type: string;
			readonly traceId: string;
			readonly createdAt: string;
			readonly attempts: number;
			readonly lastError: string;
		}[];
		readonly relay?: {
			readonly delivered: number;
			readonly failures: number;
			readonly retryAt?: string;
		};
	};
	readonly idempotency?: { readonly inFlight: number };
	readonly subscribers: readonly {
		readonly event: string;
		readonly subscriptions: number;
		readonly listeners: number;
	}[];
	/** Served operations per surface, with their wire names. */
	readonly surfaces: readonly {
		readonly surface: 'rest' | 'graphql' | 'mcp';
		readonly mountedAt: string;
		readonly operations: readonly { readonly id: string; readonly name: string }[];
	}[];
}

/** The request of `POST api/snippets` and `POST api/validate`. */
export interface OperationInput {
	readonly operation: string;
	readonly version: string;
	readonly input: unknown;
}

export type { Snippets };
