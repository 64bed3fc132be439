import { isTerminalTaskState } from '@luoshi/domain/workflow';
import type { TaskRow } from '@luoshi/server/tasks';
import { RequestException } from '../request.exception';

/** A decision that changes the task needs it still open (it may have been closed meanwhile). */
export function requireOpenTask(task: TaskRow): void {
  if (isTerminalTaskState(task.status)) throw RequestException.taskNotOpen(task.status);
}
