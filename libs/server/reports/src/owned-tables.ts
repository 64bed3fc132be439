// Tables this capability owns: only its SQL may name them (tools/table-ownership checks it).
export const OWNED_TABLES = ['progress_report', 'report_contribution', 'evidence_file', 'special_action_plan'] as const;
