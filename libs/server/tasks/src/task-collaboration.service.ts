import { Injectable } from '@nestjs/common';
import type { TaskEventResponse, TaskInstructionResponse, UrgeTaskResponse } from '@luoshi/contracts';
import { isTerminalTaskState } from '@luoshi/domain/workflow';
import { NotificationsService } from '@luoshi/server/notifications';
import { type SignedInActor, UnitOfWork } from '@luoshi/server/platform';
import { assertCanSee, assertLeadDepartmentMember, canUrge, canWrite } from './task-access';
import { TaskException } from './task.exception';
import { TaskQueryService } from './task-query.service';
import { TaskStore } from './task-store';

/**
 * Talk around a task: leaders' instructions (批示) and the lead department's answers, comments,
 * and the office's urging (催办). These add to the timeline and the audit log but do not bump the
 * task's version: a comment must never make the office's pending edit stale.
 */
@Injectable()
export class TaskCollaborationService {
  constructor(
    private readonly store: TaskStore,
    private readonly query: TaskQueryService,
    private readonly notifications: NotificationsService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** 批示: the lead department is told (notification matrix: instruction_given). */
  async instruct(taskId: string, text: string, actor: SignedInActor): Promise<TaskInstructionResponse> {
    const id = await this.unitOfWork.run(async (m) => {
      const task = await this.store.find(m, taskId);
      assertCanSee(actor.user, task);
      if (isTerminalTaskState(task.status)) throw TaskException.closed();
      const [row] = await m.query(`INSERT INTO task_instruction (task_id, author_id, text) VALUES ($1, $2, $3) RETURNING id`, [
        taskId,
        actor.user.id,
        text,
      ]);
      await this.store.event(m, taskId, actor, 'instruction', text, { instructionId: row.id });
      await this.store.record(m, actor, 'task.instruct', null, null, { taskId, instructionId: row.id, text });
      await this.notifications.notify(m, {
        event: 'instruction_given',
        taskId,
        excludeUserIds: [actor.user.id],
        title: `领导批示：${task.code} ${task.title}`,
        body: `${actor.user.displayName}批示：${text}\n请及时答复。`,
        link: `/tasks/${taskId}`,
        subjectType: 'task',
        subjectId: taskId,
      });
      return row.id as string;
    });
    return this.instruction(taskId, id);
  }

  /** The lead department answers a 批示; its author is told (instruction_answered). */
  async answer(taskId: string, instructionId: string, text: string, actor: SignedInActor): Promise<TaskInstructionResponse> {
    await this.unitOfWork.run(async (m) => {
      const task = await this.store.find(m, taskId);
      assertLeadDepartmentMember(actor.user, task, '答复批示');
      const [instruction] = await m.query(`SELECT id, answer, author_id FROM task_instruction WHERE id = $1 AND task_id = $2 FOR UPDATE`, [
        instructionId,
        taskId,
      ]);
      if (!instruction) throw TaskException.instructionNotFound(instructionId);
      if (instruction.answer !== null) throw TaskException.instructionAnswered();
      await m.query(`UPDATE task_instruction SET answer = $2, answered_by = $3, answered_at = now() WHERE id = $1`, [
        instructionId,
        text,
        actor.user.id,
      ]);
      await this.store.event(m, taskId, actor, 'instruction_answered', text, { instructionId });
      await this.store.record(m, actor, 'task.answer_instruction', null, null, { taskId, instructionId, text });
      await this.notifications.notify(m, {
        event: 'instruction_answered',
        userIds: [instruction.author_id],
        title: `批示已答复：${task.code} ${task.title}`,
        body: `${actor.user.displayName}答复：${text}`,
        link: `/tasks/${taskId}`,
        subjectType: 'task',
        subjectId: taskId,
      });
    });
    return this.instruction(taskId, instructionId);
  }

  async comment(taskId: string, text: string, actor: SignedInActor): Promise<TaskEventResponse> {
    const eventId = await this.unitOfWork.run(async (m) => {
      const task = await this.store.find(m, taskId);
      assertCanSee(actor.user, task);
      if (!canWrite(actor.user)) throw TaskException.forbidden('只读用户不能发表意见', 'Viewers cannot comment');
      const id = await this.store.event(m, taskId, actor, 'comment', text);
      await this.store.record(m, actor, 'task.comment', null, null, { taskId, eventId: id, text });
      return id;
    });
    return (await this.query.events(taskId)).find((e) => e.id === eventId) as TaskEventResponse;
  }

  /** 催办: notifies the lead department's liaisons and heads (notification matrix: urge, SMS included), and a timeline entry. */
  async urge(taskId: string, message: string, actor: SignedInActor): Promise<UrgeTaskResponse> {
    const notified = await this.unitOfWork.run(async (m) => {
      const task = await this.store.find(m, taskId);
      if (!canUrge(task)) throw TaskException.notUrgeable();
      const outcome = await this.notifications.notify(m, {
        event: 'urge',
        taskId,
        title: `催办：${task.code} ${task.title}`,
        body: message,
        link: `/tasks/${taskId}`,
        subjectType: 'task',
        subjectId: taskId,
      });
      const notified = outcome.pushes.length;
      await this.store.event(m, taskId, actor, 'urge', message, { notifiedUserIds: outcome.pushes.map((p) => p.userId) });
      await this.store.record(m, actor, 'task.urge', null, null, { taskId, message, notified });
      return notified;
    });
    return { notified };
  }

  private async instruction(taskId: string, id: string): Promise<TaskInstructionResponse> {
    const found = (await this.query.instructions(taskId)).find((i) => i.id === id);
    if (!found) throw TaskException.instructionNotFound(id);
    return found;
  }
}
