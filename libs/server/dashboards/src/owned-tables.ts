// Tables this capability owns: only its SQL may name them (tools/table-ownership checks it).
export const OWNED_TABLES = ['app_setting', 'dashboard_data_version'] as const;
