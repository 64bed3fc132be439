import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { TaskRequestChange, TaskRequestKind, TaskRequestPayloads } from '@luoshi/contracts';
import type { TaskState } from '@luoshi/domain/workflow';
import type { AuthUser, RequestActor } from '@luoshi/server/platform';
import type { TaskRow } from '@luoshi/server/tasks';

/** A request as its kind sees it when it is filed, applied or turned down. */
export interface KindContext<K extends TaskRequestKind> {
  requestId: string;
  task: TaskRow;
  payload: TaskRequestPayloads[K];
  reason: string;
  actor: RequestActor;
}

/**
 * One kind of request about a task: a provider marked @RequestKind, found at start-up. The common
 * part — who may file, one open request per kind, the approval instance, the status, the audit
 * record, the history — is TaskRequestsService's; a kind says only what is its own.
 */
export interface TaskRequestKindHandler<K extends TaskRequestKind = TaskRequestKind> {
  readonly kind: K;
  /** The noun in titles and messages: 延期申请 … */
  readonly label: string;
  /** Task states it may be filed in. */
  readonly fileableIn: readonly TaskState[];
  /** A class-validator class for the payload (whitelisted: unknown fields are a 400). */
  readonly payloadClass: new () => object;
  /** Checks the payload against the task; returns what approval would change. Throws a 4xx. */
  changesOf(m: EntityManager, task: TaskRow, payload: TaskRequestPayloads[K], user: AuthUser): Promise<TaskRequestChange[]>;
  /** Files cited by the request (shown with it). */
  evidenceIds?(payload: TaskRequestPayloads[K]): string[];
  /** In the filing transaction, once the row and its approval exist (办结 moves the task). */
  onFiled?(m: EntityManager, ctx: KindContext<K>): Promise<void>;
  /** In the deciding transaction when approved; returns what was changed. */
  apply(m: EntityManager, ctx: KindContext<K>): Promise<TaskRequestChange[]>;
  /** In the deciding transaction when returned, rejected or withdrawn. */
  onNotApproved?(m: EntityManager, ctx: KindContext<K>, comment: string | null): Promise<void>;
}

/** The discoverable mark TaskRequestKinds reads. */
export const RequestKindMeta = DiscoveryService.createDecorator<TaskRequestKind>();

/**
 * Marks a provider as a request kind. Adding a kind: a file in kinds/, its approval template (code =
 * kind) in the seed templates, its name in TASK_REQUEST_KINDS and its labels.
 */
export function RequestKind(kind: TaskRequestKind): ClassDecorator {
  return RequestKindMeta(kind);
}
