import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TaskEventKind, TaskResponse } from '@luoshi/contracts';
import type { TaskEvent } from '@luoshi/domain/workflow';
import { type SignedInActor, UnitOfWork } from '@luoshi/server/platform';
import { assertCanSee, assertLeadDepartmentMember } from './task-access';
import { TaskErrorCode, TaskException } from './task.exception';
import { TaskQueryService } from './task-query.service';
import type { TaskRow, TaskWrite } from './task-row';
import { TaskStore } from './task-store';

interface TransitionSpec {
  event: TaskEvent;
  eventKind: TaskEventKind;
  audit: string;
  version?: number;
  body?: string | null;
  /** Throws when the caller may not fire the event on this task (checked before the state). */
  authorize?: (task: TaskRow) => void;
  /** Extra columns to write with the new state. */
  extra?: (task: TaskRow) => TaskWrite;
  data?: Record<string, unknown>;
}

/** 签收, 退办, 暂停, 恢复, 撤销, 改派: every one a transitionTask, a version bump, an event and an audit record. */
@Injectable()
export class TaskLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TaskStore,
    private readonly query: TaskQueryService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  accept(id: string, version: number | undefined, actor: SignedInActor): Promise<TaskResponse> {
    return this.transition(id, actor, {
      event: 'accept',
      eventKind: 'accepted',
      audit: 'task.accept',
      version,
      authorize: (t) => assertLeadDepartmentMember(actor.user, t, '签收任务'),
      // Whoever accepts becomes the owner unless the office named one.
      extra: (t) => (t.ownerUserId ? {} : { ownerUserId: actor.user.id }),
    });
  }

  /** 退办: only before acceptance; back to draft with the reason, which the office sees on the task. */
  returnToOffice(id: string, reason: string, version: number | undefined, actor: SignedInActor): Promise<TaskResponse> {
    return this.transition(id, actor, {
      event: 'return_to_office',
      eventKind: 'returned',
      audit: 'task.return',
      version,
      body: reason,
      authorize: (t) => assertLeadDepartmentMember(actor.user, t, '退办任务'),
      extra: () => ({ returnedReason: reason, returnedAt: new Date() }),
    });
  }

  suspend(id: string, reason: string, version: number | undefined, actor: SignedInActor): Promise<TaskResponse> {
    return this.transition(id, actor, { event: 'suspend', eventKind: 'suspended', audit: 'task.suspend', version, body: reason });
  }

  resume(id: string, reason: string, version: number | undefined, actor: SignedInActor): Promise<TaskResponse> {
    return this.transition(id, actor, {
      event: 'resume',
      eventKind: 'resumed',
      audit: 'task.resume',
      version,
      body: reason,
      extra: () => ({ resumeTo: null }),
    });
  }

  cancel(id: string, reason: string, version: number | undefined, actor: SignedInActor): Promise<TaskResponse> {
    return this.transition(id, actor, { event: 'cancel', eventKind: 'cancelled', audit: 'task.cancel', version, body: reason });
  }

  /** 改派: a new lead department, which must accept again. */
  async reassign(
    id: string,
    input: { leadDepartmentCode: string; coDepartmentCodes?: string[]; reason: string; version?: number },
    actor: SignedInActor,
  ): Promise<TaskResponse> {
    const directory = await this.store.directory(this.dataSource.manager);
    const lead = directory.byCode(input.leadDepartmentCode);
    if (!lead) throw unknownDepartment('leadDepartmentCode', input.leadDepartmentCode);
    const co: string[] = [];
    for (const code of input.coDepartmentCodes ?? []) {
      const d = directory.byCode(code);
      if (!d) throw unknownDepartment('coDepartmentCodes', code);
      if (d.id !== lead.id && !co.includes(d.id)) co.push(d.id);
    }
    return this.transition(id, actor, {
      event: 'reassign',
      eventKind: 'reassigned',
      audit: 'task.reassign',
      version: input.version,
      body: input.reason,
      extra: (t) => ({
        leadDepartmentId: lead.id,
        ...(input.coDepartmentCodes ? { coDepartmentIds: co } : { coDepartmentIds: t.coDepartmentIds.filter((c) => c !== lead.id) }),
        // The owner belonged to the old lead department.
        ownerUserId: null,
      }),
      data: { toLeadDepartment: lead.code },
    });
  }

  private async transition(id: string, actor: SignedInActor, spec: TransitionSpec): Promise<TaskResponse> {
    await this.unitOfWork.run(async (m) => {
      const task = await this.store.find(m, id, { lock: true });
      assertCanSee(actor.user, task);
      spec.authorize?.(task);
      if (spec.version !== undefined && spec.version !== task.version) throw TaskException.staleVersion(task.version, spec.version);
      const extra = spec.extra?.(task);
      const leadMoved = extra?.leadDepartmentId !== undefined && extra.leadDepartmentId !== task.leadDepartmentId;
      await this.store.transition(m, task, actor, {
        event: spec.event,
        eventKind: spec.eventKind,
        body: spec.body,
        extra,
        eventData: { ...(leadMoved ? { fromLeadDepartmentId: task.leadDepartmentId } : {}), ...spec.data },
        audit: spec.audit,
        auditData: spec.body ? { reason: spec.body } : undefined,
      });
    });
    return (await this.query.all({ id }, actor.user, 1))[0];
  }
}

function unknownDepartment(field: string, code: string): TaskException {
  return TaskException.unknownDepartmentIn(TaskErrorCode.UNKNOWN_DEPARTMENT, field, code, { department: code });
}
