import type { TaskHealthColor, TaskStatus } from '@luoshi/contracts';

/** nz-tag colours per status: open work is blue, waiting states gold, closed grey/green. */
export const STATUS_COLORS: Readonly<Record<TaskStatus, string>> = {
  draft: 'default',
  assigned: 'gold',
  accepted: 'blue',
  in_progress: 'processing',
  completion_requested: 'cyan',
  completed: 'success',
  suspended: 'orange',
  cancelled: 'default',
};

/** The dot colours (Ant Design's red, gold and green). */
export const HEALTH_COLORS: Readonly<Record<TaskHealthColor, string>> = {
  red: '#f5222d',
  amber: '#faad14',
  green: '#52c41a',
};

/** Statuses in which the lead department has the task in hand (办理中). */
export const IN_HAND_STATUSES: readonly TaskStatus[] = ['accepted', 'in_progress', 'completion_requested'];

/** yyyy-MM-dd → a local Date (midnight). */
export function parseIsoDate(value: string | null | undefined): Date | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}
