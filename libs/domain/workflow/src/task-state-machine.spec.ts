import {
  SUSPENDABLE_TASK_STATES,
  TASK_EVENTS,
  TASK_STATES,
  allowedTaskEvents,
  isTerminalTaskState,
  transitionTask,
  type TaskEvent,
  type TaskState,
} from './task-state-machine';
import { workflowErrorOf } from './testing/workflow-error-of';

/** The whole legal graph, written out independently of the implementation's table. */
const LEGAL: Record<TaskState, Partial<Record<TaskEvent, TaskState>>> = {
  draft: { assign: 'assigned', cancel: 'cancelled' },
  assigned: { accept: 'accepted', return_to_office: 'draft', suspend: 'suspended', cancel: 'cancelled', reassign: 'assigned', deliverable_approved: 'completed' },
  accepted: { start_progress: 'in_progress', suspend: 'suspended', cancel: 'cancelled', reassign: 'assigned', deliverable_approved: 'completed' },
  in_progress: { request_completion: 'completion_requested', suspend: 'suspended', cancel: 'cancelled', reassign: 'assigned', deliverable_approved: 'completed' },
  completion_requested: {
    approve_completion: 'completed',
    reject_completion: 'in_progress',
    suspend: 'suspended',
    cancel: 'cancelled',
    deliverable_approved: 'completed',
  },
  completed: {},
  suspended: { resume: 'accepted' /* with ctx.resumeTo = 'accepted' below */, cancel: 'cancelled' },
  cancelled: {},
};

const cells = TASK_STATES.flatMap((state) => TASK_EVENTS.map((event) => [state, event] as const));
const legalCells = cells.filter(([s, e]) => LEGAL[s][e] !== undefined);
const illegalCells = cells.filter(([s, e]) => LEGAL[s][e] === undefined);

const thrown = workflowErrorOf;

describe(transitionTask.name, () => {
  it('covers all 96 state/event pairs between the legal and illegal tables', () => {
    expect(cells).toHaveLength(TASK_STATES.length * TASK_EVENTS.length);
    expect(legalCells.length + illegalCells.length).toBe(96);
  });

  it.each(legalCells)('in state %s allows %s and moves to the documented target', (state, event) => {
    const result = transitionTask(state, event, { resumeTo: 'accepted' });
    expect(result.state).toBe(LEGAL[state][event]);
  });

  it.each(illegalCells)('in state %s refuses %s with INVALID_TRANSITION naming both', (state, event) => {
    const err = thrown(() => transitionTask(state, event, { resumeTo: 'accepted' }));
    expect(err.code).toBe('INVALID_TRANSITION');
    expect(err.message).toContain(state);
    expect(err.message).toContain(event);
    expect(err.messageEn).toContain(state);
    expect(err.details).toEqual({ entity: 'task', state, event });
  });

  it.each(SUSPENDABLE_TASK_STATES.map((s) => [s]))('suspends from %s and remembers it as resumeTo', (state) => {
    expect(transitionTask(state, 'suspend')).toEqual({ state: 'suspended', resumeTo: state });
  });

  it.each(SUSPENDABLE_TASK_STATES.map((s) => [s]))('resumes to %s when that is the remembered state', (state) => {
    const suspended = transitionTask(state, 'suspend');
    expect(transitionTask(suspended.state, 'resume', { resumeTo: suspended.resumeTo })).toEqual({ state });
  });

  it('refuses to resume without a remembered state', () => {
    expect(thrown(() => transitionTask('suspended', 'resume')).code).toBe('RESUME_STATE_MISSING');
  });

  it.each([['draft'], ['completed'], ['cancelled'], ['suspended']] as const)('refuses to resume to %s, which cannot have been suspended', (resumeTo) => {
    expect(thrown(() => transitionTask('suspended', 'resume', { resumeTo })).code).toBe('RESUME_STATE_MISSING');
  });

  it('sends a task returned by the department (退办) back to draft for the office to assign again', () => {
    const returned = transitionTask('assigned', 'return_to_office');
    expect(returned).toEqual({ state: 'draft' });
    expect(transitionTask(returned.state, 'assign')).toEqual({ state: 'assigned' });
  });

  it('does not set resumeTo on events other than suspend', () => {
    expect(transitionTask('draft', 'assign')).toEqual({ state: 'assigned' });
    expect('resumeTo' in transitionTask('in_progress', 'reassign')).toBe(false);
  });

  it('walks the happy path from draft to completed', () => {
    const path: TaskEvent[] = ['assign', 'accept', 'start_progress', 'request_completion', 'reject_completion', 'request_completion', 'approve_completion'];
    let state: TaskState = 'draft';
    for (const e of path) state = transitionTask(state, e).state;
    expect(state).toBe('completed');
  });
});

describe(allowedTaskEvents.name, () => {
  it.each(TASK_STATES.map((s) => [s]))('lists exactly the legal events of %s', (state) => {
    expect(allowedTaskEvents(state)).toEqual(TASK_EVENTS.filter((e) => LEGAL[state][e] !== undefined));
  });

  it('lists nothing for the terminal states', () => {
    expect(allowedTaskEvents('completed')).toEqual([]);
    expect(allowedTaskEvents('cancelled')).toEqual([]);
    expect(isTerminalTaskState('completed')).toBe(true);
    expect(isTerminalTaskState('suspended')).toBe(false);
  });
});
