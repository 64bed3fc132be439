import { TASK_STATUS_LABELS_ZH, TASK_STATUSES } from '@luoshi/contracts';
import { tableEvents, tableTarget, type TransitionTable } from './transition-table';
import { WorkflowError } from './workflow.error';

/**
 * Task lifecycle. 退办 (return_to_office) deliberately has no state of its own: the task goes back
 * to `draft`, which is exactly "the office holds it and must assign it again". The server keeps the
 * reason and a `returned` flag on the task row so the office list can highlight returned drafts.
 */

/** The one list of task states lives in the shared contracts; the machine below gives them meaning. */
export const TASK_STATES = TASK_STATUSES;
export type TaskState = (typeof TASK_STATES)[number];

export const TASK_EVENTS = [
  'assign',
  'accept',
  'return_to_office',
  'start_progress',
  'request_completion',
  'approve_completion',
  'reject_completion',
  'suspend',
  'resume',
  'cancel',
  'reassign',
  'deliverable_approved',
] as const;
export type TaskEvent = (typeof TASK_EVENTS)[number];

/** The states' Chinese names are the contracts' (the web shows the same ones). */
export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = TASK_STATUS_LABELS_ZH;

export const TASK_EVENT_LABELS: Record<TaskEvent, string> = {
  assign: '交办',
  accept: '签收',
  return_to_office: '退办',
  start_progress: '开始推进',
  request_completion: '申请办结',
  approve_completion: '同意办结',
  reject_completion: '驳回办结',
  suspend: '暂停',
  resume: '恢复',
  cancel: '撤销',
  reassign: '改派',
  deliverable_approved: '成果审定办结',
};

/** No event leaves these. */
export const TERMINAL_TASK_STATES: readonly TaskState[] = ['completed', 'cancelled'];

/**
 * States a task can be suspended from, and therefore resumed to. `draft` is excluded (nothing is
 * running yet, the office can simply leave it) and so is `suspended` itself.
 */
export const SUSPENDABLE_TASK_STATES: readonly TaskState[] = ['assigned', 'accepted', 'in_progress', 'completion_requested'];

/**
 * Fixed targets; `suspend` and `resume` are computed (see transitionTask). `deliverable_approved`
 * closes a task whose deliverable went through its own approval (a special action plan's drafting
 * task when the leader approves the plan): no separate 申请办结. A suspended task stays suspended.
 */
const TRANSITIONS: Record<TaskState, Partial<Record<TaskEvent, TaskState | 'computed'>>> = {
  draft: { assign: 'assigned', cancel: 'cancelled' },
  assigned: {
    accept: 'accepted',
    // 退办 only before 签收: once accepted, the department owns the task and the office must reassign.
    return_to_office: 'draft',
    suspend: 'computed',
    cancel: 'cancelled',
    reassign: 'assigned',
    deliverable_approved: 'completed',
  },
  accepted: {
    // Fired by the first approved progress report.
    start_progress: 'in_progress',
    suspend: 'computed',
    cancel: 'cancelled',
    reassign: 'assigned',
    deliverable_approved: 'completed',
  },
  in_progress: {
    request_completion: 'completion_requested',
    suspend: 'computed',
    cancel: 'cancelled',
    reassign: 'assigned',
    deliverable_approved: 'completed',
  },
  completion_requested: {
    approve_completion: 'completed',
    reject_completion: 'in_progress',
    suspend: 'computed',
    cancel: 'cancelled',
    deliverable_approved: 'completed',
  },
  completed: {},
  suspended: { resume: 'computed', cancel: 'cancelled' },
  cancelled: {},
};

const TASK_TABLE: TransitionTable<TaskState, TaskEvent, TaskState | 'computed'> = {
  entity: { key: 'task', zh: '任务', en: 'Task' },
  events: TASK_EVENTS,
  stateLabels: TASK_STATE_LABELS,
  eventLabels: TASK_EVENT_LABELS,
  transitions: TRANSITIONS,
};

export interface TaskTransitionContext {
  /** For `resume`: the state remembered when the task was suspended. */
  resumeTo?: TaskState;
}

export interface TaskTransitionResult {
  state: TaskState;
  /** Set only by `suspend`: store it and pass it back to `resume`. */
  resumeTo?: TaskState;
}

/** Pure transition; throws WorkflowError('INVALID_TRANSITION') for anything not in the table. */
export function transitionTask(state: TaskState, event: TaskEvent, ctx?: TaskTransitionContext): TaskTransitionResult {
  const target = tableTarget(TASK_TABLE, state, event);
  if (event === 'suspend') return { state: 'suspended', resumeTo: state };
  if (event === 'resume') {
    const resumeTo = ctx?.resumeTo;
    if (resumeTo === undefined || !SUSPENDABLE_TASK_STATES.includes(resumeTo)) {
      throw new WorkflowError(
        'RESUME_STATE_MISSING',
        `恢复任务需要暂停前的状态，收到的是“${resumeTo ?? '空'}”`,
        `Resuming a task needs the state it was suspended from; got "${resumeTo ?? 'nothing'}"`,
        { entity: 'task', state, event, resumeTo },
      );
    }
    return { state: resumeTo };
  }
  return { state: target as TaskState };
}

/** Events allowed in `state`, in TASK_EVENTS order (for buttons and API validation). */
export function allowedTaskEvents(state: TaskState): TaskEvent[] {
  return tableEvents(TASK_TABLE, state);
}

export function isTerminalTaskState(state: TaskState): boolean {
  return TERMINAL_TASK_STATES.includes(state);
}
