var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// server.ts
import { fileURLToPath } from "node:url";
import { runBuilt } from "@charter/cli/built";

// charter.config.ts
var charter_config_exports = {};
__export(charter_config_exports, {
  default: () => charter_config_default
});
import { defineConfig } from "@charter/cli";
var charter_config_default = defineConfig({
  title: "Workflow system",
  contracts: ["src/**/*.operations.ts", "src/**/*.events.ts", "src/**/*.feature.ts"],
  handlers: "src/handlers.ts",
  // Kept in git and compared by `charter ci`; the client SDK and the docs site are build output.
  committed: ["openapi", "graphql"],
  // Charter's own guides, so the example's docs site is the whole manual.
  guides: "../../docs/guides"
});

// src/approval/approval.events.ts
var approval_events_exports = {};
__export(approval_events_exports, {
  ApprovalCommentedEvent: () => ApprovalCommentedEvent,
  ApprovalDecidedEvent: () => ApprovalDecidedEvent,
  ApprovalDelegatedEvent: () => ApprovalDelegatedEvent,
  ApprovalEscalatedEvent: () => ApprovalEscalatedEvent,
  ApprovalExpiredEvent: () => ApprovalExpiredEvent
});
import { defineEvent } from "@charter/spec";

// src/shared/contract-parts.ts
var OWNERS = ["@example.workflow-system"];
var WORKFLOW_ADMIN_POLICY = {
  auth: "user",
  roles: ["workflow-admin"],
  tenant: "required"
};
var MEMBER_POLICY = {
  auth: "user",
  tenant: "required"
};
var ADMIN_POLICY = {
  auth: "admin",
  tenant: "required"
};
var notFound = (what) => ({
  status: 404,
  description: `No ${what} with this id in your organization.`
});
var invalidState = (rule) => ({ status: 409, description: rule });

// src/approval/approval.schema.ts
import { defineSchemaModel as defineSchemaModel2, ScalarTypeEnum as ScalarTypeEnum2 } from "@charter/schema";

// src/definition/definition.enum.ts
import { defineEnum } from "@charter/schema";
var DefinitionStatusEnum = defineEnum(
  "DefinitionStatus",
  {
    DRAFT: { description: "Being edited; can be validated and published." },
    ACTIVE: { description: "Published and immutable; new instances start from it." },
    DEPRECATED: { description: "Still runs its instances; no new instance starts from it." },
    ARCHIVED: { description: "Retired; kept for history only." }
  },
  { description: "Lifecycle status of a workflow definition version." }
);
var StepTypeEnum = defineEnum(
  "StepType",
  {
    START: { description: "Entry point; exactly one per definition." },
    TASK: { description: "Waits for a human action, one transition per action." },
    APPROVAL: { description: "Collects approval decisions according to a mode." },
    CONDITION: { description: "Chooses a transition by guard expressions, with a default." },
    WAIT: { description: "Waits for a duration, then continues." },
    END: { description: "Completes the instance." }
  },
  { description: "Kind of a workflow step." }
);
var ApprovalModeEnum = defineEnum(
  "ApprovalMode",
  {
    ANY: { description: "One approval suffices." },
    ALL: { description: "Every non-abstaining approver must approve." },
    MAJORITY: { description: "More than half of the non-abstaining approvers approve." },
    SEQUENTIAL: { description: "Approvers decide one after another, in order." }
  },
  { description: "How the decisions of an APPROVAL step combine." }
);
var ApprovalOutcomeEnum = defineEnum(
  "ApprovalOutcome",
  {
    PENDING: { description: "Not decided yet." },
    APPROVED: { description: "The step is approved." },
    REJECTED: { description: "The step is rejected." },
    CHANGES_REQUESTED: { description: "Sent back to a TASK step for changes." }
  },
  { description: "Combined outcome of an APPROVAL step." }
);

// src/instance/instance.schema.ts
import { defineSchemaModel, ScalarTypeEnum } from "@charter/schema";

// src/instance/instance.enum.ts
import { defineEnum as defineEnum2 } from "@charter/schema";
var InstanceStatusEnum = defineEnum2(
  "InstanceStatus",
  {
    PENDING: { description: "Created, not started yet." },
    RUNNING: { description: "Executing its current step." },
    WAITING: { description: "Waiting for a human action, an approval or a timer." },
    PAUSED: { description: "Halted by an administrator; resume restores the previous status." },
    COMPLETED: { description: "Reached an END step." },
    CANCELLED: { description: "Stopped before completion by an administrator or its starter." },
    FAILED: { description: "Stopped by an unrecoverable error." },
    TIMEOUT: { description: "A step or approval expired." }
  },
  { description: "Lifecycle status of a workflow instance." }
);
var InstanceActionKindEnum = defineEnum2(
  "InstanceActionKind",
  {
    TRANSITION: { description: "A human action of the current TASK step." },
    DECIDE: { description: "A decision on one of your approval requests." },
    PAUSE: { description: "Pause the instance (administrators)." },
    RESUME: { description: "Resume the instance (administrators)." },
    CANCEL: { description: "Cancel the instance (administrators or its starter)." }
  },
  { description: "Kind of action available on an instance." }
);

// src/instance/instance.schema.ts
var WorkflowInstanceModel = defineSchemaModel({
  name: "WorkflowInstance",
  description: "An execution of a published workflow definition.",
  fields: {
    id: { type: ScalarTypeEnum.ID(), isOptional: false, description: "Instance id." },
    definitionKey: {
      type: ScalarTypeEnum.NonEmptyString(),
      isOptional: false,
      description: "Key of the workflow definition."
    },
    definitionVersion: {
      type: ScalarTypeEnum.Int({ minimum: 1 }),
      isOptional: false,
      description: "Published version of the definition."
    },
    status: { type: InstanceStatusEnum, isOptional: false },
    previousStatus: {
      type: InstanceStatusEnum,
      isOptional: true,
      isNullable: true,
      description: "Status before the instance was paused; restored on resume."
    },
    currentStepKey: {
      type: ScalarTypeEnum.String(),
      isOptional: true,
      isNullable: true,
      description: "Step the instance is on."
    },
    context: {
      type: ScalarTypeEnum.JSONObject(),
      isOptional: false,
      description: "Data carried through the steps."
    },
    organizationId: {
      type: ScalarTypeEnum.ID(),
      isOptional: false,
      description: "Organization that owns the instance."
    },
    startedBy: {
      type: ScalarTypeEnum.ID(),
      isOptional: false,
      description: "Principal who started the instance."
    },
    pauseReason: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
    revision: {
      type: ScalarTypeEnum.Int({ minimum: 0 }),
      isOptional: false,
      description: "Optimistic revision, +1 per change."
    },
    createdAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
    updatedAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
    completedAt: { type: ScalarTypeEnum.DateTime(), isOptional: true, isNullable: true }
  }
});
var StartWorkflowInputModel = defineSchemaModel({
  name: "StartWorkflowInput",
  fields: {
    definitionKey: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
    context: { type: ScalarTypeEnum.JSONObject(), isOptional: true, description: "Initial data." }
  }
});
var TransitionInputModel = defineSchemaModel({
  name: "TransitionInput",
  fields: {
    instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
    action: {
      type: ScalarTypeEnum.NonEmptyString(),
      isOptional: false,
      description: "Action offered by the current step."
    },
    data: {
      type: ScalarTypeEnum.JSONObject(),
      isOptional: true,
      description: "Data merged into the context."
    },
    comment: { type: ScalarTypeEnum.String({ maxLength: 2e3 }), isOptional: true }
  }
});
var TransitionResultModel = defineSchemaModel({
  name: "TransitionResult",
  fields: {
    instance: { type: WorkflowInstanceModel, isOptional: false },
    fromStepKey: { type: ScalarTypeEnum.String(), isOptional: false },
    toStepKey: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true }
  }
});
var InstanceRefInputModel = defineSchemaModel({
  name: "InstanceRefInput",
  fields: { instanceId: { type: ScalarTypeEnum.ID(), isOptional: false } }
});
var CancelInstanceInputModel = defineSchemaModel({
  name: "CancelInstanceInput",
  fields: {
    instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
    reason: { type: ScalarTypeEnum.String({ maxLength: 2e3 }), isOptional: true }
  }
});
var ListInstancesInputModel = defineSchemaModel({
  name: "ListInstancesInput",
  fields: {
    definitionKey: { type: ScalarTypeEnum.NonEmptyString(), isOptional: true },
    status: { type: InstanceStatusEnum, isOptional: true },
    startedBy: { type: ScalarTypeEnum.ID(), isOptional: true },
    currentStepKey: { type: ScalarTypeEnum.String(), isOptional: true },
    limit: {
      type: ScalarTypeEnum.Int({ minimum: 1, maximum: 100 }),
      isOptional: true,
      default: 20
    },
    cursor: { type: ScalarTypeEnum.String(), isOptional: true, description: "From `nextCursor`." }
  }
});
var InstancePageModel = defineSchemaModel({
  name: "InstancePage",
  fields: {
    items: { type: WorkflowInstanceModel, isArray: true, isOptional: false },
    nextCursor: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true }
  }
});
var HistoryEntryModel = defineSchemaModel({
  name: "HistoryEntry",
  fields: {
    sequence: { type: ScalarTypeEnum.Int({ minimum: 1 }), isOptional: false },
    stepKey: { type: ScalarTypeEnum.String(), isOptional: false },
    stepType: { type: StepTypeEnum, isOptional: false },
    enteredAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
    enteredBy: {
      type: ScalarTypeEnum.ID(),
      isOptional: false,
      description: "Principal whose action entered the step; `system` for the engine and timers."
    },
    action: {
      type: ScalarTypeEnum.String(),
      isOptional: true,
      isNullable: true,
      description: "Action or approval outcome that led here."
    },
    comment: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
    leftAt: { type: ScalarTypeEnum.DateTime(), isOptional: true, isNullable: true }
  }
});
var InstanceHistoryModel = defineSchemaModel({
  name: "InstanceHistory",
  fields: {
    instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
    entries: { type: HistoryEntryModel, isArray: true, isOptional: false }
  }
});
var AvailableActionModel = defineSchemaModel({
  name: "AvailableAction",
  fields: {
    kind: { type: InstanceActionKindEnum, isOptional: false },
    operation: {
      type: ScalarTypeEnum.String(),
      isOptional: false,
      description: "Key of the contract that performs it."
    },
    action: {
      type: ScalarTypeEnum.String(),
      isOptional: true,
      description: "TRANSITION: the action name to send."
    },
    approvalRequestId: {
      type: ScalarTypeEnum.ID(),
      isOptional: true,
      description: "DECIDE: your request to decide."
    },
    label: { type: ScalarTypeEnum.String(), isOptional: true }
  }
});
var AvailableActionsModel = defineSchemaModel({
  name: "AvailableActions",
  fields: {
    instanceId: { type: ScalarTypeEnum.ID(), isOptional: false },
    status: { type: InstanceStatusEnum, isOptional: false },
    currentStepKey: { type: ScalarTypeEnum.String(), isOptional: true, isNullable: true },
    actions: { type: AvailableActionModel, isArray: true, isOptional: false }
  }
});

// src/approval/approval.enum.ts
import { defineEnum as defineEnum3 } from "@charter/schema";
var ApprovalDecisionEnum = defineEnum3(
  "ApprovalDecision",
  {
    APPROVE: { description: "Approve." },
    REJECT: { description: "Reject." },
    REQUEST_CHANGES: { description: "Send back for changes to a TASK step." },
    ABSTAIN: { description: "Take no side: the approver leaves the count." }
  },
  { description: "Decision on an approval request." }
);
var ApprovalRequestStatusEnum = defineEnum3(
  "ApprovalRequestStatus",
  {
    PENDING: { description: "Waiting for the assignee." },
    APPROVED: { description: "The assignee approved." },
    REJECTED: { description: "The assignee rejected." },
    CHANGES_REQUESTED: { description: "The assignee asked for changes." },
    ABSTAINED: { description: "The assignee abstained." },
    DELEGATED: { description: "Handed on to another assignee (a new request)." },
    EXPIRED: { description: "Not decided in time; counts as a rejection." },
    CANCELLED: { description: "Closed without a decision (step left or instance cancelled)." }
  },
  { description: "Status of an approval request." }
);

// src/approval/approval.schema.ts
var ApprovalRequestModel = defineSchemaModel2({
  name: "ApprovalRequest",
  fields: {
    id: { type: ScalarTypeEnum2.ID(), isOptional: false },
    instanceId: { type: ScalarTypeEnum2.ID(), isOptional: false },
    stepKey: { type: ScalarTypeEnum2.String(), isOptional: false },
    organizationId: { type: ScalarTypeEnum2.ID(), isOptional: false },
    assigneeId: { type: ScalarTypeEnum2.ID(), isOptional: false },
    order: {
      type: ScalarTypeEnum2.Int({ minimum: 0 }),
      isOptional: false,
      description: "Turn under SEQUENTIAL (lowest first); kept by a delegate."
    },
    status: { type: ApprovalRequestStatusEnum, isOptional: false },
    decision: { type: ApprovalDecisionEnum, isOptional: true, isNullable: true },
    decidedAt: { type: ScalarTypeEnum2.DateTime(), isOptional: true, isNullable: true },
    decisionComment: { type: ScalarTypeEnum2.String(), isOptional: true, isNullable: true },
    delegatedFromId: {
      type: ScalarTypeEnum2.ID(),
      isOptional: true,
      isNullable: true,
      description: "Request this one replaces, when it came from a delegation."
    },
    delegatedToId: {
      type: ScalarTypeEnum2.ID(),
      isOptional: true,
      isNullable: true,
      description: "Principal this request was handed to (status DELEGATED)."
    },
    escalatedAt: { type: ScalarTypeEnum2.DateTime(), isOptional: true, isNullable: true },
    expiresAt: { type: ScalarTypeEnum2.DateTime(), isOptional: true, isNullable: true },
    createdAt: { type: ScalarTypeEnum2.DateTime(), isOptional: false }
  }
});
var ApprovalCommentModel = defineSchemaModel2({
  name: "ApprovalComment",
  fields: {
    id: { type: ScalarTypeEnum2.ID(), isOptional: false },
    requestId: { type: ScalarTypeEnum2.ID(), isOptional: false },
    authorId: { type: ScalarTypeEnum2.ID(), isOptional: false },
    body: { type: ScalarTypeEnum2.String({ minLength: 1, maxLength: 4e3 }), isOptional: false },
    createdAt: { type: ScalarTypeEnum2.DateTime(), isOptional: false }
  }
});
var ApprovalRequestDetailModel = defineSchemaModel2({
  name: "ApprovalRequestDetail",
  fields: {
    request: { type: ApprovalRequestModel, isOptional: false },
    comments: { type: ApprovalCommentModel, isArray: true, isOptional: false },
    stepOutcome: { type: ApprovalOutcomeEnum, isOptional: false }
  }
});
var ApprovalRefInputModel = defineSchemaModel2({
  name: "ApprovalRefInput",
  fields: { requestId: { type: ScalarTypeEnum2.ID(), isOptional: false } }
});
var DecideApprovalInputModel = defineSchemaModel2({
  name: "DecideApprovalInput",
  fields: {
    requestId: { type: ScalarTypeEnum2.ID(), isOptional: false },
    decision: { type: ApprovalDecisionEnum, isOptional: false },
    comment: {
      type: ScalarTypeEnum2.String({ maxLength: 4e3 }),
      isOptional: true,
      description: "Why; recommended for REJECT and REQUEST_CHANGES."
    }
  }
});
var DecisionResultModel = defineSchemaModel2({
  name: "DecisionResult",
  fields: {
    request: { type: ApprovalRequestModel, isOptional: false },
    stepOutcome: { type: ApprovalOutcomeEnum, isOptional: false },
    instance: { type: WorkflowInstanceModel, isOptional: false }
  }
});
var DelegateApprovalInputModel = defineSchemaModel2({
  name: "DelegateApprovalInput",
  fields: {
    requestId: { type: ScalarTypeEnum2.ID(), isOptional: false },
    delegateToId: { type: ScalarTypeEnum2.ID(), isOptional: false },
    comment: { type: ScalarTypeEnum2.String({ maxLength: 4e3 }), isOptional: true }
  }
});
var DelegationResultModel = defineSchemaModel2({
  name: "DelegationResult",
  fields: {
    delegated: { type: ApprovalRequestModel, isOptional: false },
    request: { type: ApprovalRequestModel, isOptional: false }
  }
});
var CommentApprovalInputModel = defineSchemaModel2({
  name: "CommentApprovalInput",
  fields: {
    requestId: { type: ScalarTypeEnum2.ID(), isOptional: false },
    body: { type: ScalarTypeEnum2.String({ minLength: 1, maxLength: 4e3 }), isOptional: false }
  }
});
var ListMyApprovalsInputModel = defineSchemaModel2({
  name: "ListMyApprovalsInput",
  fields: {
    status: { type: ApprovalRequestStatusEnum, isOptional: true, default: "PENDING" },
    limit: {
      type: ScalarTypeEnum2.Int({ minimum: 1, maximum: 100 }),
      isOptional: true,
      default: 20
    },
    cursor: { type: ScalarTypeEnum2.String(), isOptional: true }
  }
});
var ListInstanceApprovalsInputModel = defineSchemaModel2({
  name: "ListInstanceApprovalsInput",
  fields: {
    instanceId: { type: ScalarTypeEnum2.ID(), isOptional: false },
    stepKey: { type: ScalarTypeEnum2.String(), isOptional: true }
  }
});
var ApprovalRequestPageModel = defineSchemaModel2({
  name: "ApprovalRequestPage",
  fields: {
    items: { type: ApprovalRequestModel, isArray: true, isOptional: false },
    nextCursor: { type: ScalarTypeEnum2.String(), isOptional: true, isNullable: true }
  }
});

// src/approval/approval.events.ts
var meta = (key, description, tag) => ({
  key,
  version: "1.0.0",
  stability: "stable",
  owners: OWNERS,
  tags: ["workflow", "approval", tag],
  description
});
var ApprovalDecidedEvent = defineEvent({
  meta: meta("workflow.approval.decided", "An approval request was decided.", "decide"),
  payload: ApprovalRequestModel
});
var ApprovalDelegatedEvent = defineEvent({
  meta: meta(
    "workflow.approval.delegated",
    "An approval request was handed to another approver.",
    "delegate"
  ),
  payload: DelegationResultModel
});
var ApprovalCommentedEvent = defineEvent({
  meta: meta(
    "workflow.approval.commented",
    "A comment was added to an approval request.",
    "comment"
  ),
  payload: ApprovalCommentModel
});
var ApprovalEscalatedEvent = defineEvent({
  meta: meta("workflow.approval.escalated", "A pending approval request was escalated.", "timer"),
  payload: ApprovalRequestModel
});
var ApprovalExpiredEvent = defineEvent({
  meta: meta("workflow.approval.expired", "A pending approval request expired.", "timer"),
  payload: ApprovalRequestModel
});

// src/approval/approval.feature.ts
var approval_feature_exports = {};
__export(approval_feature_exports, {
  ApprovalsFeature: () => ApprovalsFeature
});
import { defineFeature } from "@charter/spec";

// src/approval/approval.operations.ts
var approval_operations_exports = {};
__export(approval_operations_exports, {
  CommentApprovalContract: () => CommentApprovalContract,
  DecideApprovalContract: () => DecideApprovalContract,
  DelegateApprovalContract: () => DelegateApprovalContract,
  GetApprovalContract: () => GetApprovalContract,
  ListInstanceApprovalsContract: () => ListInstanceApprovalsContract,
  ListMyApprovalsContract: () => ListMyApprovalsContract
});
import { defineCommand, defineQuery } from "@charter/spec";

// src/instance/instance.events.ts
var instance_events_exports = {};
__export(instance_events_exports, {
  InstanceCancelledEvent: () => InstanceCancelledEvent,
  InstanceCompletedEvent: () => InstanceCompletedEvent,
  InstanceFailedEvent: () => InstanceFailedEvent,
  InstancePausedEvent: () => InstancePausedEvent,
  InstanceResumedEvent: () => InstanceResumedEvent,
  InstanceStartedEvent: () => InstanceStartedEvent,
  InstanceTimedOutEvent: () => InstanceTimedOutEvent,
  InstanceTransitionedEvent: () => InstanceTransitionedEvent
});
import { defineEvent as defineEvent2 } from "@charter/spec";
var READ_POLICY = MEMBER_POLICY;
var meta2 = (key, description, tags) => ({
  key,
  version: "1.0.0",
  stability: "stable",
  owners: OWNERS,
  tags: ["workflow", "instance", ...tags],
  description
});
var InstanceStartedEvent = defineEvent2({
  meta: meta2("workflow.instance.started", "A workflow instance was started.", ["start"]),
  payload: WorkflowInstanceModel,
  policy: READ_POLICY
});
var InstanceTransitionedEvent = defineEvent2({
  meta: meta2("workflow.instance.transitioned", "A workflow instance entered a new step.", [
    "transition"
  ]),
  payload: TransitionResultModel,
  policy: READ_POLICY
});
var InstancePausedEvent = defineEvent2({
  meta: meta2("workflow.instance.paused", "A workflow instance was paused.", ["pause"]),
  payload: WorkflowInstanceModel,
  policy: READ_POLICY
});
var InstanceResumedEvent = defineEvent2({
  meta: meta2("workflow.instance.resumed", "A paused workflow instance was resumed.", ["resume"]),
  payload: WorkflowInstanceModel,
  policy: READ_POLICY
});
var InstanceCancelledEvent = defineEvent2({
  meta: meta2("workflow.instance.cancelled", "A workflow instance was cancelled.", ["cancel"]),
  payload: WorkflowInstanceModel,
  policy: READ_POLICY
});
var InstanceCompletedEvent = defineEvent2({
  meta: meta2("workflow.instance.completed", "A workflow instance reached an END step.", [
    "complete"
  ]),
  payload: WorkflowInstanceModel,
  policy: READ_POLICY
});
var InstanceTimedOutEvent = defineEvent2({
  meta: meta2("workflow.instance.timed-out", "A step or an approval of the instance expired.", [
    "timer"
  ]),
  payload: WorkflowInstanceModel,
  policy: READ_POLICY
});
var InstanceFailedEvent = defineEvent2({
  meta: meta2(
    "workflow.instance.failed",
    "A workflow instance stopped on an unrecoverable error (e.g. a guard that cannot be evaluated).",
    ["failure"]
  ),
  payload: WorkflowInstanceModel,
  policy: READ_POLICY
});

