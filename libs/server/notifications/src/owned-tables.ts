// Tables this capability owns: only its SQL may name them (tools/table-ownership checks it).
export const OWNED_TABLES = ['notification', 'notification_delivery', 'notification_preference', 'webhook_endpoint'] as const;
