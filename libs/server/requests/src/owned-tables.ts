// Tables this capability owns: only its SQL may name them (tools/table-ownership checks it).
export const OWNED_TABLES = ['task_request'] as const;