// src/approval/approval.operations.ts
var meta3 = (key, tags, text) => ({
  key,
  version: "1.0.0",
  stability: "stable",
  owners: OWNERS,
  tags: ["workflow", "approval", ...tags],
  ...text
});
var REQUEST_NOT_FOUND = notFound("approval request");
var ASSIGNEE_POLICY = { ...MEMBER_POLICY, rules: ["approval-assignee"] };
var PENDING_GIVEN = "Instance inst-100 is WAITING on manager-approval (mode ANY); request apr-1 of user-manager-1 is PENDING";
var DecideApprovalContract = defineCommand({
  meta: meta3("workflow.approval.decide", ["decide"], {
    description: "Approve, reject, request changes on, or abstain from an approval request.",
    goal: "Let approvers move a process forward or stop it.",
    context: "Only the assignee decides, only on requests of the current step, once (a decided request is final). The step outcome follows the mode (ANY, ALL, MAJORITY, SEQUENTIAL; an abstention leaves the count). APPROVED and REJECTED follow the matching transition; CHANGES_REQUESTED goes back to a TASK step. Refused with INVALID_STATE while the instance is PAUSED or finished."
  }),
  io: { input: DecideApprovalInputModel, output: DecisionResultModel },
  policy: ASSIGNEE_POLICY,
  errors: {
    NOT_FOUND: REQUEST_NOT_FOUND,
    INVALID_STATE: invalidState(
      "The instance is not RUNNING or WAITING, or the request is not of its current step."
    ),
    ALREADY_DECIDED: {
      status: 409,
      description: "The request was already decided, delegated or expired."
    },
    NOT_YOUR_TURN: {
      status: 409,
      description: "SEQUENTIAL mode: an earlier approver has not decided yet."
    }
  },
  sideEffects: {
    emits: [
      ApprovalDecidedEvent,
      InstanceTransitionedEvent,
      InstanceCompletedEvent,
      InstanceFailedEvent
    ],
    audit: ["workflow.approval.decided"]
  },
  acceptance: {
    scenarios: [
      {
        key: "manager-approves-large",
        given: [PENDING_GIVEN, "The context amount is 1500"],
        when: ["user-manager-1 approves apr-1"],
        then: [
          "The step outcome is APPROVED",
          "The instance is WAITING on finance-approval (amount > 1000)"
        ]
      },
      {
        key: "manager-requests-changes",
        given: [PENDING_GIVEN],
        when: ["user-manager-1 requests changes on apr-1"],
        then: [
          "The step outcome is CHANGES_REQUESTED",
          "The instance is WAITING on the submit task"
        ]
      },
      {
        key: "decide-twice",
        given: ["Request apr-2 of inst-100 was already APPROVED"],
        when: ["Its assignee rejects apr-2"],
        then: ["The call fails with ALREADY_DECIDED (409)"]
      },
      {
        key: "decide-paused",
        given: ["Instance inst-101 is PAUSED on manager-approval; request apr-3 is PENDING"],
        when: ["Its assignee approves apr-3"],
        then: ["The call fails with INVALID_STATE (409)"]
      }
    ],
    examples: [
      {
        key: "approve",
        scenario: "manager-approves-large",
        input: { requestId: "apr-1", decision: "APPROVE" },
        output: {
          request: { id: "apr-1", status: "APPROVED", decision: "APPROVE" },
          stepOutcome: "APPROVED",
          instance: { id: "inst-100", status: "WAITING", currentStepKey: "finance-approval" }
        }
      },
      {
        key: "request-changes",
        scenario: "manager-requests-changes",
        input: { requestId: "apr-1", decision: "REQUEST_CHANGES", comment: "Attach the receipt." },
        output: {
          request: { id: "apr-1", status: "CHANGES_REQUESTED" },
          stepOutcome: "CHANGES_REQUESTED",
          instance: { id: "inst-100", currentStepKey: "submit" }
        }
      },
      {
        key: "decided-request",
        scenario: "decide-twice",
        input: { requestId: "apr-2", decision: "REJECT" },
        error: "ALREADY_DECIDED"
      },
      {
        key: "paused-instance",
        scenario: "decide-paused",
        input: { requestId: "apr-3", decision: "APPROVE" },
        error: "INVALID_STATE"
      }
    ]
  }
});
var DelegateApprovalContract = defineCommand({
  meta: meta3("workflow.approval.delegate", ["delegate"], {
    description: "Delegate a pending approval request to another person.",
    goal: "Keep approvals moving when the approver is away.",
    context: "The assignee hands the request on: it becomes DELEGATED and a new PENDING request, same step and order, goes to the delegate."
  }),
  io: { input: DelegateApprovalInputModel, output: DelegationResultModel },
  policy: ASSIGNEE_POLICY,
  errors: {
    NOT_FOUND: REQUEST_NOT_FOUND,
    INVALID_STATE: invalidState("The instance is not RUNNING or WAITING."),
    ALREADY_DECIDED: { status: 409, description: "Only a PENDING request can be delegated." },
    INVALID_DELEGATE: {
      status: 422,
      description: "The delegate is the assignee, already holds a request of this step, started the instance (no self-approval), or is not a member of the organization."
    }
  },
  sideEffects: { emits: [ApprovalDelegatedEvent], audit: ["workflow.approval.delegated"] },
  acceptance: {
    scenarios: [
      {
        key: "delegate-to-deputy",
        given: [PENDING_GIVEN],
        when: ["user-manager-1 delegates apr-1 to user-deputy-1"],
        then: ["apr-1 is DELEGATED", "user-deputy-1 has a new PENDING request of the same step"]
      }
    ],
    examples: [
      {
        key: "delegate",
        scenario: "delegate-to-deputy",
        input: {
          requestId: "apr-1",
          delegateToId: "user-deputy-1",
          comment: "On leave this week."
        },
        output: {
          delegated: { id: "apr-1", status: "DELEGATED", delegatedToId: "user-deputy-1" },
          request: {
            assigneeId: "user-deputy-1",
            status: "PENDING",
            stepKey: "manager-approval",
            delegatedFromId: "apr-1"
          }
        }
      }
    ]
  }
});
var CommentApprovalContract = defineCommand({
  meta: meta3("workflow.approval.comment", ["comment"], {
    description: "Comment on an approval request.",
    goal: "Discuss a request before deciding.",
    context: "Open to the assignee and to members who can see the instance; allowed whatever the request status."
  }),
  io: { input: CommentApprovalInputModel, output: ApprovalCommentModel },
  policy: MEMBER_POLICY,
  errors: { NOT_FOUND: REQUEST_NOT_FOUND },
  sideEffects: { emits: [ApprovalCommentedEvent], audit: ["workflow.approval.commented"] },
  acceptance: {
    scenarios: [
      {
        key: "comment-on-request",
        given: [PENDING_GIVEN],
        when: ['user-manager-1 comments "Which project is this for?"'],
        then: ["The comment is stored with its author and time"]
      }
    ],
    examples: [
      {
        key: "comment",
        scenario: "comment-on-request",
        input: { requestId: "apr-1", body: "Which project is this for?" },
        output: {
          requestId: "apr-1",
          authorId: "user-manager-1",
          body: "Which project is this for?"
        }
      }
    ]
  }
});
var ListMyApprovalsContract = defineQuery({
  meta: meta3("workflow.approval.list-mine", ["list"], {
    description: "List the approval requests assigned to me.",
    goal: "Give approvers their inbox.",
    context: "PENDING by default, oldest first, with cursor pagination."
  }),
  io: { input: ListMyApprovalsInputModel, output: ApprovalRequestPageModel },
  policy: MEMBER_POLICY,
  errors: {
    INVALID_CURSOR: { status: 400, description: "The cursor is not one this API issued." }
  },
  acceptance: {
    scenarios: [
      {
        key: "manager-inbox",
        given: [PENDING_GIVEN],
        when: ["user-manager-1 lists their approvals"],
        then: ["apr-1 is listed"]
      }
    ],
    examples: [
      {
        key: "inbox",
        scenario: "manager-inbox",
        input: {},
        output: { items: [{ id: "apr-1", assigneeId: "user-manager-1", status: "PENDING" }] }
      }
    ]
  }
});
var ListInstanceApprovalsContract = defineQuery({
  meta: meta3("workflow.approval.list-for-instance", ["list"], {
    description: "List the approval requests of a workflow instance.",
    goal: "Show who was asked, who decided what, and who is still pending.",
    context: "All steps by default, in creation order; filter by step key."
  }),
  io: { input: ListInstanceApprovalsInputModel, output: ApprovalRequestPageModel },
  policy: MEMBER_POLICY,
  errors: { NOT_FOUND: notFound("instance") },
  acceptance: {
    scenarios: [
      {
        key: "instance-approvals",
        given: [PENDING_GIVEN],
        when: ["A member lists the approvals of inst-100"],
        then: ["apr-1 is listed as PENDING"]
      }
    ],
    examples: [
      {
        key: "for-instance",
        scenario: "instance-approvals",
        input: { instanceId: "inst-100", stepKey: "manager-approval" },
        output: { items: [{ id: "apr-1", instanceId: "inst-100", status: "PENDING" }] }
      }
    ]
  }
});
var GetApprovalContract = defineQuery({
  meta: meta3("workflow.approval.get", ["get"], {
    description: "Get an approval request with its comments and its step outcome.",
    goal: "See everything needed to decide.",
    context: "Another organization's request is NOT_FOUND."
  }),
  io: { input: ApprovalRefInputModel, output: ApprovalRequestDetailModel },
  policy: MEMBER_POLICY,
  errors: { NOT_FOUND: REQUEST_NOT_FOUND },
  acceptance: {
    scenarios: [
      {
        key: "get-request",
        given: [PENDING_GIVEN],
        when: ["user-manager-1 gets apr-1"],
        then: ["The request, its comments and the PENDING step outcome are returned"]
      }
    ],
    examples: [
      {
        key: "get",
        scenario: "get-request",
        input: { requestId: "apr-1" },
        output: {
          request: { id: "apr-1", status: "PENDING" },
          comments: [],
          stepOutcome: "PENDING"
        }
      }
    ]
  }
});

// src/approval/approval.feature.ts
var ApprovalsFeature = defineFeature({
  meta: {
    key: "workflow.approvals",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "approval"],
    description: "Approval requests of APPROVAL steps and their modes (ANY, ALL, MAJORITY, SEQUENTIAL)."
  },
  operations: Object.values(approval_operations_exports),
  events: Object.values(approval_events_exports)
});

// src/definition/definition.events.ts
var definition_events_exports = {};
__export(definition_events_exports, {
  DefinitionArchivedEvent: () => DefinitionArchivedEvent,
  DefinitionCreatedEvent: () => DefinitionCreatedEvent,
  DefinitionDeprecatedEvent: () => DefinitionDeprecatedEvent,
  DefinitionPublishedEvent: () => DefinitionPublishedEvent,
  DefinitionStepAddedEvent: () => DefinitionStepAddedEvent,
  DefinitionStepRemovedEvent: () => DefinitionStepRemovedEvent,
  DefinitionStepUpdatedEvent: () => DefinitionStepUpdatedEvent,
  DefinitionUpdatedEvent: () => DefinitionUpdatedEvent
});
import { defineEvent as defineEvent3 } from "@charter/spec";

// src/definition/definition.schema.ts
import { defineSchemaModel as defineSchemaModel3, ScalarTypeEnum as ScalarTypeEnum3 } from "@charter/schema";
var StepKey = () => ScalarTypeEnum3.String({ pattern: "^[a-z][a-z0-9_-]*$", maxLength: 64 });
var DefinitionKey = () => ScalarTypeEnum3.String({ pattern: "^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$", maxLength: 120 });
var StepTransitionModel = defineSchemaModel3({
  name: "StepTransition",
  fields: {
    to: { type: StepKey(), isOptional: false, description: "Key of the target step." },
    action: {
      type: ScalarTypeEnum3.String({ pattern: "^[A-Za-z][A-Za-z0-9_]*$", maxLength: 64 }),
      isOptional: true,
      description: "TASK: the human action that takes this transition. APPROVAL: APPROVED, REJECTED or CHANGES_REQUESTED."
    },
    guard: {
      type: ScalarTypeEnum3.String({ maxLength: 2e3 }),
      isOptional: true,
      description: "CONDITION: a guard expression over the context, e.g. `amount > 1000`."
    },
    isDefault: {
      type: ScalarTypeEnum3.Boolean(),
      isOptional: true,
      description: "CONDITION: taken when no guard holds. Exactly one per CONDITION step."
    },
    label: { type: ScalarTypeEnum3.String({ maxLength: 200 }), isOptional: true }
  }
});
var ApprovalPolicyModel = defineSchemaModel3({
  name: "ApprovalPolicy",
  fields: {
    mode: { type: ApprovalModeEnum, isOptional: true },
    approvers: {
      type: ScalarTypeEnum3.ID(),
      isArray: true,
      isOptional: true,
      description: "Principal ids, in order for SEQUENTIAL."
    },
    escalateAfterSeconds: {
      type: ScalarTypeEnum3.Int({ minimum: 1 }),
      isOptional: true,
      description: "Pending requests older than this are escalated."
    },
    escalateTo: {
      type: ScalarTypeEnum3.ID(),
      isArray: true,
      isOptional: true,
      description: "Principals added as approvers on escalation."
    },
    expireAfterSeconds: {
      type: ScalarTypeEnum3.Int({ minimum: 1 }),
      isOptional: true,
      description: "Pending requests older than this expire (an expired request counts as a rejection)."
    }
  }
});
var WorkflowStepModel = defineSchemaModel3({
  name: "WorkflowStep",
  fields: {
    key: { type: StepKey(), isOptional: false, description: "Unique within the definition." },
    name: { type: ScalarTypeEnum3.String({ minLength: 1, maxLength: 200 }), isOptional: false },
    type: { type: StepTypeEnum, isOptional: false },
    description: { type: ScalarTypeEnum3.String({ maxLength: 2e3 }), isOptional: true },
    assigneeRole: {
      type: ScalarTypeEnum3.String({ maxLength: 100 }),
      isOptional: true,
      description: "TASK: role whose members may act (empty: the starter)."
    },
    approval: { type: ApprovalPolicyModel, isOptional: true },
    waitSeconds: {
      type: ScalarTypeEnum3.Int({ minimum: 1 }),
      isOptional: true,
      description: "WAIT: how long to wait."
    },
    timeoutSeconds: {
      type: ScalarTypeEnum3.Int({ minimum: 1 }),
      isOptional: true,
      description: "TASK or APPROVAL: the instance times out when the step lasts longer."
    },
    transitions: { type: StepTransitionModel, isArray: true, isOptional: false }
  }
});
var WorkflowDefinitionModel = defineSchemaModel3({
  name: "WorkflowDefinition",
  description: "A versioned workflow: steps and the transitions between them.",
  fields: {
    id: { type: ScalarTypeEnum3.ID(), isOptional: false },
    key: { type: DefinitionKey(), isOptional: false, description: "Stable key across versions." },
    version: { type: ScalarTypeEnum3.Int({ minimum: 1 }), isOptional: false },
    name: { type: ScalarTypeEnum3.String({ minLength: 1, maxLength: 200 }), isOptional: false },
    description: { type: ScalarTypeEnum3.String({ maxLength: 2e3 }), isOptional: true },
    status: { type: DefinitionStatusEnum, isOptional: false },
    steps: { type: WorkflowStepModel, isArray: true, isOptional: false },
    organizationId: { type: ScalarTypeEnum3.ID(), isOptional: false },
    createdBy: { type: ScalarTypeEnum3.ID(), isOptional: false },
    createdAt: { type: ScalarTypeEnum3.DateTime(), isOptional: false },
    updatedAt: { type: ScalarTypeEnum3.DateTime(), isOptional: false },
    publishedAt: { type: ScalarTypeEnum3.DateTime(), isOptional: true, isNullable: true }
  }
});
var WorkflowDefinitionSummaryModel = defineSchemaModel3({
  name: "WorkflowDefinitionSummary",
  fields: {
    id: { type: ScalarTypeEnum3.ID(), isOptional: false },
    key: { type: DefinitionKey(), isOptional: false },
    version: { type: ScalarTypeEnum3.Int({ minimum: 1 }), isOptional: false },
    name: { type: ScalarTypeEnum3.String(), isOptional: false },
    status: { type: DefinitionStatusEnum, isOptional: false },
    stepCount: { type: ScalarTypeEnum3.Int({ minimum: 0 }), isOptional: false },
    updatedAt: { type: ScalarTypeEnum3.DateTime(), isOptional: false }
  }
});
var CreateDefinitionInputModel = defineSchemaModel3({
  name: "CreateDefinitionInput",
  fields: {
    key: {
      type: DefinitionKey(),
      isOptional: false,
      description: "An existing key gets its next version as a new DRAFT."
    },
    name: { type: ScalarTypeEnum3.String({ minLength: 1, maxLength: 200 }), isOptional: false },
    description: { type: ScalarTypeEnum3.String({ maxLength: 2e3 }), isOptional: true },
    steps: { type: WorkflowStepModel, isArray: true, isOptional: true }
  }
});
var UpdateDefinitionInputModel = defineSchemaModel3({
  name: "UpdateDefinitionInput",
  fields: {
    definitionId: { type: ScalarTypeEnum3.ID(), isOptional: false },
    name: { type: ScalarTypeEnum3.String({ minLength: 1, maxLength: 200 }), isOptional: true },
    description: {
      type: ScalarTypeEnum3.String({ maxLength: 2e3 }),
      isOptional: true,
      isNullable: true
    }
  }
});
var AddStepInputModel = defineSchemaModel3({
  name: "AddStepInput",
  fields: {
    definitionId: { type: ScalarTypeEnum3.ID(), isOptional: false },
    step: { type: WorkflowStepModel, isOptional: false },
    position: {
      type: ScalarTypeEnum3.Int({ minimum: 0 }),
      isOptional: true,
      description: "Index to insert at; appended when absent."
    }
  }
});
var UpdateStepInputModel = defineSchemaModel3({
  name: "UpdateStepInput",
  fields: {
    definitionId: { type: ScalarTypeEnum3.ID(), isOptional: false },
    stepKey: { type: StepKey(), isOptional: false, description: "Step to replace." },
    step: { type: WorkflowStepModel, isOptional: false, description: "Its new content." }
  }
});
var RemoveStepInputModel = defineSchemaModel3({
  name: "RemoveStepInput",
  fields: {
    definitionId: { type: ScalarTypeEnum3.ID(), isOptional: false },
    stepKey: { type: StepKey(), isOptional: false }
  }
});
var DefinitionRefInputModel = defineSchemaModel3({
  name: "DefinitionRefInput",
  fields: { definitionId: { type: ScalarTypeEnum3.ID(), isOptional: false } }
});
var DefinitionIssueModel = defineSchemaModel3({
  name: "DefinitionIssue",
  fields: {
    path: {
      type: ScalarTypeEnum3.String(),
      isOptional: false,
      description: "JSON pointer into the definition, e.g. `/steps/2/transitions/0/to`."
    },
    code: { type: ScalarTypeEnum3.String(), isOptional: false },
    message: { type: ScalarTypeEnum3.String(), isOptional: false }
  }
});
var DefinitionValidationModel = defineSchemaModel3({
  name: "DefinitionValidation",
  fields: {
    definitionId: { type: ScalarTypeEnum3.ID(), isOptional: false },
    valid: { type: ScalarTypeEnum3.Boolean(), isOptional: false },
    issues: { type: DefinitionIssueModel, isArray: true, isOptional: false }
  }
});
var ListDefinitionsInputModel = defineSchemaModel3({
  name: "ListDefinitionsInput",
  fields: {
    key: { type: DefinitionKey(), isOptional: true },
    status: { type: DefinitionStatusEnum, isOptional: true },
    limit: {
      type: ScalarTypeEnum3.Int({ minimum: 1, maximum: 100 }),
      isOptional: true,
      default: 20
    },
    cursor: { type: ScalarTypeEnum3.String(), isOptional: true, description: "From `nextCursor`." }
  }
});
var DefinitionPageModel = defineSchemaModel3({
  name: "DefinitionPage",
  fields: {
    items: { type: WorkflowDefinitionSummaryModel, isArray: true, isOptional: false },
    nextCursor: { type: ScalarTypeEnum3.String(), isOptional: true, isNullable: true }
  }
});

// src/definition/definition.events.ts
var definitionEvent = (key, description, tag) => defineEvent3({
  meta: {
    key,
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "definition", tag],
    description
  },
  payload: WorkflowDefinitionModel
});
var DefinitionCreatedEvent = definitionEvent(
  "workflow.definition.created",
  "A workflow definition version was created as a DRAFT.",
  "create"
);
var DefinitionUpdatedEvent = definitionEvent(
  "workflow.definition.updated",
  "The name or description of a DRAFT definition changed.",
  "update"
);
var DefinitionStepAddedEvent = definitionEvent(
  "workflow.definition.step-added",
  "A step was added to a DRAFT definition.",
  "step"
);
var DefinitionStepUpdatedEvent = definitionEvent(
  "workflow.definition.step-updated",
  "A step of a DRAFT definition was replaced.",
  "step"
);
var DefinitionStepRemovedEvent = definitionEvent(
  "workflow.definition.step-removed",
  "A step was removed from a DRAFT definition.",
  "step"
);
var DefinitionPublishedEvent = definitionEvent(
  "workflow.definition.published",
  "A workflow definition version was published (DRAFT to ACTIVE).",
  "publish"
);
var DefinitionDeprecatedEvent = definitionEvent(
  "workflow.definition.deprecated",
  "A workflow definition version was deprecated: no new instance starts from it.",
  "deprecate"
);
var DefinitionArchivedEvent = definitionEvent(
  "workflow.definition.archived",
  "A workflow definition version was archived.",
  "archive"
);

// src/definition/definition.feature.ts
var definition_feature_exports = {};
__export(definition_feature_exports, {
  DefinitionsFeature: () => DefinitionsFeature
});
import { defineFeature as defineFeature2 } from "@charter/spec";

