import type { TaskEventKind } from '@luoshi/contracts';
import { isWorkflowError, type TaskEvent, type TaskTransitionResult, transitionTask } from '@luoshi/domain/workflow';
import { TaskException } from './task.exception';
import type { TaskRow, TaskWrite } from './task-row';

/** transitionTask on a task row, with the engine's refusal as a 409 TASK_INVALID_TRANSITION. */
export function nextTaskState(task: Pick<TaskRow, 'status' | 'resumeTo'>, event: TaskEvent): TaskTransitionResult {
  try {
    return transitionTask(task.status, event, { resumeTo: task.resumeTo ?? undefined });
  } catch (error) {
    if (isWorkflowError(error)) throw TaskException.invalidTransition(error);
    throw error;
  }
}

/** One task transition as TaskStore.transition writes it: the new state, its event and its audit record. */
export interface TaskTransition {
  event: TaskEvent;
  /** The timeline entry's kind and text. */
  eventKind: TaskEventKind;
  body?: string | null;
  /** Added to the timeline entry's data, after `from`/`to`. */
  eventData?: Record<string, unknown>;
  /** The audit action (task.accept …) and what it keeps besides the snapshots. */
  audit: string;
  auditData?: Record<string, unknown>;
  /** Extra columns to write with the new state. */
  extra?: TaskWrite;
}
