import { Injectable } from '@nestjs/common';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { ChangeRequestPayload, TaskRequestChange } from '@luoshi/contracts';
import { isIsoDate } from '@luoshi/domain/calendar';
import { IsDateInWindow } from '@luoshi/server/platform';
import { nextTaskState, type TaskRow, TaskStore, type TaskWrite } from '@luoshi/server/tasks';
import { type KindContext, RequestKind, type TaskRequestKindHandler } from '../request-kind';
import { RequestException } from '../request.exception';
import { requireOpenTask } from './require-open-task';

class ChangePayload implements ChangeRequestPayload {
  @IsOptional() @IsString() @Length(1, 500) title?: string;
  @IsOptional() @IsString() @Length(0, 20000) body?: string;
  @IsOptional() @IsUUID() leadDepartmentId?: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) coDepartmentIds?: string[];
  @IsOptional() @IsDateInWindow('dueDate') dueDate?: string;
}

type Names = (id: string | null) => string | null;

const FIELD_LABELS: Record<TaskRequestChange['field'], string> = {
  title: '任务名称',
  body: '任务内容',
  leadDepartment: '牵头单位',
  coDepartments: '配合单位',
  dueDate: '完成时限',
  status: '状态',
};

/** One line for the timeline; the task's text is said to have changed, not repeated. */
const describe = (c: TaskRequestChange) => (c.field === 'body' ? '任务内容已修改' : `${FIELD_LABELS[c.field]} ${c.from ?? '无'} → ${c.to ?? '无'}`);

/** What the payload changes on `task`, field by field (only the fields that differ). */
function diff(task: TaskRow, p: ChangeRequestPayload, name: Names): { write: TaskWrite; changes: TaskRequestChange[] } {
  const write: TaskWrite = {};
  const changes: TaskRequestChange[] = [];
  const title = p.title?.trim();
  if (title !== undefined && title !== task.title) {
    write.title = title;
    changes.push({ field: 'title', from: task.title, to: title });
  }
  if (p.body !== undefined && p.body.trim() !== task.body.trim()) {
    write.body = p.body.trim();
    changes.push({ field: 'body', from: task.body, to: p.body.trim() });
  }
  const lead = p.leadDepartmentId ?? task.leadDepartmentId;
  if (lead !== task.leadDepartmentId) {
    write.leadDepartmentId = lead;
    changes.push({ field: 'leadDepartment', from: name(task.leadDepartmentId), to: name(lead) });
  }
  const co = [...new Set(p.coDepartmentIds ?? task.coDepartmentIds)].filter((id) => id !== lead);
  if (co.length !== task.coDepartmentIds.length || co.some((id) => !task.coDepartmentIds.includes(id))) {
    write.coDepartmentIds = co;
    const names = (ids: string[]) => ids.map((id) => name(id)).join('、') || null;
    changes.push({ field: 'coDepartments', from: names(task.coDepartmentIds), to: names(co) });
  }
  if (p.dueDate !== undefined && p.dueDate !== task.dueDate) {
    write.dueDate = p.dueDate;
    write.deadlineText = null;
    changes.push({ field: 'dueDate', from: task.dueDate, to: p.dueDate });
  }
  return { write, changes };
}

/**
 * 任务变更申请: the lead department asks to change the task's content, lead or co-departments or
 * deadline, with a reason (dept head → office reviewer → leader). Approved, the change is applied
 * through TaskStore (reminders re-planned, departments told); a new lead department means a
 * reassignment (改派: back to assigned, for the new lead to accept).
 */
@Injectable()
@RequestKind('change_request')
export class ChangeRequestKind implements TaskRequestKindHandler<'change_request'> {
  readonly kind = 'change_request' as const;
  readonly label = '任务变更申请';
  readonly fileableIn = ['assigned', 'accepted', 'in_progress'] as const;
  readonly payloadClass = ChangePayload;

  constructor(private readonly taskStore: TaskStore) {}

  async changesOf(m: EntityManager, task: TaskRow, payload: ChangeRequestPayload): Promise<TaskRequestChange[]> {
    const ctx = await this.taskStore.assignmentContext(m, []);
    for (const [field, ids] of [['leadDepartmentId', payload.leadDepartmentId ? [payload.leadDepartmentId] : []], ['coDepartmentIds', payload.coDepartmentIds ?? []]] as const) {
      const unknown = ids.find((id) => !ctx.directory.byId(id));
      if (unknown) throw RequestException.badDepartment(field, `单位不存在：${unknown}`, `no department ${unknown}`);
    }
    if (payload.dueDate !== undefined) {
      if (!isIsoDate(payload.dueDate)) throw RequestException.badDate('dueDate', `日期无效“${payload.dueDate}”`, 'invalid date');
      if (payload.dueDate < ctx.today) throw RequestException.badDate('dueDate', `完成时限 ${payload.dueDate} 早于今天`, `${payload.dueDate} is in the past`);
      if (task.startDate && payload.dueDate < task.startDate) {
        throw RequestException.badDate('dueDate', `完成时限 ${payload.dueDate} 早于开始日期 ${task.startDate}`, `${payload.dueDate} is before the start date`);
      }
    }
    const { changes } = diff(task, payload, (id) => (id ? (ctx.directory.byId(id)?.name ?? id) : null));
    if (changes.length === 0) throw RequestException.noChange();
    return changes;
  }

  async apply(m: EntityManager, { requestId, task, payload, reason, actor }: KindContext<'change_request'>): Promise<TaskRequestChange[]> {
    requireOpenTask(task);
    const directory = await this.taskStore.directory(m);
    // Against the task as it is now: fields changed meanwhile to the asked value drop out.
    const { write, changes } = diff(task, payload, (id) => (id ? (directory.byId(id)?.name ?? id) : null));
    if (changes.length === 0) return [];
    if (write.leadDepartmentId !== undefined && task.status !== 'assigned') {
      write.status = nextTaskState(task, 'reassign').state;
      // The owner belonged to the old lead department.
      write.ownerUserId = null;
    }
    const after = await this.taskStore.update(m, task.id, task.version, write);
    const summary = changes.map(describe).join('；');
    await this.taskStore.event(m, task.id, actor, 'updated', `任务变更申请审批通过：${summary}`.slice(0, 2000), {
      source: 'change_request',
      changeRequestId: requestId,
      changes,
    });
    await this.taskStore.record(m, actor, 'task.change', task, after, { changeRequestId: requestId, reason });
    return changes;
  }
}