// src/definition/definition.operations.ts
var definition_operations_exports = {};
__export(definition_operations_exports, {
  AddStepContract: () => AddStepContract,
  ArchiveDefinitionContract: () => ArchiveDefinitionContract,
  CreateDefinitionContract: () => CreateDefinitionContract,
  DeprecateDefinitionContract: () => DeprecateDefinitionContract,
  GetDefinitionContract: () => GetDefinitionContract,
  ListDefinitionsContract: () => ListDefinitionsContract,
  PublishDefinitionContract: () => PublishDefinitionContract,
  RemoveStepContract: () => RemoveStepContract,
  UpdateDefinitionContract: () => UpdateDefinitionContract,
  UpdateStepContract: () => UpdateStepContract,
  ValidateDefinitionContract: () => ValidateDefinitionContract
});
import { listOf } from "@charter/schema";
import { defineCommand as defineCommand2, defineQuery as defineQuery2 } from "@charter/spec";

// src/demo/expense-approval.ts
var DEMO_APPROVERS = {
  manager: "user-manager-1",
  finance: ["user-finance-1", "user-finance-2"]
};
var expenseApprovalDefinition = {
  key: "expense-approval",
  name: "Expense approval",
  description: "Submit an expense; manager approval; finance approval above 1000.",
  steps: [
    { key: "start", name: "Start", type: "START", transitions: [{ to: "submit" }] },
    {
      key: "submit",
      name: "Submit expense",
      type: "TASK",
      description: "The employee fills in the amount and the reason, then submits.",
      timeoutSeconds: 14 * 24 * 3600,
      transitions: [{ action: "SUBMIT", to: "manager-approval", label: "Submit" }]
    },
    {
      key: "manager-approval",
      name: "Manager approval",
      type: "APPROVAL",
      approval: {
        mode: "ANY",
        approvers: [DEMO_APPROVERS.manager],
        escalateAfterSeconds: 2 * 24 * 3600,
        escalateTo: ["user-director-1"],
        expireAfterSeconds: 7 * 24 * 3600
      },
      transitions: [
        { action: "APPROVED", to: "amount-check" },
        { action: "REJECTED", to: "rejected" },
        { action: "CHANGES_REQUESTED", to: "submit" }
      ]
    },
    {
      key: "amount-check",
      name: "Amount above 1000?",
      type: "CONDITION",
      transitions: [
        { guard: "amount > 1000", to: "finance-approval", label: "Over 1000" },
        { isDefault: true, to: "approved", label: "Up to 1000" }
      ]
    },
    {
      key: "finance-approval",
      name: "Finance approval",
      type: "APPROVAL",
      approval: { mode: "ALL", approvers: [...DEMO_APPROVERS.finance] },
      timeoutSeconds: 7 * 24 * 3600,
      transitions: [
        { action: "APPROVED", to: "approved" },
        { action: "REJECTED", to: "rejected" },
        { action: "CHANGES_REQUESTED", to: "submit" }
      ]
    },
    { key: "approved", name: "Approved", type: "END", transitions: [] },
    { key: "rejected", name: "Rejected", type: "END", transitions: [] }
  ]
};

// src/definition/definition.operations.ts
var meta4 = (key, tags, text) => ({
  key,
  version: "1.0.0",
  stability: "stable",
  owners: OWNERS,
  tags: ["workflow", "definition", ...tags],
  ...text
});
var NOT_DRAFT = invalidState(
  "Only a DRAFT definition can be changed; published versions are immutable."
);
var DEFINITION_NOT_FOUND = notFound("workflow definition");
var DRAFT_GIVEN = "Definition def-1 (expense-approval, version 1) is a DRAFT with the demo steps";
var ACTIVE_GIVEN = "Definition def-1 (expense-approval, version 1) is ACTIVE";
var CreateDefinitionContract = defineCommand2({
  meta: meta4("workflow.definition.create", ["create"], {
    description: "Create a workflow definition (a new DRAFT version of its key).",
    goal: "Model a business process as steps and transitions.",
    context: "Workflow administrators only. A new key starts at version 1; an existing key gets its next version, so published versions are never edited."
  }),
  io: { input: CreateDefinitionInputModel, output: WorkflowDefinitionModel },
  policy: WORKFLOW_ADMIN_POLICY,
  sideEffects: { emits: [DefinitionCreatedEvent], audit: ["workflow.definition.created"] },
  acceptance: {
    scenarios: [
      {
        key: "create-expense-approval",
        given: ["The organization has no definition with the key expense-approval"],
        when: ["A workflow admin creates expense-approval with the demo steps"],
        then: ["Version 1 exists as a DRAFT with 7 steps"]
      },
      {
        key: "create-next-version",
        given: [ACTIVE_GIVEN],
        when: ["A workflow admin creates expense-approval again"],
        then: ["Version 2 exists as a DRAFT; version 1 stays ACTIVE"]
      }
    ],
    examples: [
      {
        key: "create-demo",
        scenario: "create-expense-approval",
        input: expenseApprovalDefinition,
        output: { key: "expense-approval", version: 1, status: "DRAFT", publishedAt: null }
      },
      {
        key: "create-version-2",
        scenario: "create-next-version",
        input: { key: "expense-approval", name: "Expense approval (2026)" },
        output: { key: "expense-approval", version: 2, status: "DRAFT", steps: [] }
      }
    ]
  }
});
var UpdateDefinitionContract = defineCommand2({
  meta: meta4("workflow.definition.update", ["update"], {
    description: "Update the name or description of a DRAFT definition.",
    goal: "Keep a draft understandable while it is designed.",
    context: "Steps have their own commands. ACTIVE, DEPRECATED and ARCHIVED versions are immutable."
  }),
  io: { input: UpdateDefinitionInputModel, output: WorkflowDefinitionModel },
  policy: WORKFLOW_ADMIN_POLICY,
  errors: { NOT_FOUND: DEFINITION_NOT_FOUND, INVALID_STATE: NOT_DRAFT },
  sideEffects: { emits: [DefinitionUpdatedEvent], audit: ["workflow.definition.updated"] },
  acceptance: {
    scenarios: [
      {
        key: "rename-draft",
        given: [DRAFT_GIVEN],
        when: ["A workflow admin renames it"],
        then: ["The name changes; the version and status do not"]
      },
      {
        key: "rename-active",
        given: [ACTIVE_GIVEN],
        when: ["A workflow admin renames it"],
        then: ["The call fails with INVALID_STATE (409)"]
      }
    ],
    examples: [
      {
        key: "rename",
        scenario: "rename-draft",
        input: { definitionId: "def-1", name: "Expense claims" },
        output: { id: "def-1", name: "Expense claims", version: 1, status: "DRAFT" }
      },
      {
        key: "rename-published",
        scenario: "rename-active",
        input: { definitionId: "def-1", name: "Expense claims" },
        error: "INVALID_STATE"
      }
    ]
  }
});
var AddStepContract = defineCommand2({
  meta: meta4("workflow.definition.step.add", ["step"], {
    description: "Add a step to a DRAFT definition.",
    goal: "Build a workflow step by step.",
    context: "The draft may be incomplete in between; validate reports what is missing."
  }),
  io: { input: AddStepInputModel, output: WorkflowDefinitionModel },
  policy: WORKFLOW_ADMIN_POLICY,
  errors: {
    NOT_FOUND: DEFINITION_NOT_FOUND,
    INVALID_STATE: NOT_DRAFT,
    DUPLICATE_STEP: {
      status: 409,
      description: "The definition already has a step with this key."
    }
  },
  sideEffects: { emits: [DefinitionStepAddedEvent], audit: ["workflow.definition.step-added"] },
  acceptance: {
    scenarios: [
      {
        key: "add-wait-step",
        given: [DRAFT_GIVEN],
        when: ["A workflow admin adds a WAIT step of one hour"],
        then: ["The definition has 8 steps, the new one last"]
      },
      {
        key: "add-duplicate-step",
        given: [DRAFT_GIVEN],
        when: ["A workflow admin adds a second step with the key submit"],
        then: ["The call fails with DUPLICATE_STEP (409)"]
      }
    ],
    examples: [
      {
        key: "add-wait",
        scenario: "add-wait-step",
        input: {
          definitionId: "def-1",
          step: {
            key: "cool-off",
            name: "Cool-off hour",
            type: "WAIT",
            waitSeconds: 3600,
            transitions: [{ to: "approved" }]
          }
        },
        output: { id: "def-1", status: "DRAFT" }
      },
      {
        key: "add-duplicate",
        scenario: "add-duplicate-step",
        input: {
          definitionId: "def-1",
          step: { key: "submit", name: "Again", type: "TASK", transitions: [] }
        },
        error: "DUPLICATE_STEP"
      }
    ]
  }
});
var UpdateStepContract = defineCommand2({
  meta: meta4("workflow.definition.step.update", ["step"], {
    description: "Replace a step of a DRAFT definition.",
    goal: "Adjust a step (approvers, guards, durations) while designing.",
    context: "The new content may rename the step; transitions that pointed to it are not rewritten."
  }),
  io: { input: UpdateStepInputModel, output: WorkflowDefinitionModel },
  policy: WORKFLOW_ADMIN_POLICY,
  errors: {
    NOT_FOUND: notFound("workflow definition or step"),
    INVALID_STATE: NOT_DRAFT,
    DUPLICATE_STEP: { status: 409, description: "The new key is taken by another step." }
  },
  sideEffects: { emits: [DefinitionStepUpdatedEvent], audit: ["workflow.definition.step-updated"] },
  acceptance: {
    scenarios: [
      {
        key: "raise-threshold",
        given: [DRAFT_GIVEN],
        when: ["A workflow admin changes the amount-check guard to amount > 5000"],
        then: ["The amount-check step carries the new guard"]
      }
    ],
    examples: [
      {
        key: "update-guard",
        scenario: "raise-threshold",
        input: {
          definitionId: "def-1",
          stepKey: "amount-check",
          step: {
            key: "amount-check",
            name: "Amount above 5000?",
            type: "CONDITION",
            transitions: [
              { guard: "amount > 5000", to: "finance-approval" },
              { isDefault: true, to: "approved" }
            ]
          }
        },
        output: { id: "def-1", status: "DRAFT" }
      }
    ]
  }
});
var RemoveStepContract = defineCommand2({
  meta: meta4("workflow.definition.step.remove", ["step"], {
    description: "Remove a step from a DRAFT definition.",
    goal: "Simplify a workflow while designing it.",
    context: "Transitions that pointed to the removed step stay and are reported by validate."
  }),
  io: { input: RemoveStepInputModel, output: WorkflowDefinitionModel },
  policy: WORKFLOW_ADMIN_POLICY,
  errors: { NOT_FOUND: notFound("workflow definition or step"), INVALID_STATE: NOT_DRAFT },
  sideEffects: { emits: [DefinitionStepRemovedEvent], audit: ["workflow.definition.step-removed"] },
  acceptance: {
    scenarios: [
      {
        key: "remove-finance",
        given: [DRAFT_GIVEN],
        when: ["A workflow admin removes finance-approval"],
        then: ["The definition has 6 steps; validate now reports the dangling transition"]
      }
    ],
    examples: [
      {
        key: "remove-step",
        scenario: "remove-finance",
        input: { definitionId: "def-1", stepKey: "finance-approval" },
        output: { id: "def-1", status: "DRAFT" }
      }
    ]
  }
});
var ValidateDefinitionContract = defineQuery2({
  meta: meta4("workflow.definition.validate", ["validate"], {
    description: "Validate a workflow definition and list its issues.",
    goal: "Show every problem that blocks publishing, with where it is.",
    context: "Checks: exactly one START, a reachable END, every step reachable and able to finish, known transition targets, CONDITION guards parse and one default, APPROVAL mode, approvers and outcomes, WAIT duration."
  }),
  io: { input: DefinitionRefInputModel, output: DefinitionValidationModel },
  policy: WORKFLOW_ADMIN_POLICY,
  errors: { NOT_FOUND: DEFINITION_NOT_FOUND },
  acceptance: {
    scenarios: [
      {
        key: "validate-demo",
        given: [DRAFT_GIVEN],
        when: ["A workflow admin validates it"],
        then: ["It is valid, with no issues"]
      },
      {
        key: "validate-dangling",
        given: ['Definition def-2 is a DRAFT whose start step leads to a missing step "review"'],
        when: ["A workflow admin validates it"],
        then: [
          "It is invalid; the first issue points at the transition",
          "The END step it cuts off is reported too (unreachable, no path to END)"
        ]
      }
    ],
    examples: [
      {
        key: "valid",
        scenario: "validate-demo",
        input: { definitionId: "def-1" },
        output: { definitionId: "def-1", valid: true, issues: [] }
      },
      {
        key: "dangling-target",
        scenario: "validate-dangling",
        input: { definitionId: "def-2" },
        output: {
          valid: false,
          issues: [
            {
              path: "/steps/0/transitions/0/to",
              code: "UNKNOWN_TARGET",
              message: 'no step has the key "review"'
            },
            { path: "/steps", code: "END_UNREACHABLE" },
            { path: "/steps/0", code: "NO_PATH_TO_END" },
            { path: "/steps/1", code: "UNREACHABLE_STEP" }
          ]
        }
      }
    ]
  }
});
var PublishDefinitionContract = defineCommand2({
  meta: meta4("workflow.definition.publish", ["publish"], {
    description: "Publish a valid DRAFT definition: it becomes ACTIVE.",
    goal: "Make a designed workflow available to start.",
    context: "Only a DRAFT without validation issues is published. The published version is immutable; start uses the latest ACTIVE version of the key."
  }),
  io: { input: DefinitionRefInputModel, output: WorkflowDefinitionModel },
  policy: WORKFLOW_ADMIN_POLICY,
  errors: {
    NOT_FOUND: DEFINITION_NOT_FOUND,
    INVALID_STATE: invalidState("Only a DRAFT can be published."),
    DEFINITION_INVALID: {
      status: 422,
      description: "The draft has validation issues (listed in the problem data).",
      data: listOf(DefinitionIssueModel)
    }
  },
  sideEffects: { emits: [DefinitionPublishedEvent], audit: ["workflow.definition.published"] },
  acceptance: {
    scenarios: [
      {
        key: "publish-demo",
        given: [DRAFT_GIVEN],
        when: ["A workflow admin publishes it"],
        then: ["It is ACTIVE with a publication time", "workflow.definition.published is emitted"]
      },
      {
        key: "publish-invalid",
        given: ['Definition def-2 is a DRAFT whose start step leads to a missing step "review"'],
        when: ["A workflow admin publishes it"],
        then: ["The call fails with DEFINITION_INVALID (422) and it stays a DRAFT"]
      },
      {
        key: "publish-twice",
        given: [ACTIVE_GIVEN],
        when: ["A workflow admin publishes it again"],
        then: ["The call fails with INVALID_STATE (409)"]
      }
    ],
    examples: [
      {
        key: "publish",
        scenario: "publish-demo",
        input: { definitionId: "def-1" },
        output: { id: "def-1", status: "ACTIVE" }
      },
      {
        key: "publish-with-issues",
        scenario: "publish-invalid",
        input: { definitionId: "def-2" },
        error: "DEFINITION_INVALID"
      },
      {
        key: "publish-published",
        scenario: "publish-twice",
        input: { definitionId: "def-1" },
        error: "INVALID_STATE"
      }
    ]
  }
});
var DeprecateDefinitionContract = defineCommand2({
  meta: meta4("workflow.definition.deprecate", ["deprecate"], {
    description: "Deprecate an ACTIVE definition version.",
    goal: "Stop new instances of an outdated version while running ones finish.",
    context: "Running instances keep their version. Start then uses the next latest ACTIVE version, if any."
  }),
  io: { input: DefinitionRefInputModel, output: WorkflowDefinitionModel },
  policy: WORKFLOW_ADMIN_POLICY,
  errors: {
    NOT_FOUND: DEFINITION_NOT_FOUND,
    INVALID_STATE: invalidState("Only an ACTIVE definition can be deprecated.")
  },
  sideEffects: { emits: [DefinitionDeprecatedEvent], audit: ["workflow.definition.deprecated"] },
  acceptance: {
    scenarios: [
      {
        key: "deprecate-active",
        given: [ACTIVE_GIVEN],
        when: ["A workflow admin deprecates it"],
        then: ["It is DEPRECATED"]
      }
    ],
    examples: [
      {
        key: "deprecate",
        scenario: "deprecate-active",
        input: { definitionId: "def-1" },
        output: { id: "def-1", status: "DEPRECATED" }
      }
    ]
  }
});
var ArchiveDefinitionContract = defineCommand2({
  meta: meta4("workflow.definition.archive", ["archive"], {
    description: "Archive a DRAFT or DEPRECATED definition version.",
    goal: "Retire a version for good while keeping it for history.",
    context: "An ACTIVE version must be deprecated first; archiving is final."
  }),
  io: { input: DefinitionRefInputModel, output: WorkflowDefinitionModel },
  policy: WORKFLOW_ADMIN_POLICY,
  errors: {
    NOT_FOUND: DEFINITION_NOT_FOUND,
    INVALID_STATE: invalidState("Only a DRAFT or DEPRECATED definition can be archived.")
  },
  sideEffects: { emits: [DefinitionArchivedEvent], audit: ["workflow.definition.archived"] },
  acceptance: {
    scenarios: [
      {
        key: "archive-deprecated",
        given: ["Definition def-1 (expense-approval, version 1) is DEPRECATED"],
        when: ["A workflow admin archives it"],
        then: ["It is ARCHIVED"]
      },
      {
        key: "archive-active",
        given: [ACTIVE_GIVEN],
        when: ["A workflow admin archives it"],
        then: ["The call fails with INVALID_STATE (409)"]
      }
    ],
    examples: [
      {
        key: "archive",
        scenario: "archive-deprecated",
        input: { definitionId: "def-1" },
        output: { id: "def-1", status: "ARCHIVED" }
      },
      {
        key: "archive-active-version",
        scenario: "archive-active",
        input: { definitionId: "def-1" },
        error: "INVALID_STATE"
      }
    ]
  }
});
var ListDefinitionsContract = defineQuery2({
  meta: meta4("workflow.definition.list", ["list"], {
    description: "List workflow definition versions, with filters and cursor pagination.",
    goal: "Browse the workflows of the organization.",
    context: "Sorted by key, then version (newest first). Items omit steps; get returns them."
  }),
  io: { input: ListDefinitionsInputModel, output: DefinitionPageModel },
  policy: WORKFLOW_ADMIN_POLICY,
  errors: {
    INVALID_CURSOR: { status: 400, description: "The cursor is not one this API issued." }
  },
  acceptance: {
    scenarios: [
      {
        key: "list-active",
        given: [ACTIVE_GIVEN, "Definition def-3 (leave-request, version 1) is a DRAFT"],
        when: ["A workflow admin lists ACTIVE definitions"],
        then: ["Only expense-approval version 1 is returned"]
      }
    ],
    examples: [
      {
        key: "list-active-only",
        scenario: "list-active",
        input: { status: "ACTIVE" },
        output: {
          items: [
            { id: "def-1", key: "expense-approval", version: 1, status: "ACTIVE", stepCount: 7 }
          ],
          nextCursor: null
        }
      }
    ]
  }
});
var GetDefinitionContract = defineQuery2({
  meta: meta4("workflow.definition.get", ["get"], {
    description: "Get a workflow definition version with its steps.",
    goal: "Inspect or edit a workflow.",
    context: "Another organization's definition is NOT_FOUND."
  }),
  io: { input: DefinitionRefInputModel, output: WorkflowDefinitionModel },
  policy: WORKFLOW_ADMIN_POLICY,
  errors: { NOT_FOUND: DEFINITION_NOT_FOUND },
  acceptance: {
    scenarios: [
      {
        key: "get-definition",
        given: [ACTIVE_GIVEN],
        when: ["A workflow admin gets it"],
        then: ["It is returned with its 7 steps in order"]
      }
    ],
    examples: [
      {
        key: "get",
        scenario: "get-definition",
        input: { definitionId: "def-1" },
        output: {
          id: "def-1",
          key: "expense-approval",
          status: "ACTIVE",
          steps: [
            { key: "start", type: "START" },
            { key: "submit", type: "TASK" },
            { key: "manager-approval", type: "APPROVAL" },
            { key: "amount-check", type: "CONDITION" },
            { key: "finance-approval", type: "APPROVAL" },
            { key: "approved", type: "END" },
            { key: "rejected", type: "END" }
          ]
        }
      }
    ]
  }
});

// src/definition/definition.feature.ts
var DefinitionsFeature = defineFeature2({
  meta: {
    key: "workflow.definitions",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "definition"],
    description: "Workflow definitions: DRAFT, ACTIVE, DEPRECATED, ARCHIVED versions and their steps."
  },
  operations: Object.values(definition_operations_exports),
  events: Object.values(definition_events_exports)
});

// src/instance/instance.feature.ts
var instance_feature_exports = {};
__export(instance_feature_exports, {
  InstancesFeature: () => InstancesFeature
});
import { defineFeature as defineFeature3 } from "@charter/spec";

