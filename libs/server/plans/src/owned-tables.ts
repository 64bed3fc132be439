// Tables this capability owns: only its SQL may name them (tools/table-ownership checks it).
export const OWNED_TABLES = ['plan', 'plan_version', 'plan_node', 'plan_duty', 'correction_entry'] as const;
