// Tables this capability owns: only its SQL may name them (tools/table-ownership checks it).
// department_keyword holds the words that suggest a department for a task: only task suggestion uses it.
export const OWNED_TABLES = [
  'task',
  'task_event',
  'task_instruction',
  'task_health_clock',
  'task_rollup',
  'task_rollup_delta',
  'task_completion_rollup',
  'task_completion_rollup_delta',
  'department_keyword',
] as const;
