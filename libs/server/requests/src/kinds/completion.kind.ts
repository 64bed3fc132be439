import { Injectable } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { CompletionRequestPayload, TaskRequestChange } from '@luoshi/contracts';
import type { TaskEvent } from '@luoshi/domain/workflow';
import type { RequestActor } from '@luoshi/server/platform';
import { EvidenceService } from '@luoshi/server/reports';
import { type TaskRow, TaskStore } from '@luoshi/server/tasks';
import { type KindContext, RequestKind, type TaskRequestKindHandler } from '../request-kind';
import { RequestException } from '../request.exception';

class CompletionPayload implements CompletionRequestPayload {
  /** Checked by the kind so an empty list answers COMPLETION_EVIDENCE_REQUIRED; a file cited twice counts once. */
  @Transform(({ value }) => (Array.isArray(value) ? [...new Set(value)] : value))
  @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) evidenceIds!: string[];
}

/**
 * 申请办结: the lead department asks to close the task, citing evidence uploaded to it (dept head →
 * office reviewer). Filing fires request_completion (in_progress → completion_requested); approval
 * fires approve_completion (→ completed), anything else reject_completion (→ in_progress).
 */
@Injectable()
@RequestKind('completion_request')
export class CompletionRequestKind implements TaskRequestKindHandler<'completion_request'> {
  readonly kind = 'completion_request' as const;
  readonly label = '办结申请';
  readonly fileableIn = ['in_progress'] as const;
  readonly payloadClass = CompletionPayload;

  constructor(
    private readonly taskStore: TaskStore,
    private readonly evidence: EvidenceService,
  ) {}

  async changesOf(_m: EntityManager, task: TaskRow, payload: CompletionRequestPayload): Promise<TaskRequestChange[]> {
    const ids = payload.evidenceIds;
    if (ids.length === 0) throw RequestException.completionEvidenceRequired();
    const found = await this.evidence.byIds(ids);
    const stranger = ids.find((id) => !found.some((f) => f.id === id && f.ownerType === 'task' && f.ownerId === task.id));
    if (stranger) throw RequestException.completionBadEvidence(stranger);
    return [{ field: 'status', from: task.status, to: 'completed' }];
  }

  evidenceIds(payload: CompletionRequestPayload): string[] {
    return payload.evidenceIds;
  }

  async onFiled(m: EntityManager, { requestId, task, reason, actor }: KindContext<'completion_request'>): Promise<void> {
    await this.moveTask(m, task, 'request_completion', actor, `申请办结：${reason}`, requestId);
  }

  async apply(m: EntityManager, { requestId, task, actor }: KindContext<'completion_request'>): Promise<TaskRequestChange[]> {
    await this.moveTask(m, task, 'approve_completion', actor, '办结申请审批通过，任务办结', requestId);
    return [{ field: 'status', from: task.status, to: 'completed' }];
  }

  async onNotApproved(m: EntityManager, { requestId, task, actor }: KindContext<'completion_request'>, comment: string | null): Promise<void> {
    if (task.status !== 'completion_requested') return;
    await this.moveTask(m, task, 'reject_completion', actor, `办结申请未通过${comment ? `：${comment}` : ''}`, requestId);
  }

  private async moveTask(m: EntityManager, task: TaskRow, event: TaskEvent, actor: RequestActor, body: string, requestId: string): Promise<void> {
    await this.taskStore.transition(m, task, actor, {
      event,
      eventKind: 'status_changed',
      body,
      extra: event === 'approve_completion' ? { progress: 100 } : {},
      eventData: { source: 'completion_request', completionRequestId: requestId },
      audit: `task.${event}`,
      auditData: { completionRequestId: requestId },
    });
  }
}
