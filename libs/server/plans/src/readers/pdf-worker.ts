import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfPage } from './pdf-layout';

/**
 * pdfjs-dist is ESM-only. It runs in a worker thread: the CommonJS API (and Jest) can load it there
 * with a native import(), and the worker's memory cap and the timeout keep a hostile PDF from taking
 * the API down. The worker only extracts positioned text; layout happens in pdf-layout.ts.
 */
export type PdfWorkerResult =
  | { ok: true; pages: PdfPage[]; pageCount: number }
  | { ok: false; reason: 'encrypted' | 'invalid' | 'too_many_pages'; message: string; pageCount?: number };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.moduleUrl);
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: workerData.data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
      verbosity: 0, cMapUrl: workerData.cMapDir, cMapPacked: true, standardFontDataUrl: workerData.fontDir,
    }).promise;
  } catch (error) {
    const name = error && error.name;
    parentPort.postMessage({ ok: false, reason: name === 'PasswordException' ? 'encrypted' : 'invalid', message: String(error && error.message || error) });
    return;
  }
  if (doc.numPages > workerData.pageLimit) {
    parentPort.postMessage({ ok: false, reason: 'too_many_pages', message: '', pageCount: doc.numPages });
    return;
  }
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const view = page.view;
    const content = await page.getTextContent({ disableNormalization: false });
    const items = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str) continue;
      const t = item.transform;
      items.push({ str: item.str, x: t[4], y: t[5], width: item.width, size: Math.hypot(t[2], t[3]) || item.height });
    }
    pages.push({ width: view[2] - view[0], height: view[3] - view[1], bottom: view[1], left: view[0], items });
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ ok: true, pages, pageCount: pages.length });
})().catch((error) => parentPort.postMessage({ ok: false, reason: 'invalid', message: String(error && error.message || error) }));
`;

export class PdfWorkerFailure extends Error {
  constructor(readonly kind: 'memory' | 'timeout' | 'crash', message: string) {
    super(message);
  }
}

/** At most this many PDFs are read at once (each worker may use up to its memory cap); others wait. */
const MAX_CONCURRENT_WORKERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withWorkerSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function extractPdfText(
  data: Uint8Array,
  options: { pageLimit: number; memoryMb: number; timeoutMs: number },
): Promise<PdfWorkerResult> {
  return withWorkerSlot(() => runWorker(data, options));
}

async function runWorker(
  data: Uint8Array,
  options: { pageLimit: number; memoryMb: number; timeoutMs: number },
): Promise<PdfWorkerResult> {
  const modulePath = require.resolve('pdfjs-dist/legacy/build/pdf.mjs');
  const root = join(dirname(modulePath), '..', '..');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      moduleUrl: pathToFileURL(modulePath).href,
      cMapDir: join(root, 'cmaps') + '/',
      fontDir: join(root, 'standard_fonts') + '/',
      data,
      pageLimit: options.pageLimit,
    },
    resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    stdout: true,
    stderr: true,
  });
  try {
    return await new Promise<PdfWorkerResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new PdfWorkerFailure('timeout', 'timed out')), options.timeoutMs);
      worker.once('message', (message: PdfWorkerResult) => {
        clearTimeout(timer);
        resolve(message);
      });
      worker.once('error', (error: Error & { code?: string }) => {
        clearTimeout(timer);
        reject(new PdfWorkerFailure(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash', error.message));
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new PdfWorkerFailure('crash', `worker exited (${code})`));
      });
    });
  } finally {
    await worker.terminate();
  }
}
