/** How urgent a reminder is; the UI and message templates key off this. */
export type ReminderLevel = 'near_due' | 'due' | 'overdue' | 'escalation';
export const REMINDER_LEVELS: readonly ReminderLevel[] = ['near_due', 'due', 'overdue', 'escalation'];

/**
 * Who receives a reminder, as roles resolved by the server for each task:
 * assignee = the responsible department's handler (经办人); lead_liaison = the lead
 * department's liaison (联络员); lead_head = the lead department's head (牵头部门负责人);
 * office = the leading group's office (领导小组办公室); leader = the leading group's leader.
 */
export type RecipientRule = 'assignee' | 'lead_liaison' | 'lead_head' | 'office' | 'leader';
export const RECIPIENT_RULES: readonly RecipientRule[] = ['assignee', 'lead_liaison', 'lead_head', 'office', 'leader'];

export interface ReminderOffset {
  /** Working days relative to the deadline: -5 = five working days before, 0 = on the day, +1 = the next working day after. */
  workingDays: number;
  recipients: RecipientRule[];
  /** Defaults from the sign of workingDays: < 0 near_due, 0 due, > 0 overdue. */
  level?: ReminderLevel;
}

export interface ReminderEscalation {
  /** Working days after the deadline (≥ 1) with the subject still not completed. */
  afterWorkingDays: number;
  recipients: RecipientRule[];
}

export interface ReminderRule {
  offsets: ReminderOffset[];
  escalation: ReminderEscalation[];
  /** 'HH:mm' local time at which scheduled reminders fire. */
  sendAt: string;
  /** No reminder is delivered from `start` (inclusive) to `end` (exclusive); may wrap midnight. */
  quietHours: { start: string; end: string };
  timeZone: 'Asia/Shanghai';
}

export const DEFAULT_SEND_AT = '09:00';
export const SUPPORTED_TIME_ZONE = 'Asia/Shanghai' as const;

/**
 * The office's default: the handler hears 5 and 2 working days ahead, the liaison joins from 2
 * days ahead, and after the deadline the matter climbs one level at a time (lead department
 * head → office → leader) so a leader is only bothered after a full working week overdue.
 * Frozen so no caller can change the default for everyone else.
 */
export const DEFAULT_REMINDER_RULE: ReminderRule = deepFreeze({
  offsets: [
    { workingDays: -5, recipients: ['assignee'], level: 'near_due' },
    { workingDays: -2, recipients: ['assignee', 'lead_liaison'], level: 'near_due' },
    { workingDays: 0, recipients: ['assignee', 'lead_liaison'], level: 'due' },
    { workingDays: 1, recipients: ['assignee', 'lead_liaison'], level: 'overdue' },
  ],
  escalation: [
    { afterWorkingDays: 1, recipients: ['lead_head'] },
    { afterWorkingDays: 3, recipients: ['office'] },
    { afterWorkingDays: 5, recipients: ['leader'] },
  ],
  sendAt: DEFAULT_SEND_AT,
  quietHours: { start: '20:00', end: '08:00' },
  timeZone: SUPPORTED_TIME_ZONE,
});

export function defaultLevelFor(workingDays: number): ReminderLevel {
  return workingDays < 0 ? 'near_due' : workingDays === 0 ? 'due' : 'overdue';
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
