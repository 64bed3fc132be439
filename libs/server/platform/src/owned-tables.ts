// Tables this capability owns: only its SQL may name them (tools/table-ownership checks it).
// The platform owns no data: it is the plumbing every capability stands on.
export const OWNED_TABLES: readonly string[] = [];
