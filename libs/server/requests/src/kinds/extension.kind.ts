import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ExtensionRequestPayload, TaskRequestChange } from '@luoshi/contracts';
import { isIsoDate } from '@luoshi/domain/calendar';
import { IsDateInWindow } from '@luoshi/server/platform';
import { type TaskRow, TaskStore } from '@luoshi/server/tasks';
import { type KindContext, RequestKind, type TaskRequestKindHandler } from '../request-kind';
import { RequestErrorCode, RequestException } from '../request.exception';
import { requireOpenTask } from './require-open-task';

class ExtensionPayload implements ExtensionRequestPayload {
  @IsDateInWindow('newDueDate') newDueDate!: string;
}

/**
 * 延期申请: a later due date (dept head → office reviewer → office admin). Approved, the due date
 * moves through TaskStore, so the task's reminders are re-planned in the deciding transaction.
 */
@Injectable()
@RequestKind('extension_request')
export class ExtensionRequestKind implements TaskRequestKindHandler<'extension_request'> {
  readonly kind = 'extension_request' as const;
  readonly label = '延期申请';
  readonly fileableIn = ['assigned', 'accepted', 'in_progress'] as const;
  readonly payloadClass = ExtensionPayload;

  constructor(private readonly taskStore: TaskStore) {}

  async changesOf(_m: EntityManager, task: TaskRow, { newDueDate }: ExtensionRequestPayload): Promise<TaskRequestChange[]> {
    if (!isIsoDate(newDueDate)) throw RequestException.badDate('newDueDate', `日期无效“${newDueDate}”`, 'invalid date', RequestErrorCode.EXTENSION_BAD_DATE);
    if (!task.dueDate) throw RequestException.extensionNoDeadline();
    if (newDueDate <= task.dueDate) {
      throw RequestException.badDate(
        'newDueDate',
        `新的完成时限 ${newDueDate} 须晚于当前时限 ${task.dueDate}`,
        `${newDueDate} must be after the current due date ${task.dueDate}`,
        RequestErrorCode.EXTENSION_BAD_DATE,
      );
    }
    return [{ field: 'dueDate', from: task.dueDate, to: newDueDate }];
  }

  async apply(m: EntityManager, { requestId, task, payload, reason, actor }: KindContext<'extension_request'>): Promise<TaskRequestChange[]> {
    requireOpenTask(task);
    const after = await this.taskStore.update(m, task.id, task.version, { dueDate: payload.newDueDate, deadlineText: null });
    await this.taskStore.event(m, task.id, actor, 'updated', `延期申请审批通过：完成时限 ${task.dueDate ?? '无'} → ${payload.newDueDate}`, {
      source: 'extension_request',
      extensionRequestId: requestId,
      dueDate: { from: task.dueDate, to: payload.newDueDate },
    });
    await this.taskStore.record(m, actor, 'task.extend', task, after, { extensionRequestId: requestId, reason });
    return [{ field: 'dueDate', from: task.dueDate, to: payload.newDueDate }];
  }
}
