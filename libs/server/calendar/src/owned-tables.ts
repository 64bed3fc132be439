// Tables this capability owns: only its SQL may name them (tools/table-ownership checks it).
export const OWNED_TABLES = ['holiday', 'holiday_year'] as const;
