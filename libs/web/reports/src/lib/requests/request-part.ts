import type { Signal } from '@angular/core';
import type { TaskRequestKind, TaskRequestPayloads } from '@luoshi/contracts';

/**
 * A kind's own fields inside TaskRequestDialog. Each part provides itself under this token, so the
 * dialog finds whichever part it shows with one viewChild and reads the payload to send. Every part
 * also takes `task` (the task detail) and `touched` (submit was pressed: show what is missing).
 */
export abstract class RequestPart<K extends TaskRequestKind = TaskRequestKind> {
  /** The payload, or null while a field is missing or wrong (the part says which once `touched`). */
  abstract readonly payload: Signal<TaskRequestPayloads[K] | null>;
}

