import { toJsonSchema } from '@charter/schema';
import { z } from 'zod';
import { PauseWorkflowContract } from '../../examples/workflow-system/src/instance/instance.operations.ts';

/*
 * What every server of the HTTP benchmark shares: the route, the dev tokens, the in-memory
 * instances, the pause itself, and the schemas (JSON Schema from the seed contract for Ajv,
 * equivalent Zod 4 schemas for the Zod-based peers). Only the framework around it differs.
 */

/** The REST route of `workflow.instance.pause` (Charter's wire default; peers use the same). */
export const PAUSE_PATH = '/v1/workflow/instance/pause';

/** A caller as every server sees it. */
export interface BenchPrincipal {
	readonly id: string;
	readonly roles: readonly string[];
	readonly tenant: string;
}

/** Dev bearer tokens: an admin of org-1 (allowed) and a plain user (403). */
export const TOKENS: Readonly<Record<string, BenchPrincipal>> = {
	'admin-token': { id: 'admin-1', roles: ['admin'], tenant: 'org-1' },
	'user-token': { id: 'user-1', roles: [], tenant: 'org-1' },
};

/** The body every load request sends. */
export const PAUSE_BODY = { instanceId: 'inst-456', reason: 'System maintenance' };

/** A body that breaks the input contract (instanceId must be a string). */
export const INVALID_BODY = { instanceId: 42 };

const STATUS = [
	'PENDING',
	'RUNNING',
	'WAITING',
	'PAUSED',
	'COMPLETED',
	'CANCELLED',
	'FAILED',
	'TIMEOUT',
] as const;

/** A workflow instance as stored and returned. */
export interface Instance {
	id: string;
	definitionKey: string;
	definitionVersion: number;
	status: (typeof STATUS)[number];
	previousStatus?: (typeof STATUS)[number] | null;
	currentStepKey?: string | null;
	context: Record<string, unknown>;
	organizationId: string;
	startedBy: string;
	pauseReason?: string | null;
	revision: number;
	createdAt: string;
	updatedAt: string;
	completedAt?: string | null;
}

/** Creates the in-memory instances: inst-456 RUNNING in org-1, the one the load pauses. */
export function seedInstances(): Map<string, Instance> {
	const running: Instance = {
		id: 'inst-456',
		definitionKey: 'purchase-approval',
		definitionVersion: 3,
		status: 'RUNNING',
		previousStatus: null,
		currentStepKey: 'manager-review',
		context: { amount: 1250, currency: 'EUR', requester: 'ada' },
		organizationId: 'org-1',
		startedBy: 'user-42',
		pauseReason: null,
		revision: 7,
		createdAt: '2026-01-31T12:00:00.000Z',
		updatedAt: '2026-01-31T12:00:00.000Z',
		completedAt: null,
	};
	return new Map([[running.id, running]]);
}

/**
 * Pauses an instance of the caller's tenant: status PAUSED, the status before it remembered,
 * the reason, revision + 1. Gives undefined when no such instance is visible to the tenant.
 */
export function pauseInstance(
	store: Map<string, Instance>,
	input: { instanceId: string; reason?: string | undefined },
	tenant: string | undefined,
	now: string,
): Instance | undefined {
	const current = store.get(input.instanceId);
	if (!current || current.organizationId !== tenant) return undefined;
	const paused: Instance = {
		...current,
		status: 'PAUSED',
		previousStatus: current.status === 'PAUSED' ? current.previousStatus : current.status,
		pauseReason: input.reason ?? null,
		revision: current.revision + 1,
		updatedAt: now,
	};
	store.set(paused.id, paused);
	return paused;
}

/** Resolves an Authorization header: a principal, `missing`, or `invalid` (both are 401). */
export function principalOf(header: string | undefined): BenchPrincipal | 'missing' | 'invalid' {
	if (header === undefined || header === '') return 'missing';
	const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
	const principal = match ? TOKENS[match[1]!] : undefined;
	return principal ?? 'invalid';
}

/** Whether a principal may pause (the seed's policy: admin role, in a tenant). */
export function mayPause(principal: BenchPrincipal): boolean {
	return principal.roles.includes('admin') && principal.tenant !== '';
}

/** The contract's input and output JSON Schemas, without `$schema` (for draft-agnostic Ajv use). */
export function pauseJsonSchemas(): { input: object; output: object } {
	const strip = (schema: object) => {
		const { $schema: _, ...rest } = schema as Record<string, unknown>;
		return rest;
	};
	return {
		input: strip(toJsonSchema(PauseWorkflowContract.io.input)),
		output: strip(toJsonSchema(PauseWorkflowContract.io.output)),
	};
}

/** The input as a Zod 4 schema (unknown keys stripped, like Charter). */
export const pauseInputZod = z.object({
	instanceId: z.string(),
	reason: z.string().optional(),
});

/** The WorkflowInstance model as a Zod 4 schema, field for field. */
export const instanceZod = z.object({
	id: z.string().min(1),
	definitionKey: z.string().min(1),
	definitionVersion: z.number().int().min(1),
	status: z.enum(STATUS),
	previousStatus: z.enum(STATUS).nullable().optional(),
	currentStepKey: z.string().nullable().optional(),
	context: z.record(z.string(), z.unknown()),
	organizationId: z.string().min(1),
	startedBy: z.string().min(1),
	pauseReason: z.string().nullable().optional(),
	revision: z.number().int().min(0),
	createdAt: z.iso.datetime({ offset: true }),
	updatedAt: z.iso.datetime({ offset: true }),
	completedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
