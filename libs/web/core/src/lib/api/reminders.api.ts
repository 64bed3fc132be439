import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observable } from 'rxjs';
import type { ReminderRecipientRule, ReminderResponse, ReminderRuleBody, ReminderRuleResponse } from '@luoshi/contracts';

export const ReminderApiPaths = {
  rules: '/api/reminders/rules',
  task: (taskId: string) => `/api/reminders/tasks/${encodeURIComponent(taskId)}`,
  queueBoardSession: '/api/reminders/queue-board-session',
  /** Bull Board, served by the API (not a client route). */
  queueBoard: '/admin/queues',
} as const;

/** The recipients a rule may name, in display order (RECIPIENT_RULES on the server). */
export const REMINDER_RECIPIENTS: readonly ReminderRecipientRule[] = ['assignee', 'lead_liaison', 'lead_head', 'office', 'leader'];
export const REMINDER_LEVELS = ['near_due', 'due', 'overdue', 'escalation'] as const;
export type ReminderLevel = (typeof REMINDER_LEVELS)[number];

export type ReminderRuleScope = { scope: 'global' } | { scope: 'plan' | 'task'; scopeId: string };

function scopeParams(target: ReminderRuleScope): HttpParams {
  const params = new HttpParams().set('scope', target.scope);
  return target.scope === 'global' ? params : params.set('scopeId', target.scopeId);
}

/** Reminder rules (global, per plan), a task's schedule and the queue monitor session. */
@Injectable({ providedIn: 'root' })
export class RemindersApi {
  private readonly http = inject(HttpClient);

  rule(target: ReminderRuleScope): Observable<ReminderRuleResponse> {
    return this.http.get<ReminderRuleResponse>(ReminderApiPaths.rules, { params: scopeParams(target) });
  }

  /** Validated on the server: 400 REMINDER_RULE_INVALID with `details` naming each bad field. */
  saveRule(target: ReminderRuleScope, rule: ReminderRuleBody): Observable<ReminderRuleResponse> {
    return this.http.put<ReminderRuleResponse>(ReminderApiPaths.rules, rule, { params: scopeParams(target) });
  }

  /** A task's reminder schedule (office roles and leaders): fire time, level, recipients, status. */
  taskReminders(taskId: string): Observable<ReminderResponse[]> {
    return this.http.get<ReminderResponse[]>(ReminderApiPaths.task(taskId));
  }

  /** Sets the HttpOnly cookie that lets this browser open Bull Board at /admin/queues. */
  openQueueBoardSession(): Observable<void> {
    return this.http.post<void>(ReminderApiPaths.queueBoardSession, null);
  }
}
