import { type Binding, ContractError } from '@charter/runtime';
import { validateDefinition } from '../domain/definition-validator.ts';
import {
	implement,
	organizationOf,
	repositoriesOf,
	type WorkflowContext,
	type WorkflowDeps,
} from '../shared/handler-kit.ts';
import { pageOf, probeOf, windowOf } from '../shared/page-cursor.ts';
import type { DefinitionRecord } from '../store/workflow-records.ts';
import {
	AddStepContract,
	ArchiveDefinitionContract,
	CreateDefinitionContract,
	DeprecateDefinitionContract,
	GetDefinitionContract,
	ListDefinitionsContract,
	PublishDefinitionContract,
	RemoveStepContract,
	UpdateDefinitionContract,
	UpdateStepContract,
	ValidateDefinitionContract,
} from './definition.operations.ts';

type Status = DefinitionRecord['status'];

/** Binds the definition contracts: drafts, steps, validation and the version lifecycle. */
export function definitionHandlers(deps: WorkflowDeps): Binding<any>[] {
	const load = async (ctx: WorkflowContext, id: string) => {
		const found = await repositoriesOf(deps, ctx).definitions.get(organizationOf(ctx), id);
		if (!found) throw new ContractError('NOT_FOUND', `no workflow definition ${id}`);
		return found;
	};
	const loadDraft = async (ctx: WorkflowContext, id: string) => {
		const found = await load(ctx, id);
		if (found.status !== 'DRAFT') {
			throw new ContractError(
				'INVALID_STATE',
				`definition ${id} is ${found.status}; only a DRAFT can be changed`,
			);
		}
		return found;
	};
	const save = async (ctx: WorkflowContext, definition: DefinitionRecord) => {
		const next = { ...definition, updatedAt: ctx.now().toISOString() };
		await repositoriesOf(deps, ctx).definitions.update(next);
		return next;
	};
	/** Moves a version along its lifecycle, from one of the allowed statuses. */
	const move = async (ctx: WorkflowContext, id: string, from: Status[], to: Status) => {
		const found = await load(ctx, id);
		if (!from.includes(found.status)) {
			throw new ContractError(
				'INVALID_STATE',
				`definition ${id} is ${found.status}; only ${from.join(' or ')} can become ${to}`,
			);
		}
		return save(ctx, { ...found, status: to });
	};

	return [
		implement(CreateDefinitionContract, async (input, ctx) => {
			const organizationId = organizationOf(ctx);
			const repos = repositoriesOf(deps, ctx);
			const versions = await repos.definitions.versions(organizationId, input.key);
			const now = ctx.now().toISOString();
			const definition: DefinitionRecord = {
				id: deps.ids.next('def'),
				key: input.key,
				version: (versions.at(-1)?.version ?? 0) + 1,
				name: input.name,
				...(input.description !== undefined ? { description: input.description } : {}),
				status: 'DRAFT',
				steps: structuredClone(input.steps ?? []),
				organizationId,
				createdBy: ctx.principal!.id,
				createdAt: now,
				updatedAt: now,
				publishedAt: null,
			};
			await repos.definitions.insert(definition);
			ctx.emit('workflow.definition.created', definition);
			return definition;
		}),
		implement(UpdateDefinitionContract, async (input, ctx) => {
			const found = await loadDraft(ctx, input.definitionId);
			const { description, ...rest } = found;
			const next = await save(ctx, {
				...rest,
				name: input.name ?? found.name,
				...(input.description === null ? {} : { description: input.description ?? description }),
			} as DefinitionRecord);
			ctx.emit('workflow.definition.updated', next);
			return next;
		}),
		implement(AddStepContract, async (input, ctx) => {
			const found = await loadDraft(ctx, input.definitionId);
			if (found.steps.some((s) => s.key === input.step.key)) {
				throw ctx.errors.DUPLICATE_STEP({ detail: `step "${input.step.key}" already exists` });
			}
			const steps = [...found.steps];
			steps.splice(Math.min(input.position ?? steps.length, steps.length), 0, input.step);
			const next = await save(ctx, { ...found, steps });
			ctx.emit('workflow.definition.step-added', next);
			return next;
		}),
		implement(UpdateStepContract, async (input, ctx) => {
			const found = await loadDraft(ctx, input.definitionId);
			const at = found.steps.findIndex((s) => s.key === input.stepKey);
			if (at < 0) throw ctx.errors.NOT_FOUND({ detail: `no step "${input.stepKey}"` });
			if (found.steps.some((s, i) => i !== at && s.key === input.step.key)) {
				throw ctx.errors.DUPLICATE_STEP({ detail: `step "${input.step.key}" already exists` });
			}
			const steps = found.steps.map((s, i) => (i === at ? input.step : s));
			const next = await save(ctx, { ...found, steps });
			ctx.emit('workflow.definition.step-updated', next);
			return next;
		}),
		implement(RemoveStepContract, async (input, ctx) => {
			const found = await loadDraft(ctx, input.definitionId);
			if (!found.steps.some((s) => s.key === input.stepKey)) {
				throw ctx.errors.NOT_FOUND({ detail: `no step "${input.stepKey}"` });
			}
			const steps = found.steps.filter((s) => s.key !== input.stepKey);
			const next = await save(ctx, { ...found, steps });
			ctx.emit('workflow.definition.step-removed', next);
			return next;
		}),
		implement(ValidateDefinitionContract, async (input, ctx) => {
			const found = await load(ctx, input.definitionId);
			const issues = validateDefinition(found);
			return { definitionId: found.id, valid: issues.length === 0, issues };
		}),
		implement(PublishDefinitionContract, async (input, ctx) => {
			const found = await load(ctx, input.definitionId);
			if (found.status !== 'DRAFT') {
				throw ctx.errors.INVALID_STATE({
					detail: `definition ${found.id} is ${found.status}; only a DRAFT can be published`,
				});
			}
			const issues = validateDefinition(found);
			if (issues.length > 0) {
				throw ctx.errors.DEFINITION_INVALID({
					detail: `the draft has ${issues.length} validation issue(s)`,
					data: issues,
				});
			}
			const next = await save(ctx, {
				...found,
				status: 'ACTIVE',
				publishedAt: ctx.now().toISOString(),
			});
			ctx.emit('workflow.definition.published', next);
			return next;
		}),
		implement(DeprecateDefinitionContract, async (input, ctx) => {
			const next = await move(ctx, input.definitionId, ['ACTIVE'], 'DEPRECATED');
			ctx.emit('workflow.definition.deprecated', next);
			return next;
		}),
		implement(ArchiveDefinitionContract, async (input, ctx) => {
			const next = await move(ctx, input.definitionId, ['DRAFT', 'DEPRECATED'], 'ARCHIVED');
			ctx.emit('workflow.definition.archived', next);
			return next;
		}),
		implement(ListDefinitionsContract, async (input, ctx) => {
			const window = windowOf(input.cursor, input.limit);
			const items = await repositoriesOf(deps, ctx).definitions.list(
				organizationOf(ctx),
				{ key: input.key, status: input.status },
				probeOf(window),
			);
			const page = pageOf(items, window);
			return {
				items: page.items.map((d) => ({
					id: d.id,
					key: d.key,
					version: d.version,
					name: d.name,
					status: d.status,
					stepCount: d.steps.length,
					updatedAt: d.updatedAt,
				})),
				nextCursor: page.nextCursor,
			};
		}),
		implement(GetDefinitionContract, async (input, ctx) => load(ctx, input.definitionId)),
	];
}
