import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovalSubjectType } from '@luoshi/contracts';
import type { ApprovalStatus } from '@luoshi/domain/workflow';
import type { RequestActor } from '@luoshi/server/platform';

/** How an instance ended, for the subject (report, request, special action plan) to follow. */
export interface ApprovalFinish {
  instanceId: string;
  subjectType: ApprovalSubjectType;
  subjectId: string;
  status: Exclude<ApprovalStatus, 'in_progress'>;
  /** The deciding comment (the return's or reject's reason), if any. */
  comment: string | null;
  at: Date;
}

/** A capability whose rows go through approval; told in the deciding transaction how it ended. */
export interface ApprovalSubjectHandler {
  readonly subjectType: ApprovalSubjectType;
  /** Runs in the same transaction as the final action: a failure here rolls the decision back. */
  onFinished(m: EntityManager, finish: ApprovalFinish, actor: RequestActor): Promise<void>;
}

/** What the inbox shows of an instance's task (tasks and plans own these; approvals only show them). */
export interface ApprovalTaskLabel {
  code: string;
  planCode: string;
  planTitle: string;
}

/** Labels a batch of tasks by id, registered by a capability that may read tasks and plans. */
export type ApprovalTaskLabeller = (m: Pick<EntityManager, 'query'>, taskIds: string[]) => Promise<Map<string, ApprovalTaskLabel>>;

/**
 * The registry of subject handlers. Approvals know nothing of reports or requests; those register
 * here (onModuleInit), so the dependency points one way: reports → approvals.
 */
@Injectable()
export class ApprovalSubjects {
  private readonly handlers = new Map<ApprovalSubjectType, ApprovalSubjectHandler>();
  private labeller: ApprovalTaskLabeller = async () => new Map();

  register(handler: ApprovalSubjectHandler): void {
    this.handlers.set(handler.subjectType, handler);
  }

  labelTasksWith(labeller: ApprovalTaskLabeller): void {
    this.labeller = labeller;
  }

  /** The tasks' labels; none until a labeller registered. */
  taskLabels(m: Pick<EntityManager, 'query'>, taskIds: string[]): Promise<Map<string, ApprovalTaskLabel>> {
    return taskIds.length === 0 ? Promise.resolve(new Map()) : this.labeller(m, taskIds);
  }

  async finished(m: EntityManager, finish: ApprovalFinish, actor: RequestActor): Promise<void> {
    const handler = this.handlers.get(finish.subjectType);
    if (!handler) throw new Error(`no approval subject handler for ${finish.subjectType}`);
    await handler.onFinished(m, finish, actor);
  }
}
