import type { TaskHealthColor, TaskStatus } from '@luoshi/contracts';
import type { TranslationKey } from './translation-key';

// Typed label maps: a value added to a union in contracts fails the type check until it has a text.

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, TranslationKey>> = {
  draft: 'taskStatus.draft',
  assigned: 'taskStatus.assigned',
  accepted: 'taskStatus.accepted',
  in_progress: 'taskStatus.in_progress',
  completion_requested: 'taskStatus.completion_requested',
  completed: 'taskStatus.completed',
  suspended: 'taskStatus.suspended',
  cancelled: 'taskStatus.cancelled',
};

export const TASK_HEALTH_LABELS: Readonly<Record<TaskHealthColor, TranslationKey>> = {
  green: 'taskHealth.green',
  amber: 'taskHealth.amber',
  red: 'taskHealth.red',
};
