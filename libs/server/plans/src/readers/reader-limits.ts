/** Upload limit (the controller's multer limit and the reader's own check). */
export const PLAN_FILE_LIMIT_BYTES = 5 * 1024 * 1024;
/** Total uncompressed size of a .docx's parts or a PDF's inflated streams. */
export const UNCOMPRESSED_LIMIT_BYTES = 50 * 1024 * 1024;
/** Pages read from a PDF at most. */
export const PDF_PAGE_LIMIT = 500;
/** Memory (old generation) for the worker that reads a PDF; past it the worker stops, the API does not. */
export const PDF_WORKER_MEMORY_MB = 512;
/** A PDF taking longer than this to read is refused. */
export const PDF_READ_TIMEOUT_MS = 120_000;