// src/instance/instance.operations.ts
var instance_operations_exports = {};
__export(instance_operations_exports, {
  AvailableActionsContract: () => AvailableActionsContract,
  CancelWorkflowContract: () => CancelWorkflowContract,
  GetInstanceContract: () => GetInstanceContract,
  InstanceHistoryContract: () => InstanceHistoryContract,
  ListInstancesContract: () => ListInstancesContract,
  PauseWorkflowContract: () => PauseWorkflowContract,
  ResumeWorkflowContract: () => ResumeWorkflowContract,
  StartWorkflowContract: () => StartWorkflowContract,
  TransitionWorkflowContract: () => TransitionWorkflowContract
});
import { defineSchemaModel as defineSchemaModel4, ScalarTypeEnum as ScalarTypeEnum4 } from "@charter/schema";
import { defineCommand as defineCommand3, defineQuery as defineQuery3 } from "@charter/spec";
var PauseResumeInputModel = defineSchemaModel4({
  name: "PauseResumeInput",
  fields: {
    instanceId: { type: ScalarTypeEnum4.String_unsecure(), isOptional: false },
    reason: { type: ScalarTypeEnum4.String_unsecure(), isOptional: true }
  }
});
var PAUSED_WHILE = "Refused with INVALID_STATE while the instance is PAUSED or finished.";
var StartWorkflowContract = defineCommand3({
  meta: {
    key: "workflow.instance.start",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "instance", "start"],
    description: "Start a workflow instance from the latest ACTIVE version of a definition.",
    goal: "Begin a tracked execution of a business process.",
    context: "Called by any member (an employee submitting an expense). The engine runs START, CONDITION and END steps at once and stops at the first TASK, APPROVAL or WAIT step."
  },
  io: { input: StartWorkflowInputModel, output: WorkflowInstanceModel },
  policy: MEMBER_POLICY,
  errors: {
    NOT_FOUND: notFound("workflow definition with this key"),
    NO_ACTIVE_VERSION: invalidState("The definition has no ACTIVE version to start.")
  },
  sideEffects: {
    emits: [
      InstanceStartedEvent,
      InstanceTransitionedEvent,
      InstanceCompletedEvent,
      InstanceFailedEvent
    ],
    audit: ["workflow.instance.started"]
  },
  acceptance: {
    scenarios: [
      {
        key: "start-expense-approval",
        given: ["The expense-approval definition has ACTIVE version 1"],
        when: ["A member starts expense-approval with an amount of 250"],
        then: [
          "A new instance is WAITING on the submit step",
          "The instance records the caller as its starter",
          "workflow.instance.started is emitted"
        ]
      },
      {
        key: "start-without-active-version",
        given: ["The expense-approval definition only has a DRAFT version"],
        when: ["A member starts expense-approval"],
        then: ["The call fails with NO_ACTIVE_VERSION (409)"]
      }
    ],
    examples: [
      {
        key: "start-expense",
        scenario: "start-expense-approval",
        input: { definitionKey: "expense-approval", context: { amount: 250, reason: "Taxi" } },
        output: {
          definitionKey: "expense-approval",
          definitionVersion: 1,
          status: "WAITING",
          currentStepKey: "submit",
          context: { amount: 250, reason: "Taxi" }
        }
      },
      {
        key: "start-draft-only",
        scenario: "start-without-active-version",
        input: { definitionKey: "expense-approval" },
        error: "NO_ACTIVE_VERSION"
      }
    ]
  }
});
var TransitionWorkflowContract = defineCommand3({
  meta: {
    key: "workflow.instance.transition",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "instance", "transition"],
    description: "Perform a human action on the current step of an instance.",
    goal: "Move a process forward by a person doing their part.",
    context: `Only actions of the current TASK step are accepted, by its assignee. ${PAUSED_WHILE}`
  },
  io: { input: TransitionInputModel, output: TransitionResultModel },
  policy: { ...MEMBER_POLICY, rules: ["task-assignee"] },
  errors: {
    NOT_FOUND: notFound("instance"),
    INVALID_STATE: invalidState("The instance is not RUNNING or WAITING (paused or finished)."),
    INVALID_ACTION: {
      status: 422,
      description: "The current step does not offer this action."
    }
  },
  sideEffects: {
    emits: [InstanceTransitionedEvent, InstanceCompletedEvent, InstanceFailedEvent],
    audit: ["workflow.instance.transitioned"]
  },
  acceptance: {
    scenarios: [
      {
        key: "submit-expense",
        given: ["Instance inst-100 of expense-approval is WAITING on the submit step"],
        when: ["Its starter takes the SUBMIT action"],
        then: [
          "The instance is WAITING on manager-approval",
          "A history entry records the step, the caller and the time"
        ]
      },
      {
        key: "transition-paused",
        given: ["Instance inst-101 is PAUSED on the submit step"],
        when: ["Its starter takes the SUBMIT action"],
        then: ["The call fails with INVALID_STATE (409) and nothing changes"]
      },
      {
        key: "transition-unknown-action",
        given: ["Instance inst-100 of expense-approval is WAITING on the submit step"],
        when: ["Its starter takes the APPROVE action"],
        then: ["The call fails with INVALID_ACTION (422)"]
      }
    ],
    examples: [
      {
        key: "submit",
        scenario: "submit-expense",
        input: { instanceId: "inst-100", action: "SUBMIT", data: { amount: 1500 } },
        output: {
          instance: { id: "inst-100", status: "WAITING", currentStepKey: "manager-approval" },
          fromStepKey: "submit",
          toStepKey: "manager-approval"
        }
      },
      {
        key: "submit-while-paused",
        scenario: "transition-paused",
        input: { instanceId: "inst-101", action: "SUBMIT" },
        error: "INVALID_STATE"
      },
      {
        key: "unknown-action",
        scenario: "transition-unknown-action",
        input: { instanceId: "inst-100", action: "APPROVE" },
        error: "INVALID_ACTION"
      }
    ]
  }
});
var PauseWorkflowContract = defineCommand3({
  meta: {
    key: "workflow.instance.pause",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "instance", "pause"],
    description: "Pause a running workflow instance.",
    goal: "Temporarily halt workflow execution.",
    context: "Administrative action, emergency stop."
  },
  io: { input: PauseResumeInputModel, output: WorkflowInstanceModel },
  policy: { auth: "admin", tenant: "required" },
  errors: {
    NOT_FOUND: notFound("instance"),
    INVALID_STATE: invalidState("Only a RUNNING or WAITING instance can be paused.")
  },
  idempotent: true,
  destructive: false,
  sideEffects: {
    emits: [{ event: InstancePausedEvent, when: "Workflow is paused" }],
    audit: ["workflow.instance.paused"]
  },
  acceptance: {
    scenarios: [
      {
        key: "pause-workflow-happy-path",
        given: ["Workflow is running"],
        when: ["Admin pauses workflow"],
        then: ["Instance status becomes PAUSED"]
      },
      {
        key: "pause-already-paused",
        given: ["Instance inst-457 is PAUSED (it was WAITING)"],
        when: ["Admin pauses it again"],
        then: ["The instance is returned unchanged", "No second workflow.instance.paused event"]
      },
      {
        key: "pause-completed",
        given: ["Instance inst-458 is COMPLETED"],
        when: ["Admin pauses it"],
        then: ["The call fails with INVALID_STATE (409)"]
      }
    ],
    examples: [
      {
        key: "pause-maintenance",
        scenario: "pause-workflow-happy-path",
        input: { instanceId: "inst-456", reason: "System maintenance" },
        output: { id: "inst-456", status: "PAUSED" }
      },
      {
        key: "pause-twice",
        scenario: "pause-already-paused",
        input: { instanceId: "inst-457" },
        output: { id: "inst-457", status: "PAUSED", previousStatus: "WAITING" }
      },
      {
        key: "pause-finished",
        scenario: "pause-completed",
        input: { instanceId: "inst-458" },
        error: "INVALID_STATE"
      }
    ]
  }
});
var ResumeWorkflowContract = defineCommand3({
  meta: {
    key: "workflow.instance.resume",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "instance", "resume"],
    description: "Resume a paused workflow instance.",
    goal: "Continue a halted execution where it stopped.",
    context: "Administrative action. The instance returns to the status remembered at pause (RUNNING or WAITING); resuming an instance that is not paused returns it unchanged."
  },
  io: { input: PauseResumeInputModel, output: WorkflowInstanceModel },
  policy: { auth: "admin", tenant: "required" },
  errors: {
    NOT_FOUND: notFound("instance"),
    INVALID_STATE: invalidState("A PENDING or finished instance cannot be resumed.")
  },
  idempotent: true,
  destructive: false,
  sideEffects: {
    emits: [{ event: InstanceResumedEvent, when: "A PAUSED instance is resumed" }],
    audit: ["workflow.instance.resumed"]
  },
  acceptance: {
    scenarios: [
      {
        key: "resume-paused-waiting",
        given: ["Instance inst-456 is PAUSED; it was WAITING on manager-approval"],
        when: ["Admin resumes it"],
        then: ["The instance is WAITING again", "workflow.instance.resumed is emitted"]
      },
      {
        key: "resume-cancelled",
        given: ["Instance inst-459 is CANCELLED"],
        when: ["Admin resumes it"],
        then: ["The call fails with INVALID_STATE (409)"]
      }
    ],
    examples: [
      {
        key: "resume-to-waiting",
        scenario: "resume-paused-waiting",
        input: { instanceId: "inst-456" },
        output: { id: "inst-456", status: "WAITING", previousStatus: null }
      },
      {
        key: "resume-finished",
        scenario: "resume-cancelled",
        input: { instanceId: "inst-459" },
        error: "INVALID_STATE"
      }
    ]
  }
});
var CancelWorkflowContract = defineCommand3({
  meta: {
    key: "workflow.instance.cancel",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "instance", "cancel"],
    description: "Cancel a workflow instance.",
    goal: "Stop a process that is no longer needed.",
    context: "Allowed to an administrator or the member who started the instance, in any unfinished status (PAUSED included). Its pending approval requests are closed."
  },
  io: { input: CancelInstanceInputModel, output: WorkflowInstanceModel },
  policy: { ...MEMBER_POLICY, rules: ["instance-starter-or-admin"] },
  errors: {
    NOT_FOUND: notFound("instance"),
    INVALID_STATE: invalidState("The instance is already COMPLETED, CANCELLED, FAILED or TIMEOUT.")
  },
  sideEffects: {
    emits: [InstanceCancelledEvent],
    audit: ["workflow.instance.cancelled"]
  },
  acceptance: {
    scenarios: [
      {
        key: "starter-cancels",
        given: ["Instance inst-100 is WAITING on manager-approval, started by user-1"],
        when: ["user-1 cancels it with a reason"],
        then: ["The instance is CANCELLED", "Its pending approval requests are CANCELLED"]
      },
      {
        key: "cancel-completed",
        given: ["Instance inst-458 is COMPLETED"],
        when: ["An admin cancels it"],
        then: ["The call fails with INVALID_STATE (409)"]
      }
    ],
    examples: [
      {
        key: "cancel-by-starter",
        scenario: "starter-cancels",
        input: { instanceId: "inst-100", reason: "Submitted twice" },
        output: { id: "inst-100", status: "CANCELLED" }
      },
      {
        key: "cancel-finished",
        scenario: "cancel-completed",
        input: { instanceId: "inst-458" },
        error: "INVALID_STATE"
      }
    ]
  }
});
var ListInstancesContract = defineQuery3({
  meta: {
    key: "workflow.instance.list",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "instance", "list"],
    description: "List workflow instances with filters and cursor pagination.",
    goal: "Find the processes in flight or finished.",
    context: "Filters combine with AND; results are newest first; `nextCursor` fetches the next page."
  },
  io: { input: ListInstancesInputModel, output: InstancePageModel },
  policy: MEMBER_POLICY,
  errors: {
    INVALID_CURSOR: { status: 400, description: "The cursor is not one this API issued." }
  },
  acceptance: {
    scenarios: [
      {
        key: "list-waiting",
        given: ["The organization has 3 WAITING and 2 COMPLETED expense-approval instances"],
        when: ["A member lists WAITING instances, 2 per page"],
        then: ["2 WAITING instances and a next cursor are returned"]
      }
    ],
    examples: [
      {
        key: "list-waiting-page",
        scenario: "list-waiting",
        input: { definitionKey: "expense-approval", status: "WAITING", limit: 2 },
        output: { items: [{ status: "WAITING" }, { status: "WAITING" }] }
      }
    ]
  }
});
var GetInstanceContract = defineQuery3({
  meta: {
    key: "workflow.instance.get",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "instance", "get"],
    description: "Get a workflow instance.",
    goal: "See where a process stands.",
    context: "Another organization's instance is NOT_FOUND."
  },
  io: { input: InstanceRefInputModel, output: WorkflowInstanceModel },
  policy: MEMBER_POLICY,
  errors: { NOT_FOUND: notFound("instance") },
  acceptance: {
    scenarios: [
      {
        key: "get-instance",
        given: ["Instance inst-100 is WAITING on manager-approval"],
        when: ["A member of its organization gets it"],
        then: ["The instance is returned"]
      },
      {
        key: "get-missing-instance",
        given: ["No instance inst-999 exists in the organization"],
        when: ["A member gets inst-999"],
        then: ["The call fails with NOT_FOUND (404)"]
      }
    ],
    examples: [
      {
        key: "get",
        scenario: "get-instance",
        input: { instanceId: "inst-100" },
        output: { id: "inst-100", status: "WAITING", currentStepKey: "manager-approval" }
      },
      {
        key: "get-missing",
        scenario: "get-missing-instance",
        input: { instanceId: "inst-999" },
        error: "NOT_FOUND"
      }
    ]
  }
});
var InstanceHistoryContract = defineQuery3({
  meta: {
    key: "workflow.instance.history",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "instance", "history"],
    description: "Get the step history of a workflow instance.",
    goal: "Audit how a process went: every step entered, by whose action, when.",
    context: "Entries are in the order the steps were entered; a revisited step appears again."
  },
  io: { input: InstanceRefInputModel, output: InstanceHistoryModel },
  policy: MEMBER_POLICY,
  errors: { NOT_FOUND: notFound("instance") },
  acceptance: {
    scenarios: [
      {
        key: "history-after-submit",
        given: [
          "Instance inst-100 was started by user-1 at 2026-01-05T09:00:00Z and submitted at 09:30"
        ],
        when: ["A member reads its history"],
        then: ["The entries are start, submit and manager-approval, in that order"]
      }
    ],
    examples: [
      {
        key: "history",
        scenario: "history-after-submit",
        input: { instanceId: "inst-100" },
        output: {
          instanceId: "inst-100",
          entries: [
            { sequence: 1, stepKey: "start", stepType: "START", enteredBy: "user-1" },
            { sequence: 2, stepKey: "submit", stepType: "TASK", enteredBy: "system" },
            {
              sequence: 3,
              stepKey: "manager-approval",
              stepType: "APPROVAL",
              enteredBy: "user-1",
              action: "SUBMIT",
              enteredAt: "2026-01-05T09:30:00Z"
            }
          ]
        }
      }
    ]
  }
});
var AvailableActionsContract = defineQuery3({
  meta: {
    key: "workflow.instance.actions",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "instance", "actions"],
    description: "List the actions available to the caller on a workflow instance.",
    goal: "Let a UI or an agent offer only what will be accepted.",
    context: "Combines the state machine (status), the current step (its actions or approval requests) and the caller (assignee, starter, admin). A PAUSED instance offers only RESUME and CANCEL."
  },
  io: { input: InstanceRefInputModel, output: AvailableActionsModel },
  policy: MEMBER_POLICY,
  errors: { NOT_FOUND: notFound("instance") },
  acceptance: {
    scenarios: [
      {
        key: "actions-of-starter",
        given: ["Instance inst-100 is WAITING on the submit step, started by the caller"],
        when: ["The caller asks for available actions"],
        then: ["SUBMIT and CANCEL are offered"]
      }
    ],
    examples: [
      {
        key: "starter-actions",
        scenario: "actions-of-starter",
        input: { instanceId: "inst-100" },
        output: {
          instanceId: "inst-100",
          status: "WAITING",
          currentStepKey: "submit",
          actions: [
            { kind: "TRANSITION", operation: "workflow.instance.transition", action: "SUBMIT" },
            { kind: "CANCEL", operation: "workflow.instance.cancel" }
          ]
        }
      }
    ]
  }
});

// src/instance/instance.feature.ts
var InstancesFeature = defineFeature3({
  meta: {
    key: "workflow.instances",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "instance"],
    description: "Workflow instances: their lifecycle, history and available actions."
  },
  operations: Object.values(instance_operations_exports),
  events: Object.values(instance_events_exports)
});

// src/timer/timer.feature.ts
var timer_feature_exports = {};
__export(timer_feature_exports, {
  TimersFeature: () => TimersFeature
});
import { defineFeature as defineFeature4 } from "@charter/spec";

// src/timer/timer.operations.ts
var timer_operations_exports = {};
__export(timer_operations_exports, {
  SweepTimersContract: () => SweepTimersContract
});
import { defineCommand as defineCommand4 } from "@charter/spec";

// src/timer/timer.schema.ts
import { defineSchemaModel as defineSchemaModel5, ScalarTypeEnum as ScalarTypeEnum5 } from "@charter/schema";
var SweepTimersInputModel = defineSchemaModel5({
  name: "SweepTimersInput",
  fields: {
    now: {
      type: ScalarTypeEnum5.DateTime(),
      isOptional: true,
      description: "Instant to sweep at; the server clock when absent (set it in tests)."
    },
    limit: {
      type: ScalarTypeEnum5.Int({ minimum: 1, maximum: 1e3 }),
      isOptional: true,
      default: 100,
      description: "Most timers handled in one sweep; sweep again while `more` is true."
    }
  }
});
var SweepTimersResultModel = defineSchemaModel5({
  name: "SweepTimersResult",
  fields: {
    now: { type: ScalarTypeEnum5.DateTime(), isOptional: false },
    waitsElapsed: {
      type: ScalarTypeEnum5.Int({ minimum: 0 }),
      isOptional: false,
      description: "WAIT steps whose duration elapsed; their instances moved on."
    },
    stepsTimedOut: {
      type: ScalarTypeEnum5.Int({ minimum: 0 }),
      isOptional: false,
      description: "TASK or APPROVAL steps past their timeout; their instances are TIMEOUT."
    },
    approvalsEscalated: { type: ScalarTypeEnum5.Int({ minimum: 0 }), isOptional: false },
    approvalsExpired: { type: ScalarTypeEnum5.Int({ minimum: 0 }), isOptional: false },
    skippedPaused: {
      type: ScalarTypeEnum5.Int({ minimum: 0 }),
      isOptional: false,
      description: "Due timers of PAUSED instances, held until resume."
    },
    instanceIds: {
      type: ScalarTypeEnum5.ID(),
      isArray: true,
      isOptional: false,
      description: "Instances changed by this sweep."
    },
    more: {
      type: ScalarTypeEnum5.Boolean(),
      isOptional: false,
      description: "Due timers remain beyond the limit."
    }
  }
});

// src/timer/timer.operations.ts
var SweepTimersContract = defineCommand4({
  meta: {
    key: "workflow.timer.sweep",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "timer", "sweep"],
    description: "Fire the due timers of workflow instances.",
    goal: "Advance waits and enforce deadlines without a human.",
    context: "Run by a scheduler as an administrator, every minute or so. Due WAIT steps move on; TASK and APPROVAL steps past timeoutSeconds make the instance TIMEOUT; pending approval requests past escalateAfterSeconds are escalated and past expireAfterSeconds expire (an expired request counts as a rejection). Timers of PAUSED instances are held (refused with INVALID_STATE per instance) and counted in skippedPaused. Sweeping twice at the same instant changes nothing the second time."
  },
  io: { input: SweepTimersInputModel, output: SweepTimersResultModel },
  policy: ADMIN_POLICY,
  idempotent: true,
  destructive: false,
  sideEffects: {
    emits: [
      InstanceTransitionedEvent,
      InstanceCompletedEvent,
      InstanceTimedOutEvent,
      ApprovalEscalatedEvent,
      ApprovalExpiredEvent
    ],
    audit: [
      "workflow.instance.timed-out",
      "workflow.approval.escalated",
      "workflow.approval.expired"
    ]
  },
  acceptance: {
    scenarios: [
      {
        key: "sweep-due-timers",
        given: [
          "Instance inst-200 entered a WAIT step of 3600 s at 2026-01-05T08:00:00Z",
          "Instance inst-201 has been on manager-approval since 2026-01-03T08:00:00Z (escalate after 2 days)",
          "Instance inst-202 is PAUSED on a WAIT step that was due at 2026-01-05T08:30:00Z"
        ],
        when: ["An admin sweeps at 2026-01-05T09:00:00Z"],
        then: [
          "inst-200 moves past its WAIT step",
          "inst-201's pending request is escalated",
          "inst-202 is untouched and counted in skippedPaused"
        ]
      },
      {
        key: "sweep-nothing-due",
        given: ["No timer is due at 2026-01-01T00:00:00Z"],
        when: ["An admin sweeps at 2026-01-01T00:00:00Z"],
        then: ["Nothing changes; every count is 0"]
      }
    ],
    examples: [
      {
        key: "sweep",
        scenario: "sweep-due-timers",
        input: { now: "2026-01-05T09:00:00Z" },
        output: {
          now: "2026-01-05T09:00:00Z",
          waitsElapsed: 1,
          stepsTimedOut: 0,
          approvalsEscalated: 1,
          approvalsExpired: 0,
          skippedPaused: 1,
          instanceIds: ["inst-200", "inst-201"],
          more: false
        }
      },
      {
        key: "sweep-idle",
        scenario: "sweep-nothing-due",
        input: { now: "2026-01-01T00:00:00Z", limit: 10 },
        output: {
          waitsElapsed: 0,
          stepsTimedOut: 0,
          approvalsEscalated: 0,
          approvalsExpired: 0,
          skippedPaused: 0,
          instanceIds: [],
          more: false
        }
      }
    ]
  }
});

// src/timer/timer.feature.ts
var TimersFeature = defineFeature4({
  meta: {
    key: "workflow.timers",
    version: "1.0.0",
    stability: "stable",
    owners: OWNERS,
    tags: ["workflow", "timer"],
    description: "Time-driven behaviour of workflow instances, fired by workflow.timer.sweep."
  },
  operations: Object.values(timer_operations_exports)
});

// src/handlers.ts
var handlers_exports = {};
__export(handlers_exports, {
  default: () => handlers_default
});
import { defineApp } from "@charter/runtime";

// src/app/demo-principals.ts
var DEMO_ORG = "org-acme";
var OTHER_ORG = "org-globex";
var DEMO_PRINCIPALS = {
  employee: { id: "user-1", roles: ["employee"], tenant: DEMO_ORG },
  manager: { id: "user-manager-1", roles: ["manager"], tenant: DEMO_ORG },
  finance: { id: "user-finance-1", roles: ["finance"], tenant: DEMO_ORG },
  finance2: { id: "user-finance-2", roles: ["finance"], tenant: DEMO_ORG },
  admin: { id: "user-admin-1", roles: ["admin", "workflow-admin"], tenant: DEMO_ORG },
  outsider: { id: "user-globex-1", roles: ["admin", "workflow-admin"], tenant: OTHER_ORG }
};
var TOKENLESS_MEMBERS = [
  { id: "user-director-1", tenant: DEMO_ORG },
  { id: "user-deputy-1", tenant: DEMO_ORG }
];
function demoMembers(more = []) {
  const byOrganization = /* @__PURE__ */ new Map();
  for (const { id, tenant } of [...Object.values(DEMO_PRINCIPALS), ...TOKENLESS_MEMBERS, ...more]) {
    byOrganization.set(tenant, (byOrganization.get(tenant) ?? /* @__PURE__ */ new Set()).add(id));
  }
  return {
    has: (organizationId, userId) => byOrganization.get(organizationId)?.has(userId) === true
  };
}
var DEMO_TOKENS = {
  "employee-token": {
    ...DEMO_PRINCIPALS.employee,
    description: "Employee of org-acme: starts and submits expenses (user-1)."
  },
  "manager-token": {
    ...DEMO_PRINCIPALS.manager,
    description: "Manager of org-acme: decides manager-approval (user-manager-1)."
  },
  "finance-token": {
    ...DEMO_PRINCIPALS.finance,
    description: "Finance approver of org-acme: decides finance-approval (user-finance-1)."
  },
  "finance-2-token": {
    ...DEMO_PRINCIPALS.finance2,
    description: "Second finance approver of org-acme (finance-approval is mode ALL)."
  },
  "admin-token": {
    ...DEMO_PRINCIPALS.admin,
    description: "Administrator and workflow admin of org-acme: definitions, pause, resume, sweeps."
  },
  "other-org-token": {
    ...DEMO_PRINCIPALS.outsider,
    description: "Administrator of org-globex: sees none of org-acme's records (404)."
  }
};

