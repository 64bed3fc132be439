// Tables this capability owns: only its SQL may name them (tools/table-ownership checks it).
export const OWNED_TABLES = ['approval_template', 'approval_instance', 'approval_action', 'approval_delegation'] as const;
