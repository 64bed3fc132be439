// Tables this capability owns: only its SQL may name them (tools/table-ownership checks it).
// extension_request and completion_request move to the requests capability (task_request) soon.
export const OWNED_TABLES = [
  'progress_report',
  'report_contribution',
  'evidence_file',
  'special_action_plan',
  'extension_request',
  'completion_request',
] as const;