// src/approval/approval.handlers.ts
import { ContractError as ContractError4, implement } from "@charter/runtime";

// src/domain/approval-mode.ts
function evaluateApproval(mode, votes) {
  const counted = votes.filter((v) => v.status !== "DELEGATED" && v.status !== "CANCELLED");
  const count = (status) => counted.filter((v) => v.status === status).length;
  const approvals = count("APPROVED");
  const rejections = count("REJECTED") + count("EXPIRED");
  const pending = count("PENDING");
  const electorate = approvals + rejections + pending;
  const done = (outcome) => ({ outcome, activeOrder: null });
  if (count("CHANGES_REQUESTED") > 0) return done("CHANGES_REQUESTED");
  if (electorate === 0) return done(counted.length === 0 ? "PENDING" : "REJECTED");
  switch (mode) {
    case "ANY":
      if (approvals > 0) return done("APPROVED");
      return pending === 0 ? done("REJECTED") : done("PENDING");
    case "ALL":
      if (rejections > 0) return done("REJECTED");
      return pending === 0 ? done("APPROVED") : done("PENDING");
    case "MAJORITY":
      if (2 * approvals > electorate) return done("APPROVED");
      if (2 * (approvals + pending) <= electorate) return done("REJECTED");
      return done("PENDING");
    case "SEQUENTIAL": {
      if (rejections > 0) return done("REJECTED");
      const waiting = counted.filter((v) => v.status === "PENDING").map((v) => v.order);
      if (waiting.length > 0) return { outcome: "PENDING", activeOrder: Math.min(...waiting) };
      return done(approvals > 0 ? "APPROVED" : "REJECTED");
    }
  }
}
function canDecide(mode, votes, request) {
  if (request.status !== "PENDING") return false;
  const { outcome, activeOrder } = evaluateApproval(mode, votes);
  if (outcome !== "PENDING") return false;
  return mode !== "SEQUENTIAL" || request.order === activeOrder;
}

// src/engine/instance-session.ts
import { ContractError } from "@charter/runtime";

// src/domain/guard-error.ts
var GuardExpressionError = class extends Error {
  constructor(code, position, reason) {
    super(`${reason} (at column ${position + 1})`);
    this.code = code;
    this.position = position;
    this.reason = reason;
  }
  code;
  position;
  reason;
  name = "GuardExpressionError";
};

// src/domain/guard-lexer.ts
var MAX_GUARD_LENGTH = 2e3;
var KEYWORDS = /* @__PURE__ */ new Set(["and", "or", "not", "in", "true", "false", "null"]);
var OPERATORS = ["==", "!=", "<=", ">=", "<", ">"];
var PUNCTUATION = /* @__PURE__ */ new Set(["(", ")", "[", "]", ",", "."]);
var ESCAPES = {
  n: "\n",
  t: "	",
  "\\": "\\",
  "'": "'",
  '"': '"'
};
function tokenizeGuard(source) {
  if (source.length > MAX_GUARD_LENGTH) {
    throw new GuardExpressionError(
      "TOO_LONG",
      MAX_GUARD_LENGTH,
      `a guard may be at most ${MAX_GUARD_LENGTH} characters long`
    );
  }
  const tokens = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (/\s/.test(char)) {
      i++;
    } else if (/[0-9]/.test(char)) {
      i = readNumber(source, i, tokens);
    } else if (char === "'" || char === '"') {
      i = readString(source, i, tokens);
    } else if (/[A-Za-z_$]/.test(char)) {
      const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i));
      const word = match[0];
      tokens.push(
        KEYWORDS.has(word) ? { type: "keyword", value: word, position: i } : { type: "identifier", value: word, position: i }
      );
      i += word.length;
    } else {
      const operator = OPERATORS.find((op) => source.startsWith(op, i));
      if (operator) {
        tokens.push({ type: "operator", value: operator, position: i });
        i += operator.length;
      } else if (PUNCTUATION.has(char)) {
        tokens.push({ type: "punctuation", value: char, position: i });
        i++;
      } else {
        const hint = char === "=" ? " (use == to compare)" : char === "&" || char === "|" ? " (use and / or)" : "";
        throw new GuardExpressionError(
          "UNEXPECTED_CHARACTER",
          i,
          `unexpected character ${JSON.stringify(char)}${hint}`
        );
      }
    }
  }
  tokens.push({ type: "end", position: source.length });
  return tokens;
}
function readNumber(source, start, tokens) {
  const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(start));
  const end = start + match[0].length;
  if (end < source.length && /[A-Za-z_$.]/.test(source[end])) {
    throw new GuardExpressionError(
      "INVALID_NUMBER",
      start,
      `invalid number ${JSON.stringify(source.slice(start, end + 1))}`
    );
  }
  tokens.push({ type: "number", value: Number(match[0]), position: start });
  return end;
}
function readString(source, start, tokens) {
  const quote = source[start];
  let value = "";
  let i = start + 1;
  while (i < source.length) {
    const char = source[i];
    if (char === quote) {
      tokens.push({ type: "string", value, position: start });
      return i + 1;
    }
    if (char === "\\") {
      const escaped = ESCAPES[source[i + 1] ?? ""];
      if (escaped === void 0) {
        throw new GuardExpressionError(
          "UNEXPECTED_CHARACTER",
          i,
          `unknown escape in string (allowed: \\n \\t \\\\ \\' \\")`
        );
      }
      value += escaped;
      i += 2;
    } else {
      value += char;
      i++;
    }
  }
  throw new GuardExpressionError("UNTERMINATED_STRING", start, "string is not closed");
}

// src/domain/guard-parser.ts
var MAX_GUARD_DEPTH = 32;
function parseGuard(source) {
  const tokens = tokenizeGuard(source);
  let index = 0;
  let depth = 0;
  const peek = () => tokens[index];
  const next = () => tokens[index++];
  const isWord = (token, word) => token.type === "keyword" && token.value === word;
  const isPunct = (token, value) => token.type === "punctuation" && token.value === value;
  const fail = (token, expected) => {
    if (token.type === "end") {
      throw new GuardExpressionError(
        "UNEXPECTED_END",
        token.position,
        `expected ${expected}, found the end`
      );
    }
    throw new GuardExpressionError(
      "UNEXPECTED_TOKEN",
      token.position,
      `expected ${expected}, found ${describe(token)}`
    );
  };
  const nest = (position, parse2) => {
    if (++depth > MAX_GUARD_DEPTH) {
      throw new GuardExpressionError(
        "TOO_DEEP",
        position,
        `nesting deeper than ${MAX_GUARD_DEPTH}`
      );
    }
    const result = parse2();
    depth--;
    return result;
  };
  const parseOr = () => {
    let left = parseAnd();
    while (isWord(peek(), "or")) {
      const { position } = next();
      left = { kind: "logical", operator: "or", left, right: parseAnd(), position };
    }
    return left;
  };
  const parseAnd = () => {
    let left = parseUnary();
    while (isWord(peek(), "and")) {
      const { position } = next();
      left = { kind: "logical", operator: "and", left, right: parseUnary(), position };
    }
    return left;
  };
  const parseUnary = () => {
    const token = peek();
    if (isWord(token, "not")) {
      next();
      return nest(token.position, () => ({
        kind: "not",
        operand: parseUnary(),
        position: token.position
      }));
    }
    return parseCompare();
  };
  const parseCompare = () => {
    const left = parsePrimary();
    const token = peek();
    if (token.type === "operator") {
      next();
      return {
        kind: "compare",
        operator: token.value,
        left,
        right: parsePrimary(),
        position: token.position
      };
    }
    const negated = isWord(token, "not") && isWord(tokens[index + 1], "in");
    if (negated || isWord(token, "in")) {
      index += negated ? 2 : 1;
      return { kind: "in", negated, value: left, list: parseList(), position: token.position };
    }
    return left;
  };
  const parseList = () => {
    const open = next();
    if (!isPunct(open, "[")) fail(open, "'[' to start the list");
    const items = [];
    if (isPunct(peek(), "]")) {
      next();
      return items;
    }
    for (; ; ) {
      const item = next();
      const value = literalOf(item);
      if (value === void 0) fail(item, "a literal in the list");
      items.push(value);
      const separator = next();
      if (isPunct(separator, "]")) return items;
      if (!isPunct(separator, ",")) fail(separator, "',' or ']'");
    }
  };
  const parsePrimary = () => {
    const token = next();
    const value = literalOf(token);
    if (value !== void 0) return { kind: "literal", value, position: token.position };
    if (token.type === "identifier") {
      const segments = [token.value];
      while (isPunct(peek(), ".")) {
        next();
        const segment = next();
        if (segment.type !== "identifier") fail(segment, 'a field name after "."');
        segments.push(segment.value);
      }
      return { kind: "path", segments, position: token.position };
    }
    if (isPunct(token, "(")) {
      const inner = nest(token.position, parseOr);
      const close = next();
      if (!isPunct(close, ")")) fail(close, "')'");
      return inner;
    }
    return fail(token, 'a value, a field name or "("');
  };
  const root = parseOr();
  const rest = peek();
  if (rest.type !== "end") fail(rest, "the end of the expression (or and / or)");
  return root;
}
function literalOf(token) {
  if (token.type === "number" || token.type === "string") return token.value;
  if (token.type === "keyword") {
    if (token.value === "true") return true;
    if (token.value === "false") return false;
    if (token.value === "null") return null;
  }
  return void 0;
}
function describe(token) {
  switch (token.type) {
    case "string":
      return `the string ${JSON.stringify(token.value)}`;
    case "number":
      return `the number ${token.value}`;
    case "end":
      return "the end";
    default:
      return `"${token.value}"`;
  }
}

// src/domain/guard-evaluator.ts
function evaluateGuard(node, context) {
  const result = evaluate(node, context);
  if (typeof result !== "boolean") {
    throw new GuardExpressionError(
      "TYPE_MISMATCH",
      node.position,
      `a guard must give true or false, not ${describe2(result)}`
    );
  }
  return result;
}
function checkGuard(source, context) {
  return evaluateGuard(parseGuard(source), context);
}
function evaluate(node, context) {
  switch (node.kind) {
    case "literal":
      return node.value;
    case "path":
      return readPath(context, node.segments);
    case "not":
      return !booleanOf(evaluate(node.operand, context), node.position, "not");
    case "logical": {
      const left = booleanOf(evaluate(node.left, context), node.position, node.operator);
      if (node.operator === "and" ? !left : left) return left;
      return booleanOf(evaluate(node.right, context), node.position, node.operator);
    }
    case "in": {
      const value = evaluate(node.value, context);
      const found = node.list.some((item) => item === value);
      return node.negated ? !found : found;
    }
    case "compare":
      return compare(node, evaluate(node.left, context), evaluate(node.right, context));
  }
}
function compare(node, left, right) {
  switch (node.operator) {
    case "==":
      return isLiteral(left) && left === right;
    case "!=":
      return !(isLiteral(left) && left === right);
    default: {
      const comparable = typeof left === "number" && typeof right === "number" || typeof left === "string" && typeof right === "string";
      if (!comparable) {
        throw new GuardExpressionError(
          "TYPE_MISMATCH",
          node.position,
          `${node.operator} needs two numbers or two strings, not ${describe2(left)} and ${describe2(right)}`
        );
      }
      const a = left;
      const b = right;
      if (node.operator === "<") return a < b;
      if (node.operator === "<=") return a <= b;
      if (node.operator === ">") return a > b;
      return a >= b;
    }
  }
}
function readPath(context, segments) {
  let current = context;
  for (const segment of segments) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return null;
    if (!Object.hasOwn(current, segment)) return null;
    current = current[segment];
  }
  return current === void 0 ? null : current;
}
function booleanOf(value, position, operator) {
  if (typeof value === "boolean") return value;
  throw new GuardExpressionError(
    "TYPE_MISMATCH",
    position,
    `${operator} needs true or false, not ${describe2(value)}`
  );
}
function isLiteral(value) {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}
function describe2(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

// src/domain/instance-state-machine.ts
var TERMINAL_STATUSES = /* @__PURE__ */ new Set([
  "COMPLETED",
  "CANCELLED",
  "FAILED",
  "TIMEOUT"
]);
var ACTIVE = {
  TRANSITION: "RUNNING",
  DECIDE: "SAME",
  TIMER: "SAME",
  PAUSE: "PAUSED",
  RESUME: "NOOP",
  CANCEL: "CANCELLED",
  FAIL: "FAILED",
  TIME_OUT: "TIMEOUT"
};
var TABLE = {
  PENDING: { START: "RUNNING", CANCEL: "CANCELLED", FAIL: "FAILED" },
  RUNNING: { ...ACTIVE, WAIT: "WAITING", COMPLETE: "COMPLETED" },
  WAITING: { ...ACTIVE, WAKE: "RUNNING" },
  // While paused only resume (back), pause (idempotent) and cancel are accepted.
  PAUSED: { PAUSE: "NOOP", RESUME: "PREVIOUS", CANCEL: "CANCELLED" },
  COMPLETED: {},
  CANCELLED: {},
  FAILED: {},
  TIMEOUT: {}
};
function applyInstanceCommand(state, command) {
  const target = TABLE[state.status]?.[command];
  if (target === void 0) return invalid(state.status, command);
  const previous = state.previousStatus ?? null;
  switch (target) {
    case "NOOP":
      return { ok: true, status: state.status, previousStatus: previous, changed: false };
    case "SAME":
      return { ok: true, status: state.status, previousStatus: null, changed: true };
    case "PREVIOUS":
      if (previous !== "RUNNING" && previous !== "WAITING") {
        return {
          ok: false,
          code: "INVALID_STATE",
          message: `cannot resume: the status before the pause is ${previous ?? "unknown"}, not RUNNING or WAITING`
        };
      }
      return { ok: true, status: previous, previousStatus: null, changed: true };
    case "PAUSED":
      return { ok: true, status: "PAUSED", previousStatus: state.status, changed: true };
    default:
      return { ok: true, status: target, previousStatus: null, changed: true };
  }
}
function canApply(status, command) {
  return TABLE[status]?.[command] !== void 0;
}
function invalid(status, command) {
  const reason = TERMINAL_STATUSES.has(status) ? `the instance is ${status}, a terminal status` : `${command} is not allowed while the instance is ${status}`;
  return { ok: false, code: "INVALID_STATE", message: reason };
}

// src/store/workflow-records.ts
function instanceView(record) {
  const { definitionId: _definition, stepEnteredAt: _entered, visit: _visit, ...instance } = record;
  return instance;
}
function requestView(record) {
  const { visit: _visit, ...request } = record;
  return request;
}
function historyView(record) {
  const { instanceId: _instance, ...entry } = record;
  return entry;
}

// src/engine/instance-session.ts
var SYSTEM_ACTOR = "system";
var MAX_AUTOMATIC_MOVES = 100;
var InstanceSession = class _InstanceSession {
  constructor(definition, instance, history, requests, baseRevision, env) {
    this.definition = definition;
    this.history = history;
    this.requests = requests;
    this.baseRevision = baseRevision;
    this.env = env;
    this.original = instance;
    this.instance = { ...instance, revision: (baseRevision ?? 0) + 1, updatedAt: env.now };
  }
  definition;
  history;
  requests;
  baseRevision;
  env;
  events = [];
  dirtyHistory = /* @__PURE__ */ new Set();
  dirtyRequests = /* @__PURE__ */ new Set();
  moves = 0;
  /** Why the instance failed in this session, for the log. */
  failure;
  /** The instance as it was read, for commands that turn out to be no-ops. */
  original;
  /** The instance as the command leaves it: already at the next revision, so events show it. */
  instance;
  /** Reads an instance of the organization with its definition, history and requests. */
  static async open(repos, env, organizationId, instanceId) {
    const instance = await repos.instances.get(organizationId, instanceId);
    if (!instance) throw new ContractError("NOT_FOUND", `no instance ${instanceId}`);
    const definition = await repos.definitions.get(organizationId, instance.definitionId);
    if (!definition) throw new Error(`instance ${instanceId} runs a missing definition`);
    const [history, requests] = await Promise.all([
      repos.instances.history(instanceId),
      repos.approvals.forInstance(instanceId)
    ]);
    return new _InstanceSession(
      definition,
      instance,
      history,
      new Map(requests.map((r) => [r.id, r])),
      instance.revision,
      env
    );
  }
  /** The step the instance is on. */
  get step() {
    return this.findStep(this.instance.currentStepKey ?? void 0);
  }
  findStep(key) {
    return key === void 0 ? void 0 : this.definition.steps.find((s) => s.key === key);
  }
  /** The approval requests of the current visit of the current step, in creation order. */
  currentRequests() {
    const { currentStepKey, visit } = this.instance;
    return [...this.requests.values()].filter(
      (r) => r.stepKey === currentStepKey && r.visit === visit
    );
  }
  /**
   * Applies a state-machine command; an illegal (status, command) pair is INVALID_STATE.
   * Returns false when the command is an idempotent no-op.
   */
  apply(command) {
    const outcome = applyInstanceCommand(this.instance, command);
    if (!outcome.ok) throw new ContractError("INVALID_STATE", outcome.message);
    if (!outcome.changed) return false;
    this.instance = {
      ...this.instance,
      status: outcome.status,
      previousStatus: outcome.previousStatus
    };
    return true;
  }
  /** Stores a changed or new approval request. */
  putRequest(request) {
    this.requests.set(request.id, request);
    this.dirtyRequests.add(request.id);
  }
  /** Closes every PENDING request of the instance (step left, instance cancelled or timed out). */
  closePendingRequests() {
    for (const request of this.requests.values()) {
      if (request.status === "PENDING") this.putRequest({ ...request, status: "CANCELLED" });
    }
  }
  /**
   * Takes the transition of the current step labelled `action` (a TASK action or an approval
   * outcome) and runs the engine until the instance waits or finishes.
   */
  follow(action, actor, comment) {
    const transition = this.step?.transitions.find((t) => t.action === action);
    if (!transition) {
      throw new ContractError(
        "INVALID_ACTION",
        `step "${this.instance.currentStepKey}" offers no action ${action}`
      );
    }
    if (this.instance.status === "WAITING") this.apply("WAKE");
    this.enter(transition.to, actor, action, comment);
    return transition.to;
  }
  /** Enters a step and runs automatic steps (START, CONDITION, END) until the instance waits. */
  enter(stepKey, actor, action, comment) {
    const step = this.findStep(stepKey);
    if (!step) {
      this.fail(`step "${stepKey}" does not exist in the definition`);
      return;
    }
    if (++this.moves > MAX_AUTOMATIC_MOVES) {
      this.fail(`more than ${MAX_AUTOMATIC_MOVES} steps in one command (a cycle?)`);
      return;
    }
    const from = this.instance.currentStepKey ?? null;
    const { now } = this.env;
    const last = this.history.at(-1);
    if (last && last.leftAt == null) this.putHistory({ ...last, leftAt: now });
    this.closePendingRequests();
    const sequence = (last?.sequence ?? 0) + 1;
    this.putHistory({
      instanceId: this.instance.id,
      sequence,
      stepKey,
      stepType: step.type,
      enteredAt: now,
      enteredBy: actor,
      action: action ?? null,
      comment: comment ?? null,
      leftAt: null
    });
    this.instance = {
      ...this.instance,
      currentStepKey: stepKey,
      stepEnteredAt: now,
      visit: sequence
    };
    let next;
    let completed = false;
    switch (step.type) {
      case "START":
        next = step.transitions[0]?.to;
        break;
      case "TASK":
      case "WAIT":
        this.apply("WAIT");
        break;
      case "APPROVAL":
        this.openRequests(step);
        this.apply("WAIT");
        break;
      case "CONDITION": {
        try {
          next = (step.transitions.find(
            (t) => t.guard !== void 0 && checkGuard(t.guard, this.instance.context)
          ) ?? step.transitions.find((t) => t.isDefault))?.to;
        } catch (error) {
          this.fail(`guard of step "${stepKey}" failed: ${error.message}`);
          return;
        }
        break;
      }
      case "END":
        this.apply("COMPLETE");
        this.instance = { ...this.instance, completedAt: now };
        completed = true;
        break;
    }
    if (from !== null) {
      this.events.push({
        key: "workflow.instance.transitioned",
        payload: { instance: this.view(), fromStepKey: from, toStepKey: stepKey }
      });
    }
    if (completed) this.events.push({ key: "workflow.instance.completed", payload: this.view() });
    if (step.type === "START" || step.type === "CONDITION") {
      if (next === void 0) {
        this.fail(`step "${stepKey}" has no way out`);
        return;
      }
      this.enter(next, SYSTEM_ACTOR);
    }
  }
  /** Ends the instance as FAILED (a guard that cannot be evaluated, a broken definition). */
  fail(reason) {
    this.apply("FAIL");
    this.closePendingRequests();
    this.instance = { ...this.instance, completedAt: this.env.now };
    this.failure = reason;
    this.events.push({ key: "workflow.instance.failed", payload: this.view() });
  }
  /** Evaluates the current APPROVAL step; a decided outcome follows its transition. */
  settleApproval(actor, comment) {
    const step = this.step;
    const mode = step?.approval?.mode ?? "ANY";
    const { outcome } = evaluateApproval(mode, this.currentRequests());
    if (outcome !== "PENDING") this.follow(outcome, actor, comment);
    return outcome;
  }
  /** The contract's view of the instance as it stands. */
  view() {
    return instanceView(this.instance);
  }
  /** The contract's view of a request. */
  requestView(id) {
    const request = this.requests.get(id);
    if (!request) throw new Error(`no request ${id} in this session`);
    return requestView(request);
  }
  /**
   * Writes the instance at its next revision (a lost race throws `RevisionConflictError`
   * before anything else is written), then the history and requests it changed. Handlers
   * call it last, after emitting, so a refused event leaves nothing written.
   */
  async save(repos) {
    const base = this.baseRevision;
    if (base === null) await repos.instances.insert(this.instance);
    else await repos.instances.update(this.instance, base);
    const entries = this.history.filter((h) => this.dirtyHistory.has(h.sequence));
    if (entries.length > 0) await repos.instances.saveHistory(entries);
    const requests = [...this.dirtyRequests].map((id) => this.requests.get(id));
    if (requests.length > 0) await repos.approvals.save(requests);
  }
  putHistory(entry) {
    const at = this.history.findIndex((h) => h.sequence === entry.sequence);
    if (at >= 0) this.history[at] = entry;
    else this.history.push(entry);
    this.dirtyHistory.add(entry.sequence);
  }
  openRequests(step) {
    const { now, ids } = this.env;
    const expireAfter = step.approval?.expireAfterSeconds;
    (step.approval?.approvers ?? []).forEach((assigneeId, order) => {
      this.putRequest({
        id: ids.next("apr"),
        instanceId: this.instance.id,
        stepKey: step.key,
        organizationId: this.instance.organizationId,
        assigneeId,
        order,
        status: "PENDING",
        decision: null,
        decidedAt: null,
        decisionComment: null,
        delegatedFromId: null,
        delegatedToId: null,
        escalatedAt: null,
        expiresAt: expireAfter ? addSeconds(now, expireAfter) : null,
        createdAt: now,
        visit: this.instance.visit
      });
    });
  }
};
function addSeconds(iso, seconds) {
  return new Date(Date.parse(iso) + seconds * 1e3).toISOString();
}

// src/shared/handler-kit.ts
import { ContractError as ContractError2 } from "@charter/runtime";

// src/store/workflow-repository.ts
var RevisionConflictError = class extends Error {
  constructor(instanceId, expectedRevision) {
    super(`instance ${instanceId} is no longer at revision ${expectedRevision}`);
    this.instanceId = instanceId;
    this.expectedRevision = expectedRevision;
  }
  instanceId;
  expectedRevision;
  name = "RevisionConflictError";
};

// src/shared/handler-kit.ts
function repositoriesOf(deps, ctx) {
  return deps.repositories(ctx.transaction?.handle);
}
function organizationOf(ctx) {
  const tenant = ctx.principal?.tenant;
  if (!tenant) throw new ContractError2("FORBIDDEN", "the caller belongs to no organization");
  return tenant;
}
function emitEvents(ctx, contract, events) {
  const declared = new Set(contract.sideEffects.emits.map((e) => e.key));
  const emit = ctx.emit;
  for (const event of events) {
    if (declared.has(event.key)) emit(event.key, event.payload);
    else ctx.logger.warn({ event: event.key }, "event not declared by the contract, not emitted");
  }
}
async function guardRevision(work) {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RevisionConflictError) {
      throw new ContractError2(
        "CONFLICT",
        `${error.message}: another change was committed first; read it again and retry`
      );
    }
    throw error;
  }
}

