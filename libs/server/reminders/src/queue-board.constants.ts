/** Bull Board lives at this path (mounted by the API app); its session cookie is scoped to it. */
export const QUEUE_BOARD_PATH = '/admin/queues';
export const QUEUE_BOARD_COOKIE = 'luoshi_queue_board';