// src/shared/page-cursor.ts
import { ContractError as ContractError3 } from "@charter/runtime";
var PREFIX = "o:";
function windowOf(cursor, limit) {
  const size = limit ?? 20;
  if (cursor === void 0) return { offset: 0, limit: size };
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const offset = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 0 || Buffer.from(decoded).toString("base64url") !== cursor) {
    throw new ContractError3("INVALID_CURSOR", "the cursor is not one this API issued");
  }
  return { offset, limit: size };
}
function pageOf(items, window) {
  const more = items.length > window.limit;
  return {
    items: items.slice(0, window.limit),
    nextCursor: more ? Buffer.from(`${PREFIX}${window.offset + window.limit}`).toString("base64url") : null
  };
}
function probeOf(window) {
  return { offset: window.offset, limit: window.limit + 1 };
}

// src/approval/approval.handlers.ts
var STATUS_OF_DECISION = {
  APPROVE: "APPROVED",
  REJECT: "REJECTED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  ABSTAIN: "ABSTAINED"
};
function approvalHandlers(deps) {
  const loadRequest = async (ctx, id) => {
    const found = await repositoriesOf(deps, ctx).approvals.get(organizationOf(ctx), id);
    if (!found) throw new ContractError4("NOT_FOUND", `no approval request ${id}`);
    return found;
  };
  const openForDecision = async (ctx, requestId) => {
    const request = await loadRequest(ctx, requestId);
    const session = await InstanceSession.open(
      repositoriesOf(deps, ctx),
      { ids: deps.ids, now: ctx.now().toISOString() },
      organizationOf(ctx),
      request.instanceId
    );
    session.apply("DECIDE");
    if (request.status !== "PENDING") {
      throw new ContractError4("ALREADY_DECIDED", `request ${request.id} is ${request.status}`);
    }
    if (!session.currentRequests().some((r) => r.id === request.id)) {
      throw new ContractError4(
        "INVALID_STATE",
        `request ${request.id} is not of the current step "${session.instance.currentStepKey}"`
      );
    }
    return { request, session };
  };
  return [
    implement(
      DecideApprovalContract,
      (input, ctx) => guardRevision(async () => {
        const { request, session } = await openForDecision(ctx, input.requestId);
        const mode = session.step?.approval?.mode ?? "ANY";
        if (!canDecide(mode, session.currentRequests(), request)) {
          throw new ContractError4(
            "NOT_YOUR_TURN",
            `an earlier approver of step "${request.stepKey}" has not decided yet`
          );
        }
        session.putRequest({
          ...request,
          status: STATUS_OF_DECISION[input.decision],
          decision: input.decision,
          decidedAt: session.env.now,
          decisionComment: input.comment ?? null
        });
        const decided = session.requestView(request.id);
        const outcome = session.settleApproval(ctx.principal.id, input.comment);
        ctx.emit("workflow.approval.decided", decided);
        emitEvents(ctx, DecideApprovalContract, session.events);
        await session.save(repositoriesOf(deps, ctx));
        return { request: decided, stepOutcome: outcome, instance: session.view() };
      })
    ),
    implement(
      DelegateApprovalContract,
      (input, ctx) => guardRevision(async () => {
        const { request, session } = await openForDecision(ctx, input.requestId);
        const holders = session.currentRequests().filter((r) => r.status === "PENDING" || r.id === request.id);
        if (input.delegateToId === request.assigneeId || holders.some((r) => r.assigneeId === input.delegateToId)) {
          throw new ContractError4(
            "INVALID_DELEGATE",
            `${input.delegateToId} is the assignee or already holds a request of this step`
          );
        }
        if (input.delegateToId === session.instance.startedBy) {
          throw new ContractError4(
            "INVALID_DELEGATE",
            `${input.delegateToId} started this instance and cannot approve it`
          );
        }
        if (!deps.members.has(organizationOf(ctx), input.delegateToId)) {
          throw new ContractError4(
            "INVALID_DELEGATE",
            `${input.delegateToId} is not a member of your organization`
          );
        }
        session.putRequest({
          ...request,
          status: "DELEGATED",
          delegatedToId: input.delegateToId,
          decidedAt: session.env.now,
          decisionComment: input.comment ?? null
        });
        const replacement = {
          ...request,
          id: deps.ids.next("apr"),
          assigneeId: input.delegateToId,
          status: "PENDING",
          delegatedFromId: request.id,
          delegatedToId: null,
          createdAt: session.env.now
        };
        session.putRequest(replacement);
        const result = {
          delegated: session.requestView(request.id),
          request: session.requestView(replacement.id)
        };
        ctx.emit("workflow.approval.delegated", result);
        await session.save(repositoriesOf(deps, ctx));
        return result;
      })
    ),
    implement(CommentApprovalContract, async (input, ctx) => {
      const request = await loadRequest(ctx, input.requestId);
      const comment = {
        id: deps.ids.next("comment"),
        requestId: request.id,
        authorId: ctx.principal.id,
        body: input.body,
        createdAt: ctx.now().toISOString()
      };
      await repositoriesOf(deps, ctx).approvals.addComment(comment);
      ctx.emit("workflow.approval.commented", comment);
      return comment;
    }),
    implement(ListMyApprovalsContract, async (input, ctx) => {
      const window = windowOf(input.cursor, input.limit);
      const items = await repositoriesOf(deps, ctx).approvals.forAssignee(
        organizationOf(ctx),
        ctx.principal.id,
        input.status ?? "PENDING",
        probeOf(window)
      );
      const page = pageOf(items, window);
      return { items: page.items.map(requestView), nextCursor: page.nextCursor };
    }),
    implement(ListInstanceApprovalsContract, async (input, ctx) => {
      const repos = repositoriesOf(deps, ctx);
      const instance = await repos.instances.get(organizationOf(ctx), input.instanceId);
      if (!instance) throw new ContractError4("NOT_FOUND", `no instance ${input.instanceId}`);
      const items = await repos.approvals.forInstance(instance.id, input.stepKey);
      return { items: items.map(requestView), nextCursor: null };
    }),
    implement(GetApprovalContract, async (input, ctx) => {
      const request = await loadRequest(ctx, input.requestId);
      const repos = repositoriesOf(deps, ctx);
      const organizationId = organizationOf(ctx);
      const instance = await repos.instances.get(organizationId, request.instanceId);
      const definition = instance ? await repos.definitions.get(organizationId, instance.definitionId) : void 0;
      const mode = definition?.steps.find((s) => s.key === request.stepKey)?.approval?.mode;
      const votes = (await repos.approvals.forInstance(request.instanceId, request.stepKey)).filter(
        (r) => r.visit === request.visit
      );
      return {
        request: requestView(request),
        comments: await repos.approvals.comments(request.id),
        stepOutcome: evaluateApproval(mode ?? "ANY", votes).outcome
      };
    })
  ];
}

// src/definition/definition.handlers.ts
import { ContractError as ContractError5, implement as implement2 } from "@charter/runtime";

// src/domain/definition-validator.ts
var APPROVAL_OUTCOMES = ["APPROVED", "REJECTED", "CHANGES_REQUESTED"];
function validateDefinition(definition) {
  const issues = [];
  const add = (path, code, message) => issues.push({ path, code, message });
  const { steps } = definition;
  if (steps.length === 0) {
    add("/steps", "NO_STEPS", "a definition needs at least a START and an END step");
    return issues;
  }
  const byKey = /* @__PURE__ */ new Map();
  steps.forEach((step, index) => {
    if (byKey.has(step.key)) {
      add(`/steps/${index}/key`, "DUPLICATE_STEP_KEY", `step key "${step.key}" is used twice`);
    } else byKey.set(step.key, step);
  });
  const starts = steps.filter((s) => s.type === "START");
  if (starts.length !== 1) {
    add(
      "/steps",
      "START_COUNT",
      `a definition needs exactly one START step, found ${starts.length}`
    );
  }
  if (!steps.some((s) => s.type === "END"))
    add("/steps", "NO_END", "a definition needs an END step");
  steps.forEach((step, index) => {
    const at = `/steps/${index}`;
    step.transitions.forEach((transition, t) => {
      const target = byKey.get(transition.to);
      if (!target) {
        add(
          `${at}/transitions/${t}/to`,
          "UNKNOWN_TARGET",
          `no step has the key "${transition.to}"`
        );
      } else if (target.type === "START") {
        add(
          `${at}/transitions/${t}/to`,
          "TRANSITION_INTO_START",
          "no transition may lead back to START"
        );
      }
    });
    checkStepType(step, at, byKey, add);
  });
  const [start] = starts;
  if (starts.length === 1 && start) checkReachability(steps, start, byKey, add);
  return issues;
}
function checkStepType(step, at, byKey, add) {
  const { transitions } = step;
  const misplaced = (field2, allowed) => {
    if (step[field2] !== void 0) {
      add(`${at}/${field2}`, "MISPLACED_FIELD", `\`${field2}\` only applies to ${allowed} steps`);
    }
  };
  if (step.type !== "APPROVAL") misplaced("approval", "APPROVAL");
  if (step.type !== "WAIT") misplaced("waitSeconds", "WAIT");
  if (step.type !== "TASK" && step.type !== "APPROVAL")
    misplaced("timeoutSeconds", "TASK and APPROVAL");
  if (step.type !== "TASK") misplaced("assigneeRole", "TASK");
  transitions.forEach((transition, t) => {
    if (step.type !== "CONDITION" && (transition.guard !== void 0 || transition.isDefault !== void 0)) {
      add(
        `${at}/transitions/${t}`,
        "MISPLACED_FIELD",
        "guards and defaults only apply to CONDITION steps"
      );
    }
  });
  switch (step.type) {
    case "START":
    case "WAIT":
      if (transitions.length !== 1) {
        add(
          `${at}/transitions`,
          "TRANSITION_COUNT",
          `a ${step.type} step needs exactly one transition, found ${transitions.length}`
        );
      }
      if (step.type === "WAIT" && step.waitSeconds === void 0) {
        add(`${at}/waitSeconds`, "WAIT_DURATION", "a WAIT step needs a duration (waitSeconds)");
      }
      break;
    case "END":
      if (transitions.length > 0) {
        add(`${at}/transitions`, "TRANSITION_COUNT", "an END step has no transitions");
      }
      break;
    case "TASK":
      checkActions(step, at, add);
      break;
    case "CONDITION": {
      const defaults = transitions.filter((t) => t.isDefault === true);
      if (defaults.length !== 1) {
        add(
          `${at}/transitions`,
          "CONDITION_DEFAULT",
          `a CONDITION step needs exactly one default transition, found ${defaults.length}`
        );
      }
      transitions.forEach((transition, t) => {
        if (transition.isDefault === true) return;
        if (transition.guard === void 0) {
          add(
            `${at}/transitions/${t}/guard`,
            "MISSING_GUARD",
            "a non-default transition of a CONDITION step needs a guard"
          );
          return;
        }
        try {
          parseGuard(transition.guard);
        } catch (error) {
          if (!(error instanceof GuardExpressionError)) throw error;
          add(`${at}/transitions/${t}/guard`, "INVALID_GUARD", error.message);
        }
      });
      break;
    }
    case "APPROVAL": {
      if (!step.approval?.mode) {
        add(
          `${at}/approval/mode`,
          "APPROVAL_MODE",
          "an APPROVAL step needs a mode (ANY, ALL, MAJORITY or SEQUENTIAL)"
        );
      }
      if (!step.approval?.approvers || step.approval.approvers.length === 0) {
        add(
          `${at}/approval/approvers`,
          "APPROVAL_APPROVERS",
          "an APPROVAL step needs at least one approver"
        );
      }
      checkActions(step, at, add);
      transitions.forEach((transition, t) => {
        if (transition.action !== void 0 && !APPROVAL_OUTCOMES.includes(transition.action)) {
          add(
            `${at}/transitions/${t}/action`,
            "APPROVAL_OUTCOME",
            `"${transition.action}" is not an approval outcome (APPROVED, REJECTED, CHANGES_REQUESTED)`
          );
        }
        if (transition.action === "CHANGES_REQUESTED" && byKey.get(transition.to) && byKey.get(transition.to)?.type !== "TASK") {
          add(
            `${at}/transitions/${t}/to`,
            "CHANGES_TARGET",
            "CHANGES_REQUESTED must lead back to a TASK step"
          );
        }
      });
      for (const outcome of ["APPROVED", "REJECTED"]) {
        if (!transitions.some((t) => t.action === outcome)) {
          add(
            `${at}/transitions`,
            "APPROVAL_OUTCOME",
            `an APPROVAL step needs a transition for ${outcome}`
          );
        }
      }
      break;
    }
  }
}
function checkActions(step, at, add) {
  if (step.transitions.length === 0) {
    add(
      `${at}/transitions`,
      "TRANSITION_COUNT",
      `a ${step.type} step needs at least one transition`
    );
  }
  const seen = /* @__PURE__ */ new Set();
  step.transitions.forEach((transition, t) => {
    if (transition.action === void 0) {
      add(
        `${at}/transitions/${t}/action`,
        "MISSING_ACTION",
        `each transition of a ${step.type} step needs an action`
      );
    } else if (seen.has(transition.action)) {
      add(
        `${at}/transitions/${t}/action`,
        "DUPLICATE_ACTION",
        `action "${transition.action}" is used twice`
      );
    } else seen.add(transition.action);
  });
}
function checkReachability(steps, start, byKey, add) {
  const successors = (step) => step.transitions.map((t) => byKey.get(t.to)).filter((s) => s !== void 0);
  const reachable = /* @__PURE__ */ new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of successors(queue.shift())) {
      if (!reachable.has(next)) {
        reachable.add(next);
        queue.push(next);
      }
    }
  }
  const finishing = new Set(steps.filter((s) => s.type === "END"));
  for (let grew = true; grew; ) {
    grew = false;
    for (const step of steps) {
      if (!finishing.has(step) && successors(step).some((s) => finishing.has(s))) {
        finishing.add(step);
        grew = true;
      }
    }
  }
  const hasEnd = steps.some((s) => s.type === "END");
  if (hasEnd && ![...reachable].some((s) => s.type === "END")) {
    add("/steps", "END_UNREACHABLE", "no END step can be reached from START");
  }
  steps.forEach((step, index) => {
    if (!byKey.has(step.key) || byKey.get(step.key) !== step) return;
    if (!reachable.has(step)) {
      add(`/steps/${index}`, "UNREACHABLE_STEP", `step "${step.key}" cannot be reached from START`);
    } else if (hasEnd && !finishing.has(step)) {
      add(
        `/steps/${index}`,
        "NO_PATH_TO_END",
        `no END step can be reached from step "${step.key}"`
      );
    }
  });
}

// src/definition/definition.handlers.ts
function definitionHandlers(deps) {
  const load = async (ctx, id) => {
    const found = await repositoriesOf(deps, ctx).definitions.get(organizationOf(ctx), id);
    if (!found) throw new ContractError5("NOT_FOUND", `no workflow definition ${id}`);
    return found;
  };
  const loadDraft = async (ctx, id) => {
    const found = await load(ctx, id);
    if (found.status !== "DRAFT") {
      throw new ContractError5(
        "INVALID_STATE",
        `definition ${id} is ${found.status}; only a DRAFT can be changed`
      );
    }
    return found;
  };
  const save = async (ctx, definition) => {
    const next = { ...definition, updatedAt: ctx.now().toISOString() };
    await repositoriesOf(deps, ctx).definitions.update(next);
    return next;
  };
  const move = async (ctx, id, from, to) => {
    const found = await load(ctx, id);
    if (!from.includes(found.status)) {
      throw new ContractError5(
        "INVALID_STATE",
        `definition ${id} is ${found.status}; only ${from.join(" or ")} can become ${to}`
      );
    }
    return save(ctx, { ...found, status: to });
  };
  return [
    implement2(CreateDefinitionContract, async (input, ctx) => {
      const organizationId = organizationOf(ctx);
      const repos = repositoriesOf(deps, ctx);
      const versions = await repos.definitions.versions(organizationId, input.key);
      const now = ctx.now().toISOString();
      const definition = {
        id: deps.ids.next("def"),
        key: input.key,
        version: (versions.at(-1)?.version ?? 0) + 1,
        name: input.name,
        ...input.description !== void 0 ? { description: input.description } : {},
        status: "DRAFT",
        steps: structuredClone(input.steps ?? []),
        organizationId,
        createdBy: ctx.principal.id,
        createdAt: now,
        updatedAt: now,
        publishedAt: null
      };
      await repos.definitions.insert(definition);
      ctx.emit("workflow.definition.created", definition);
      return definition;
    }),
    implement2(UpdateDefinitionContract, async (input, ctx) => {
      const found = await loadDraft(ctx, input.definitionId);
      const { description, ...rest } = found;
      const next = await save(ctx, {
        ...rest,
        name: input.name ?? found.name,
        ...input.description === null ? {} : { description: input.description ?? description }
      });
      ctx.emit("workflow.definition.updated", next);
      return next;
    }),
    implement2(AddStepContract, async (input, ctx) => {
      const found = await loadDraft(ctx, input.definitionId);
      if (found.steps.some((s) => s.key === input.step.key)) {
        throw ctx.errors.DUPLICATE_STEP({ detail: `step "${input.step.key}" already exists` });
      }
      const steps = [...found.steps];
      steps.splice(Math.min(input.position ?? steps.length, steps.length), 0, input.step);
      const next = await save(ctx, { ...found, steps });
      ctx.emit("workflow.definition.step-added", next);
      return next;
    }),
    implement2(UpdateStepContract, async (input, ctx) => {
      const found = await loadDraft(ctx, input.definitionId);
      const at = found.steps.findIndex((s) => s.key === input.stepKey);
      if (at < 0) throw ctx.errors.NOT_FOUND({ detail: `no step "${input.stepKey}"` });
      if (found.steps.some((s, i) => i !== at && s.key === input.step.key)) {
        throw ctx.errors.DUPLICATE_STEP({ detail: `step "${input.step.key}" already exists` });
      }
      const steps = found.steps.map((s, i) => i === at ? input.step : s);
      const next = await save(ctx, { ...found, steps });
      ctx.emit("workflow.definition.step-updated", next);
      return next;
    }),
    implement2(RemoveStepContract, async (input, ctx) => {
      const found = await loadDraft(ctx, input.definitionId);
      if (!found.steps.some((s) => s.key === input.stepKey)) {
        throw ctx.errors.NOT_FOUND({ detail: `no step "${input.stepKey}"` });
      }
      const steps = found.steps.filter((s) => s.key !== input.stepKey);
      const next = await save(ctx, { ...found, steps });
      ctx.emit("workflow.definition.step-removed", next);
      return next;
    }),
    implement2(ValidateDefinitionContract, async (input, ctx) => {
      const found = await load(ctx, input.definitionId);
      const issues = validateDefinition(found);
      return { definitionId: found.id, valid: issues.length === 0, issues };
    }),
    implement2(PublishDefinitionContract, async (input, ctx) => {
      const found = await load(ctx, input.definitionId);
      if (found.status !== "DRAFT") {
        throw ctx.errors.INVALID_STATE({
          detail: `definition ${found.id} is ${found.status}; only a DRAFT can be published`
        });
      }
      const issues = validateDefinition(found);
      if (issues.length > 0) {
        throw ctx.errors.DEFINITION_INVALID({
          detail: `the draft has ${issues.length} validation issue(s)`,
          data: issues
        });
      }
      const next = await save(ctx, {
        ...found,
        status: "ACTIVE",
        publishedAt: ctx.now().toISOString()
      });
      ctx.emit("workflow.definition.published", next);
      return next;
    }),
    implement2(DeprecateDefinitionContract, async (input, ctx) => {
      const next = await move(ctx, input.definitionId, ["ACTIVE"], "DEPRECATED");
      ctx.emit("workflow.definition.deprecated", next);
      return next;
    }),
    implement2(ArchiveDefinitionContract, async (input, ctx) => {
      const next = await move(ctx, input.definitionId, ["DRAFT", "DEPRECATED"], "ARCHIVED");
      ctx.emit("workflow.definition.archived", next);
      return next;
    }),
    implement2(ListDefinitionsContract, async (input, ctx) => {
      const window = windowOf(input.cursor, input.limit);
      const items = await repositoriesOf(deps, ctx).definitions.list(
        organizationOf(ctx),
        { key: input.key, status: input.status },
        probeOf(window)
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
          updatedAt: d.updatedAt
        })),
        nextCursor: page.nextCursor
      };
    }),
    implement2(GetDefinitionContract, async (input, ctx) => load(ctx, input.definitionId))
  ];
}

// src/instance/instance.handlers.ts
import { ContractError as ContractError6, implement as implement3 } from "@charter/runtime";

// src/policy/workflow-deciders.ts
import { ADMIN_ROLE, readsState } from "@charter/runtime";
function isTaskAssignee(step, instance, principal) {
  return step.assigneeRole ? principal.roles.includes(step.assigneeRole) : principal.id === instance.startedBy;
}
function isAdmin(principal) {
  return principal?.roles.includes(ADMIN_ROLE) === true;
}
function field(input, name) {
  const value = input?.[name];
  return typeof value === "string" ? value : void 0;
}
function workflowDeciders(repositories) {
  return {
    /** workflow.instance.transition: the assignee of the current TASK step. */
    "task-assignee": readsState(async ({ principal, input, transaction }) => {
      const id = field(input, "instanceId");
      if (!principal?.tenant || id === void 0) return false;
      const repos = repositories(transaction?.handle);
      const instance = await repos.instances.get(principal.tenant, id);
      if (!instance) return true;
      const definition = await repos.definitions.get(principal.tenant, instance.definitionId);
      const step = definition?.steps.find((s) => s.key === instance.currentStepKey);
      if (step?.type !== "TASK") return true;
      return isTaskAssignee(step, instance, principal);
    }),
    /** workflow.approval.decide and delegate: the request's assignee. */
    "approval-assignee": readsState(async ({ principal, input, transaction }) => {
      const id = field(input, "requestId");
      if (!principal?.tenant || id === void 0) return false;
      const request = await repositories(transaction?.handle).approvals.get(principal.tenant, id);
      return !request || request.assigneeId === principal.id;
    }),
    /** workflow.instance.cancel: an administrator or the member who started the instance. */
    "instance-starter-or-admin": readsState(async ({ principal, input, transaction }) => {
      const id = field(input, "instanceId");
      if (!principal?.tenant || id === void 0) return false;
      if (isAdmin(principal)) return true;
      const instance = await repositories(transaction?.handle).instances.get(principal.tenant, id);
      return !instance || instance.startedBy === principal.id;
    })
  };
}

// src/instance/instance.handlers.ts
function instanceHandlers(deps) {
  const open = (ctx, instanceId) => InstanceSession.open(
    repositoriesOf(deps, ctx),
    { ids: deps.ids, now: ctx.now().toISOString() },
    organizationOf(ctx),
    instanceId
  );
  const load = async (ctx, instanceId) => {
    const found = await repositoriesOf(deps, ctx).instances.get(organizationOf(ctx), instanceId);
    if (!found) throw new ContractError6("NOT_FOUND", `no instance ${instanceId}`);
    return found;
  };
  return [
    implement3(
      StartWorkflowContract,
      (input, ctx) => guardRevision(async () => {
        const organizationId = organizationOf(ctx);
        const repos = repositoriesOf(deps, ctx);
        const versions = await repos.definitions.versions(organizationId, input.definitionKey);
        if (versions.length === 0) {
          throw new ContractError6("NOT_FOUND", `no workflow definition "${input.definitionKey}"`);
        }
        const definition = versions.filter((d) => d.status === "ACTIVE").at(-1);
        if (!definition) {
          throw new ContractError6(
            "NO_ACTIVE_VERSION",
            `"${input.definitionKey}" has no ACTIVE version to start`
          );
        }
        const now = ctx.now().toISOString();
        const starter = ctx.principal.id;
        const session = new InstanceSession(
          definition,
          {
            id: deps.ids.next("inst"),
            definitionKey: definition.key,
            definitionVersion: definition.version,
            status: "PENDING",
            previousStatus: null,
            currentStepKey: null,
            context: structuredClone(input.context ?? {}),
            organizationId,
            startedBy: starter,
            pauseReason: null,
            revision: 0,
            createdAt: now,
            updatedAt: now,
            completedAt: null,
            definitionId: definition.id,
            stepEnteredAt: now,
            visit: 0
          },
          [],
          /* @__PURE__ */ new Map(),
          null,
          { ids: deps.ids, now }
        );
        session.apply("START");
        const start = definition.steps.find((s) => s.type === "START");
        if (start) session.enter(start.key, starter);
        else session.fail("the definition has no START step");
        ctx.emit("workflow.instance.started", session.view());
        emitEvents(ctx, StartWorkflowContract, session.events);
        await session.save(repos);
        return session.view();
      })
    ),
    implement3(
      TransitionWorkflowContract,
      (input, ctx) => guardRevision(async () => {
        const session = await open(ctx, input.instanceId);
        const from = session.instance.currentStepKey ?? "";
        session.apply("TRANSITION");
        const step = session.step;
        if (step?.type !== "TASK" || !step.transitions.some((t) => t.action === input.action)) {
          throw staleOrInvalidAction(session, input.action);
        }
        if (input.data) {
          session.instance = {
            ...session.instance,
            context: { ...session.instance.context, ...structuredClone(input.data) }
          };
        }
        session.follow(input.action, ctx.principal.id, input.comment);
        emitEvents(ctx, TransitionWorkflowContract, session.events);
        await session.save(repositoriesOf(deps, ctx));
        return {
          instance: session.view(),
          fromStepKey: from,
          toStepKey: session.instance.currentStepKey ?? null
        };
      })
    ),
    implement3(
      PauseWorkflowContract,
      (input, ctx) => guardRevision(async () => {
        const session = await open(ctx, input.instanceId);
        if (!session.apply("PAUSE")) return instanceView(session.original);
        session.instance = { ...session.instance, pauseReason: input.reason ?? null };
        ctx.emit("workflow.instance.paused", session.view());
        await session.save(repositoriesOf(deps, ctx));
        return session.view();
      })
    ),
    implement3(
      ResumeWorkflowContract,
      (input, ctx) => guardRevision(async () => {
        const session = await open(ctx, input.instanceId);
        if (!session.apply("RESUME")) return instanceView(session.original);
        session.instance = { ...session.instance, pauseReason: null };
        ctx.emit("workflow.instance.resumed", session.view());
        await session.save(repositoriesOf(deps, ctx));
        return session.view();
      })
    ),
    implement3(
      CancelWorkflowContract,
      (input, ctx) => guardRevision(async () => {
        const session = await open(ctx, input.instanceId);
        session.apply("CANCEL");
        session.closePendingRequests();
        session.instance = { ...session.instance, completedAt: session.env.now };
        ctx.emit("workflow.instance.cancelled", session.view());
        await session.save(repositoriesOf(deps, ctx));
        return session.view();
      })
    ),
    implement3(ListInstancesContract, async (input, ctx) => {
      const window = windowOf(input.cursor, input.limit);
      const items = await repositoriesOf(deps, ctx).instances.list(
        organizationOf(ctx),
        {
          definitionKey: input.definitionKey,
          status: input.status,
          startedBy: input.startedBy,
          currentStepKey: input.currentStepKey
        },
        probeOf(window)
      );
      const page = pageOf(items, window);
      return { items: page.items.map(instanceView), nextCursor: page.nextCursor };
    }),
    implement3(
      GetInstanceContract,
      async (input, ctx) => instanceView(await load(ctx, input.instanceId))
    ),
    implement3(InstanceHistoryContract, async (input, ctx) => {
      const instance = await load(ctx, input.instanceId);
      const entries = await repositoriesOf(deps, ctx).instances.history(instance.id);
      return { instanceId: instance.id, entries: entries.map(historyView) };
    }),
    implement3(AvailableActionsContract, async (input, ctx) => {
      const session = await open(ctx, input.instanceId);
      const principal = ctx.principal;
      const { instance } = session;
      const admin2 = isAdmin(principal);
      const actions = [];
      const step = session.step;
      if (step?.type === "TASK" && canApply(instance.status, "TRANSITION")) {
        if (isTaskAssignee(step, instance, principal)) {
          for (const t of step.transitions) {
            if (t.action === void 0) continue;
            actions.push({
              kind: "TRANSITION",
              operation: "workflow.instance.transition",
              action: t.action,
              ...t.label !== void 0 ? { label: t.label } : {}
            });
          }
        }
      }
      if (step?.type === "APPROVAL" && canApply(instance.status, "DECIDE")) {
        const votes = session.currentRequests();
        const mode = step.approval?.mode ?? "ANY";
        for (const request of votes) {
          if (request.assigneeId !== principal.id || !canDecide(mode, votes, request)) continue;
          actions.push({
            kind: "DECIDE",
            operation: "workflow.approval.decide",
            approvalRequestId: request.id,
            label: step.name
          });
        }
      }
      if (admin2 && canApply(instance.status, "PAUSE") && instance.status !== "PAUSED") {
        actions.push({ kind: "PAUSE", operation: "workflow.instance.pause" });
      }
      if (admin2 && instance.status === "PAUSED") {
        actions.push({ kind: "RESUME", operation: "workflow.instance.resume" });
      }
      if ((admin2 || instance.startedBy === principal.id) && canApply(instance.status, "CANCEL")) {
        actions.push({ kind: "CANCEL", operation: "workflow.instance.cancel" });
      }
      return {
        instanceId: instance.id,
        status: instance.status,
        currentStepKey: instance.currentStepKey ?? null,
        actions
      };
    })
  ];
}
function staleOrInvalidAction(session, action) {
  const from = session.instance.currentStepKey ?? "";
  const left = session.history.findLast(
    (entry) => entry.leftAt != null && session.findStep(entry.stepKey)?.transitions.some((t) => t.action === action) === true
  );
  if (left) {
    return new ContractError6(
      "CONFLICT",
      `the instance left step "${left.stepKey}", which offers ${action}, and is now on "${from}": read it again`
    );
  }
  return new ContractError6("INVALID_ACTION", `step "${from}" does not offer the action ${action}`);
}

// src/shared/id-source.ts
function createIdSource(newId) {
  const reserved = /* @__PURE__ */ new Set();
  return {
    next(prefix) {
      for (let attempt = 0; attempt < 1e4; attempt++) {
        const id = newId(prefix);
        if (!reserved.has(id)) return id;
      }
      throw new Error(`no free id with the prefix "${prefix}"`);
    },
    reserve(id) {
      reserved.add(id);
    }
  };
}

// src/timer/timer.handlers.ts
import { implement as implement4, parseTimestamp } from "@charter/runtime";

// src/domain/timer-schedule.ts
function dueTimers(subject, now) {
  if (TERMINAL_STATUSES.has(subject.status)) return [];
  const at = Date.parse(now);
  const plus = (iso, seconds) => new Date(Date.parse(iso) + seconds * 1e3);
  const due = (instant) => instant.getTime() <= at;
  const timed = subject.stepType === "TASK" || subject.stepType === "APPROVAL";
  if (timed && subject.timeoutSeconds !== void 0) {
    const deadline = plus(subject.stepEnteredAt, subject.timeoutSeconds);
    if (due(deadline)) return [{ kind: "STEP_TIMEOUT", dueAt: deadline.toISOString() }];
  }
  if (subject.stepType === "WAIT" && subject.waitSeconds !== void 0) {
    const end = plus(subject.stepEnteredAt, subject.waitSeconds);
    return due(end) ? [{ kind: "WAIT_ELAPSED", dueAt: end.toISOString() }] : [];
  }
  if (subject.stepType !== "APPROVAL") return [];
  const timers = [];
  for (const request of subject.requests) {
    if (request.status !== "PENDING") continue;
    if (request.expiresAt && due(new Date(request.expiresAt))) {
      timers.push({
        kind: "EXPIRE",
        requestId: request.id,
        dueAt: new Date(request.expiresAt).toISOString()
      });
      continue;
    }
    if (request.escalatedAt || subject.escalateAfterSeconds === void 0) continue;
    const escalation = plus(request.createdAt, subject.escalateAfterSeconds);
    if (due(escalation)) {
      timers.push({ kind: "ESCALATE", requestId: request.id, dueAt: escalation.toISOString() });
    }
  }
  return timers.sort((a, b) => a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0);
}

// src/timer/timer.handlers.ts
function timerHandlers(deps) {
  return [
    implement4(
      SweepTimersContract,
      (input, ctx) => guardRevision(async () => {
        const now = input.now ?? ctx.now().toISOString();
        const at = parseTimestamp(now).toISOString();
        const organizationId = organizationOf(ctx);
        const repos = repositoriesOf(deps, ctx);
        const result = {
          now,
          waitsElapsed: 0,
          stepsTimedOut: 0,
          approvalsEscalated: 0,
          approvalsExpired: 0,
          skippedPaused: 0,
          instanceIds: [],
          more: false
        };
        let budget = input.limit ?? 100;
        for (const open of await repos.instances.listOpen(organizationId)) {
          const session = await InstanceSession.open(
            repos,
            { ids: deps.ids, now: at },
            organizationId,
            open.id
          );
          const step = session.step;
          if (!step) continue;
          const timers = dueTimers(
            {
              status: session.instance.status,
              stepType: step.type,
              stepEnteredAt: session.instance.stepEnteredAt,
              waitSeconds: step.waitSeconds,
              timeoutSeconds: step.timeoutSeconds,
              escalateAfterSeconds: step.approval?.escalateAfterSeconds,
              requests: session.currentRequests()
            },
            at
          );
          if (timers.length === 0) continue;
          if (session.instance.status === "PAUSED") {
            result.skippedPaused += timers.length;
            continue;
          }
          if (budget === 0) {
            result.more = true;
            break;
          }
          const fired = timers.slice(0, budget);
          if (fired.length < timers.length) result.more = true;
          budget -= fired.length;
          session.apply("TIMER");
          let expired = false;
          for (const timer of fired) {
            if (timer.kind === "STEP_TIMEOUT") {
              session.apply("TIME_OUT");
              session.closePendingRequests();
              session.instance = { ...session.instance, completedAt: session.env.now };
              session.events.push({ key: "workflow.instance.timed-out", payload: session.view() });
              result.stepsTimedOut++;
            } else if (timer.kind === "WAIT_ELAPSED") {
              const next = step.transitions[0]?.to;
              if (session.instance.status === "WAITING") session.apply("WAKE");
              if (next === void 0) session.fail(`WAIT step "${step.key}" has no way out`);
              else session.enter(next, SYSTEM_ACTOR, null, "wait elapsed");
              result.waitsElapsed++;
            } else if (timer.kind === "EXPIRE") {
              const request = session.requests.get(timer.requestId);
              session.putRequest({ ...request, status: "EXPIRED", decidedAt: session.env.now });
              session.events.push({
                key: "workflow.approval.expired",
                payload: session.requestView(request.id)
              });
              expired = true;
              result.approvalsExpired++;
            } else {
              escalate(session, timer.requestId, step.approval ?? {});
              result.approvalsEscalated++;
            }
          }
          if (expired && session.step?.type === "APPROVAL") session.settleApproval(SYSTEM_ACTOR);
          emitEvents(ctx, SweepTimersContract, session.events);
          await session.save(repos);
          result.instanceIds.push(session.instance.id);
        }
        return result;
      })
    )
  ];
}
function escalate(session, requestId, approval) {
  const request = session.requests.get(requestId);
  const { now } = session.env;
  session.putRequest({ ...request, escalatedAt: now });
  const holders = new Set(session.currentRequests().map((r) => r.assigneeId));
  for (const assigneeId of approval.escalateTo ?? []) {
    if (holders.has(assigneeId)) continue;
    session.putRequest({
      ...request,
      id: session.env.ids.next("apr"),
      assigneeId,
      status: "PENDING",
      escalatedAt: null,
      delegatedFromId: null,
      delegatedToId: null,
      // The new approver gets the full time to answer.
      expiresAt: approval.expireAfterSeconds ? addSeconds(now, approval.expireAfterSeconds) : null,
      createdAt: now
    });
  }
  session.events.push({
    key: "workflow.approval.escalated",
    payload: session.requestView(requestId)
  });
}

// src/app/demo-seed.ts
import {
  createExecutor,
  silentLogger
} from "@charter/runtime";
async function seedDemo(env) {
  if (await env.repositories().definitions.count() > 0) return;
  const executor = createExecutor({
    bindings: env.bindings,
    deciders: env.deciders,
    stores: env.stores,
    clock: env.clock,
    logger: silentLogger,
    contextProvider: (metadata) => metadata.principal
  });
  const run = async (who, operation, input) => {
    const principal = { roles: [], permissions: [], ...who };
    const result = await executor.execute({
      operation,
      input,
      metadata: { transport: "seed", principal }
    });
    if (!result.ok) {
      throw new Error(
        `seeding failed at ${operation}: ${result.problem.code} ${result.problem.detail ?? ""}`
      );
    }
    return result.output;
  };
  const { admin: admin2, outsider, employee: employee2, manager: manager2 } = DEMO_PRINCIPALS;
  for (const owner of [admin2, outsider]) {
    const draft = await run(owner, "workflow.definition.create", expenseApprovalDefinition);
    await run(owner, "workflow.definition.publish", { definitionId: draft.id });
  }
  const submitted = async (amount, reason) => {
    const started = await run(employee2, "workflow.instance.start", {
      definitionKey: "expense-approval",
      context: { amount, reason }
    });
    await run(employee2, "workflow.instance.transition", {
      instanceId: started.id,
      action: "SUBMIT"
    });
    return started.id;
  };
  const approveAsManager = async (instanceId) => {
    const requests = await run(manager2, "workflow.approval.list-for-instance", {
      instanceId
    });
    const pending = requests.items.find((r) => r.status === "PENDING");
    if (pending)
      await run(manager2, "workflow.approval.decide", {
        requestId: pending.id,
        decision: "APPROVE"
      });
  };
  await submitted(250, "Taxi to the airport");
  await approveAsManager(await submitted(1800, "Conference ticket"));
  const paused = await submitted(90, "Team lunch");
  await run(admin2, "workflow.instance.pause", {
    instanceId: paused,
    reason: "Receipt under review"
  });
  await approveAsManager(await submitted(120, "Train ticket"));
  await run(employee2, "workflow.instance.start", {
    definitionKey: "expense-approval",
    context: { amount: 40, reason: "Parking" }
  });
  await run(outsider, "workflow.instance.start", {
    definitionKey: "expense-approval",
    context: { amount: 500, reason: "Globex travel" }
  });
}

// src/app/workflow-fixtures.ts
var T0 = "2026-01-01T00:00:00.000Z";
var { employee, manager, admin } = DEMO_PRINCIPALS;
var DANGLING_STEPS = [
  { key: "start", name: "Start", type: "START", transitions: [{ to: "review" }] },
  { key: "done", name: "Done", type: "END", transitions: [] }
];
var COOL_OFF_STEPS = [
  { key: "start", name: "Start", type: "START", transitions: [{ to: "cool-off" }] },
  {
    key: "cool-off",
    name: "Cool-off hour",
    type: "WAIT",
    waitSeconds: 3600,
    transitions: [{ to: "done" }]
  },
  { key: "done", name: "Done", type: "END", transitions: [] }
];
function workflowFixtures(repositories, ids) {
  const repos = () => repositories();
  const definition = async (id, status, extra = {}) => {
    ids.reserve(id);
    await repos().definitions.insert({
      id,
      key: expenseApprovalDefinition.key,
      version: 1,
      name: expenseApprovalDefinition.name,
      description: expenseApprovalDefinition.description,
      status,
      steps: structuredClone(expenseApprovalDefinition.steps),
      organizationId: DEMO_ORG,
      createdBy: admin.id,
      createdAt: T0,
      updatedAt: T0,
      publishedAt: status === "DRAFT" ? null : T0,
      ...extra
    });
  };
  const instance = async (id, fields) => {
    ids.reserve(id);
    const status = fields.status ?? "WAITING";
    await repos().instances.insert({
      id,
      definitionKey: expenseApprovalDefinition.key,
      definitionVersion: 1,
      definitionId: "def-1",
      status,
      previousStatus: null,
      currentStepKey: "submit",
      context: { amount: 250, reason: "Taxi" },
      organizationId: DEMO_ORG,
      startedBy: employee.id,
      pauseReason: null,
      revision: 3,
      createdAt: T0,
      updatedAt: T0,
      completedAt: null,
      stepEnteredAt: T0,
      visit: 1,
      ...fields
    });
  };
  const request = async (id, fields) => {
    ids.reserve(id);
    await repos().approvals.save([
      {
        id,
        instanceId: "inst-100",
        stepKey: "manager-approval",
        organizationId: DEMO_ORG,
        assigneeId: manager.id,
        order: 0,
        status: "PENDING",
        decision: null,
        decidedAt: null,
        decisionComment: null,
        delegatedFromId: null,
        delegatedToId: null,
        escalatedAt: null,
        expiresAt: null,
        createdAt: T0,
        visit: 1,
        ...fields
      }
    ]);
  };
  const history = (instanceId, entries) => repos().instances.saveHistory(entries.map((e) => ({ ...e, instanceId })));
  const draft = () => definition("def-1", "DRAFT");
  const active = () => definition("def-1", "ACTIVE");
  const dangling = () => definition("def-2", "DRAFT", { key: "broken-flow", name: "Broken", steps: DANGLING_STEPS });
  const pendingApproval = async () => {
    await active();
    await instance("inst-100", {
      currentStepKey: "manager-approval",
      context: { amount: 1500, reason: "Conference" }
    });
    await request("apr-1", {});
  };
  const asAdmin = (given) => ({ principal: admin, given });
  const asEmployee = (given) => ({ principal: employee, given });
  const asManager = (given) => ({ principal: manager, given });
  return {
    // workflow.definition.*
    "create-expense-approval": asAdmin(),
    "create-next-version": asAdmin(active),
    "rename-draft": asAdmin(draft),
    "rename-active": asAdmin(active),
    "add-wait-step": asAdmin(draft),
    "add-duplicate-step": asAdmin(draft),
    "raise-threshold": asAdmin(draft),
    "remove-finance": asAdmin(draft),
    "validate-demo": asAdmin(draft),
    "validate-dangling": asAdmin(dangling),
    "publish-demo": asAdmin(draft),
    "publish-invalid": asAdmin(dangling),
    "publish-twice": asAdmin(active),
    "deprecate-active": asAdmin(active),
    "archive-deprecated": asAdmin(() => definition("def-1", "DEPRECATED")),
    "archive-active": asAdmin(active),
    "list-active": asAdmin(async () => {
      await active();
      await definition("def-3", "DRAFT", {
        key: "leave-request",
        name: "Leave request",
        steps: DANGLING_STEPS
      });
    }),
    "get-definition": asAdmin(active),
    // workflow.instance.*
    "start-expense-approval": asEmployee(active),
    "start-without-active-version": asEmployee(draft),
    "submit-expense": asEmployee(async () => {
      await active();
      await instance("inst-100", {});
    }),
    "transition-paused": asEmployee(async () => {
      await active();
      await instance("inst-101", { status: "PAUSED", previousStatus: "WAITING" });
    }),
    "transition-unknown-action": asEmployee(async () => {
      await active();
      await instance("inst-100", {});
    }),
    "pause-workflow-happy-path": asAdmin(async () => {
      await active();
      await instance("inst-456", { currentStepKey: "manager-approval" });
    }),
    "pause-already-paused": asAdmin(async () => {
      await active();
      await instance("inst-457", {
        status: "PAUSED",
        previousStatus: "WAITING",
        currentStepKey: "manager-approval",
        pauseReason: "Audit"
      });
    }),
    "pause-completed": asAdmin(async () => {
      await active();
      await instance("inst-458", {
        status: "COMPLETED",
        currentStepKey: "approved",
        completedAt: T0
      });
    }),
    "resume-paused-waiting": asAdmin(async () => {
      await active();
      await instance("inst-456", {
        status: "PAUSED",
        previousStatus: "WAITING",
        currentStepKey: "manager-approval"
      });
    }),
    "resume-cancelled": asAdmin(async () => {
      await active();
      await instance("inst-459", { status: "CANCELLED", completedAt: T0 });
    }),
    "starter-cancels": asEmployee(pendingApproval),
    "cancel-completed": asAdmin(async () => {
      await active();
      await instance("inst-458", {
        status: "COMPLETED",
        currentStepKey: "approved",
        completedAt: T0
      });
    }),
    "list-waiting": asEmployee(async () => {
      await active();
      const statuses = ["WAITING", "COMPLETED", "WAITING", "COMPLETED", "WAITING"];
      for (const [index, status] of statuses.entries()) {
        await instance(`inst-30${index}`, {
          status,
          currentStepKey: status === "WAITING" ? "manager-approval" : "approved",
          createdAt: `2026-01-0${index + 1}T09:00:00.000Z`
        });
      }
    }),
    "get-instance": asEmployee(pendingApproval),
    "get-missing-instance": asEmployee(active),
    "history-after-submit": asEmployee(async () => {
      await active();
      await instance("inst-100", { currentStepKey: "manager-approval", visit: 3 });
      await history("inst-100", [
        {
          sequence: 1,
          stepKey: "start",
          stepType: "START",
          enteredAt: "2026-01-05T09:00:00Z",
          enteredBy: employee.id,
          action: null,
          comment: null,
          leftAt: "2026-01-05T09:00:00Z"
        },
        {
          sequence: 2,
          stepKey: "submit",
          stepType: "TASK",
          enteredAt: "2026-01-05T09:00:00Z",
          enteredBy: "system",
          action: null,
          comment: null,
          leftAt: "2026-01-05T09:30:00Z"
        },
        {
          sequence: 3,
          stepKey: "manager-approval",
          stepType: "APPROVAL",
          enteredAt: "2026-01-05T09:30:00Z",
          enteredBy: employee.id,
          action: "SUBMIT",
          comment: null,
          leftAt: null
        }
      ]);
    }),
    "actions-of-starter": asEmployee(async () => {
      await active();
      await instance("inst-100", {});
    }),
    // workflow.approval.*
    "manager-approves-large": asManager(pendingApproval),
    "manager-requests-changes": asManager(pendingApproval),
    "decide-twice": asManager(async () => {
      await active();
      await instance("inst-100", { currentStepKey: "finance-approval", visit: 2 });
      await request("apr-2", {
        status: "APPROVED",
        decision: "APPROVE",
        decidedAt: T0
      });
    }),
    "decide-paused": asManager(async () => {
      await active();
      await instance("inst-101", {
        status: "PAUSED",
        previousStatus: "WAITING",
        currentStepKey: "manager-approval"
      });
      await request("apr-3", { instanceId: "inst-101" });
    }),
    "delegate-to-deputy": asManager(pendingApproval),
    "comment-on-request": asManager(pendingApproval),
    "manager-inbox": asManager(pendingApproval),
    "instance-approvals": asEmployee(pendingApproval),
    "get-request": asManager(pendingApproval),
    // workflow.timer.sweep
    "sweep-due-timers": asAdmin(async () => {
      await active();
      await definition("def-2", "ACTIVE", {
        key: "cool-off",
        name: "Cool-off",
        steps: COOL_OFF_STEPS
      });
      const onWait = {
        definitionId: "def-2",
        definitionKey: "cool-off",
        currentStepKey: "cool-off"
      };
      await instance("inst-200", { ...onWait, stepEnteredAt: "2026-01-05T08:00:00.000Z" });
      await instance("inst-201", {
        currentStepKey: "manager-approval",
        stepEnteredAt: "2026-01-03T08:00:00.000Z"
      });
      await request("apr-1", {
        instanceId: "inst-201",
        createdAt: "2026-01-03T08:00:00.000Z",
        expiresAt: "2026-01-10T08:00:00.000Z"
      });
      await instance("inst-202", {
        ...onWait,
        status: "PAUSED",
        previousStatus: "WAITING",
        stepEnteredAt: "2026-01-05T07:30:00.000Z"
      });
    }),
    "sweep-nothing-due": asAdmin(async () => {
      await active();
      await instance("inst-100", {});
    })
  };
}

// src/app/workflow-app.ts
function createWorkflowApp(environment, repositories, members = demoMembers()) {
  const { stores, clock, newId } = environment;
  const deps = { repositories, ids: createIdSource(newId), members };
  const bindings = [
    ...definitionHandlers(deps),
    ...instanceHandlers(deps),
    ...approvalHandlers(deps),
    ...timerHandlers(deps)
  ];
  const deciders = workflowDeciders(repositories);
  return {
    bindings,
    deciders,
    fixtures: workflowFixtures(repositories, deps.ids),
    seed: () => seedDemo({ stores, clock, bindings, deciders, repositories })
  };
}

// src/store/memory/memory-workflow-repository.ts
var OPEN = /* @__PURE__ */ new Set(["RUNNING", "WAITING", "PAUSED"]);
function createMemoryWorkflowRepositories() {
  const definitions = /* @__PURE__ */ new Map();
  const instances = /* @__PURE__ */ new Map();
  const history = /* @__PURE__ */ new Map();
  const requests = /* @__PURE__ */ new Map();
  const comments = [];
  const copy = structuredClone;
  const slice = (items, window) => items.slice(window.offset, window.offset + window.limit).map((item) => copy(item));
  const repositories = {
    definitions: {
      async get(organizationId, id) {
        const found = definitions.get(id);
        return found?.organizationId === organizationId ? copy(found) : void 0;
      },
      async versions(organizationId, key) {
        return [...definitions.values()].filter((d) => d.organizationId === organizationId && d.key === key).sort((a, b) => a.version - b.version).map((d) => copy(d));
      },
      async list(organizationId, filter, window) {
        const items = [...definitions.values()].filter(
          (d) => d.organizationId === organizationId && (filter.key === void 0 || d.key === filter.key) && (filter.status === void 0 || d.status === filter.status)
        ).sort((a, b) => a.key === b.key ? b.version - a.version : a.key < b.key ? -1 : 1);
        return slice(items, window);
      },
      async insert(definition) {
        if (definitions.has(definition.id)) throw new Error(`definition ${definition.id} exists`);
        definitions.set(definition.id, copy(definition));
      },
      async update(definition) {
        definitions.set(definition.id, copy(definition));
      },
      async count() {
        return definitions.size;
      }
    },
    instances: {
      async get(organizationId, id) {
        const found = instances.get(id);
        return found?.organizationId === organizationId ? copy(found) : void 0;
      },
      async insert(instance) {
        if (instances.has(instance.id)) throw new Error(`instance ${instance.id} exists`);
        instances.set(instance.id, copy(instance));
      },
      async update(instance, expectedRevision) {
        const stored = instances.get(instance.id);
        if (!stored || stored.revision !== expectedRevision) {
          throw new RevisionConflictError(instance.id, expectedRevision);
        }
        instances.set(instance.id, copy(instance));
      },
      async list(organizationId, filter, window) {
        const items = [...instances.values()].filter(
          (i) => i.organizationId === organizationId && (filter.definitionKey === void 0 || i.definitionKey === filter.definitionKey) && (filter.status === void 0 || i.status === filter.status) && (filter.startedBy === void 0 || i.startedBy === filter.startedBy) && (filter.currentStepKey === void 0 || i.currentStepKey === filter.currentStepKey)
        ).sort(newestFirst);
        return slice(items, window);
      },
      async listOpen(organizationId) {
        return [...instances.values()].filter((i) => i.organizationId === organizationId && OPEN.has(i.status)).sort((a, b) => -newestFirst(a, b)).map((i) => copy(i));
      },
      async history(instanceId) {
        return (history.get(instanceId) ?? []).map((h) => copy(h));
      },
      async saveHistory(entries) {
        for (const entry of entries) {
          const list = history.get(entry.instanceId) ?? [];
          const at = list.findIndex((h) => h.sequence === entry.sequence);
          if (at >= 0) list[at] = copy(entry);
          else list.push(copy(entry));
          list.sort((a, b) => a.sequence - b.sequence);
          history.set(entry.instanceId, list);
        }
      }
    },
    approvals: {
      async get(organizationId, id) {
        const found = requests.get(id);
        return found?.organizationId === organizationId ? copy(found) : void 0;
      },
      async forInstance(instanceId, stepKey) {
        return [...requests.values()].filter(
          (r) => r.instanceId === instanceId && (stepKey === void 0 || r.stepKey === stepKey)
        ).map((r) => copy(r));
      },
      async forAssignee(organizationId, assigneeId, status, window) {
        const items = [...requests.values()].filter(
          (r) => r.organizationId === organizationId && r.assigneeId === assigneeId && r.status === status
        );
        return slice(items, window);
      },
      async save(list) {
        for (const request of list) requests.set(request.id, copy(request));
      },
      async addComment(comment) {
        comments.push(copy(comment));
      },
      async comments(requestId) {
        return comments.filter((c) => c.requestId === requestId).map((c) => copy(c));
      }
    }
  };
  return () => repositories;
}
function newestFirst(a, b) {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

// src/store/sql/workflow-migrations.ts
function workflowTables(charter) {
  const prefix = `${charter.migrations.slice(0, -"migrations".length)}wf_`;
  return {
    definitions: `${prefix}definitions`,
    instances: `${prefix}instances`,
    history: `${prefix}history`,
    requests: `${prefix}requests`,
    comments: `${prefix}comments`
  };
}
var workflowMigrations = {
  scope: "workflow-system",
  migrations: [
    {
      version: 1,
      name: "definitions, instances, history, approval requests and comments",
      async up({ db, tables }) {
        const t = workflowTables(tables);
        await db.schema.createTable(t.definitions).addColumn("id", "text", (c) => c.primaryKey()).addColumn("organization_id", "text", (c) => c.notNull()).addColumn("key", "text", (c) => c.notNull()).addColumn("version", "integer", (c) => c.notNull()).addColumn("status", "text", (c) => c.notNull()).addColumn("data", "text", (c) => c.notNull()).addUniqueConstraint(`${t.definitions}_version`, ["organization_id", "key", "version"]).execute();
        await db.schema.createTable(t.instances).addColumn("id", "text", (c) => c.primaryKey()).addColumn("organization_id", "text", (c) => c.notNull()).addColumn("definition_key", "text", (c) => c.notNull()).addColumn("status", "text", (c) => c.notNull()).addColumn("started_by", "text", (c) => c.notNull()).addColumn("current_step_key", "text").addColumn("created_at", "text", (c) => c.notNull()).addColumn("revision", "integer", (c) => c.notNull()).addColumn("data", "text", (c) => c.notNull()).execute();
        await db.schema.createIndex(`${t.instances}_org_created`).on(t.instances).columns(["organization_id", "created_at"]).execute();
        await db.schema.createTable(t.history).addColumn("instance_id", "text", (c) => c.notNull()).addColumn("sequence", "integer", (c) => c.notNull()).addColumn("data", "text", (c) => c.notNull()).addPrimaryKeyConstraint(`${t.history}_pk`, ["instance_id", "sequence"]).execute();
        await db.schema.createTable(t.requests).addColumn("id", "text", (c) => c.primaryKey()).addColumn("organization_id", "text", (c) => c.notNull()).addColumn("instance_id", "text", (c) => c.notNull()).addColumn("step_key", "text", (c) => c.notNull()).addColumn("assignee_id", "text", (c) => c.notNull()).addColumn("status", "text", (c) => c.notNull()).addColumn("ordinal", "integer", (c) => c.notNull()).addColumn("data", "text", (c) => c.notNull()).execute();
        await db.schema.createIndex(`${t.requests}_instance`).on(t.requests).columns(["instance_id", "ordinal"]).execute();
        await db.schema.createIndex(`${t.requests}_assignee`).on(t.requests).columns(["organization_id", "assignee_id", "status"]).execute();
        await db.schema.createTable(t.comments).addColumn("id", "text", (c) => c.primaryKey()).addColumn("request_id", "text", (c) => c.notNull()).addColumn("ordinal", "integer", (c) => c.notNull()).addColumn("data", "text", (c) => c.notNull()).execute();
      }
    }
  ]
};

// src/store/sql/sql-workflow-repository.ts
var parse = (row) => JSON.parse(row.data);
function createSqlWorkflowRepositories(db, tables) {
  const names = workflowTables(tables);
  const outside = repositoriesOver(db, names);
  return (handle) => handle === void 0 ? outside : repositoriesOver(handle, names);
}
function repositoriesOver(db, t) {
  const getScoped = async (table, organizationId, id) => {
    const row = await db.selectFrom(table).select("data").where("id", "=", id).where("organization_id", "=", organizationId).executeTakeFirst();
    return row ? parse(row) : void 0;
  };
  const nextOrdinal = async (table) => {
    const row = await db.selectFrom(table).select((eb) => eb.fn.max("ordinal").as("last")).executeTakeFirst();
    return Number(row?.last ?? 0) + 1;
  };
  const definitionRow = (d) => ({
    organization_id: d.organizationId,
    key: d.key,
    version: d.version,
    status: d.status,
    data: JSON.stringify(d)
  });
  const instanceRow = (i) => ({
    organization_id: i.organizationId,
    definition_key: i.definitionKey,
    status: i.status,
    started_by: i.startedBy,
    current_step_key: i.currentStepKey ?? null,
    created_at: i.createdAt,
    revision: i.revision,
    data: JSON.stringify(i)
  });
  const requestRow = (r) => ({
    organization_id: r.organizationId,
    instance_id: r.instanceId,
    step_key: r.stepKey,
    assignee_id: r.assigneeId,
    status: r.status,
    data: JSON.stringify(r)
  });
  return {
    definitions: {
      get: (organizationId, id) => getScoped(t.definitions, organizationId, id),
      async versions(organizationId, key) {
        const rows = await db.selectFrom(t.definitions).select("data").where("organization_id", "=", organizationId).where("key", "=", key).orderBy("version", "asc").execute();
        return rows.map(parse);
      },
      async list(organizationId, filter, window) {
        let query = db.selectFrom(t.definitions).select("data").where("organization_id", "=", organizationId);
        if (filter.key !== void 0) query = query.where("key", "=", filter.key);
        if (filter.status !== void 0) query = query.where("status", "=", filter.status);
        const rows = await query.orderBy("key", "asc").orderBy("version", "desc").limit(window.limit).offset(window.offset).execute();
        return rows.map(parse);
      },
      async insert(definition) {
        await db.insertInto(t.definitions).values({ id: definition.id, ...definitionRow(definition) }).execute();
      },
      async update(definition) {
        await db.updateTable(t.definitions).set(definitionRow(definition)).where("id", "=", definition.id).execute();
      },
      async count() {
        const row = await db.selectFrom(t.definitions).select((eb) => eb.fn.countAll().as("n")).executeTakeFirst();
        return Number(row?.n ?? 0);
      }
    },
    instances: {
      get: (organizationId, id) => getScoped(t.instances, organizationId, id),
      async insert(instance) {
        await db.insertInto(t.instances).values({ id: instance.id, ...instanceRow(instance) }).execute();
      },
      async update(instance, expectedRevision) {
        const result = await db.updateTable(t.instances).set(instanceRow(instance)).where("id", "=", instance.id).where("revision", "=", expectedRevision).executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) {
          throw new RevisionConflictError(instance.id, expectedRevision);
        }
      },
      async list(organizationId, filter, window) {
        let query = db.selectFrom(t.instances).select("data").where("organization_id", "=", organizationId);
        if (filter.definitionKey !== void 0) {
          query = query.where("definition_key", "=", filter.definitionKey);
        }
        if (filter.status !== void 0) query = query.where("status", "=", filter.status);
        if (filter.startedBy !== void 0)
          query = query.where("started_by", "=", filter.startedBy);
        if (filter.currentStepKey !== void 0) {
          query = query.where("current_step_key", "=", filter.currentStepKey);
        }
        const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(window.limit).offset(window.offset).execute();
        return rows.map(parse);
      },
      async listOpen(organizationId) {
        const rows = await db.selectFrom(t.instances).select("data").where("organization_id", "=", organizationId).where("status", "in", ["RUNNING", "WAITING", "PAUSED"]).orderBy("created_at", "asc").orderBy("id", "asc").execute();
        return rows.map(parse);
      },
      async history(instanceId) {
        const rows = await db.selectFrom(t.history).select("data").where("instance_id", "=", instanceId).orderBy("sequence", "asc").execute();
        return rows.map(parse);
      },
      async saveHistory(entries) {
        for (const entry of entries) {
          await db.insertInto(t.history).values({
            instance_id: entry.instanceId,
            sequence: entry.sequence,
            data: JSON.stringify(entry)
          }).onConflict(
            (oc) => oc.columns(["instance_id", "sequence"]).doUpdateSet({ data: JSON.stringify(entry) })
          ).execute();
        }
      }
    },
    approvals: {
      get: (organizationId, id) => getScoped(t.requests, organizationId, id),
      async forInstance(instanceId, stepKey) {
        let query = db.selectFrom(t.requests).select("data").where("instance_id", "=", instanceId);
        if (stepKey !== void 0) query = query.where("step_key", "=", stepKey);
        const rows = await query.orderBy("ordinal", "asc").execute();
        return rows.map(parse);
      },
      async forAssignee(organizationId, assigneeId, status, window) {
        const rows = await db.selectFrom(t.requests).select("data").where("organization_id", "=", organizationId).where("assignee_id", "=", assigneeId).where("status", "=", status).orderBy("ordinal", "asc").limit(window.limit).offset(window.offset).execute();
        return rows.map(parse);
      },
      async save(requests) {
        for (const request of requests) {
          const updated = await db.updateTable(t.requests).set(requestRow(request)).where("id", "=", request.id).executeTakeFirst();
          if (Number(updated.numUpdatedRows) === 0) {
            await db.insertInto(t.requests).values({
              id: request.id,
              ordinal: await nextOrdinal(t.requests),
              ...requestRow(request)
            }).execute();
          }
        }
      },
      async addComment(comment) {
        await db.insertInto(t.comments).values({
          id: comment.id,
          request_id: comment.requestId,
          ordinal: await nextOrdinal(t.comments),
          data: JSON.stringify(comment)
        }).execute();
      },
      async comments(requestId) {
        const rows = await db.selectFrom(t.comments).select("data").where("request_id", "=", requestId).orderBy("ordinal", "asc").execute();
        return rows.map(parse);
      }
    }
  };
}

// src/handlers.ts
function isSqlStores(stores) {
  return "db" in stores && "tables" in stores;
}
var handlers_default = defineApp({
  tokens: DEMO_TOKENS,
  migrations: [workflowMigrations],
  create(environment) {
    const { stores } = environment;
    const repositories = isSqlStores(stores) ? createSqlWorkflowRepositories(stores.db, stores.tables) : createMemoryWorkflowRepositories();
    return createWorkflowApp(environment, repositories);
  }
});

// server.ts
await runBuilt({
  root: fileURLToPath(new URL("../", import.meta.url)),
  configFile: "charter.config.ts",
  contracts: ["src/approval/approval.events.ts", "src/approval/approval.feature.ts", "src/approval/approval.operations.ts", "src/definition/definition.events.ts", "src/definition/definition.feature.ts", "src/definition/definition.operations.ts", "src/instance/instance.events.ts", "src/instance/instance.feature.ts", "src/instance/instance.operations.ts", "src/timer/timer.feature.ts", "src/timer/timer.operations.ts"],
  modules: { "charter.config.ts": charter_config_exports, "src/approval/approval.events.ts": approval_events_exports, "src/approval/approval.feature.ts": approval_feature_exports, "src/approval/approval.operations.ts": approval_operations_exports, "src/definition/definition.events.ts": definition_events_exports, "src/definition/definition.feature.ts": definition_feature_exports, "src/definition/definition.operations.ts": definition_operations_exports, "src/instance/instance.events.ts": instance_events_exports, "src/instance/instance.feature.ts": instance_feature_exports, "src/instance/instance.operations.ts": instance_operations_exports, "src/timer/timer.feature.ts": timer_feature_exports, "src/timer/timer.operations.ts": timer_operations_exports, "src/handlers.ts": handlers_exports }
});
//# sourceMappingURL=server.mjs.map
