import type { TranslationKey, TranslationParams } from '@luoshi/web/core';
import { formatBytes } from './plan-rows';

export const PLAN_FILE_MAX_BYTES = 5 * 1024 * 1024;
const EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'docx', 'doc', 'pdf'];

export interface FileProblem {
  key: TranslationKey;
  params: TranslationParams;
}

/** What the API would refuse, checked before sending: type (.txt/.md/.docx/.doc/.pdf), empty, over 5 MB. */
export function checkPlanFile(file: { name: string; size: number }): FileProblem | null {
  const extension = file.name.includes('.') ? file.name.split('.').pop()?.toLowerCase() : undefined;
  if (!extension || !EXTENSIONS.includes(extension)) return { key: 'planImport.badType', params: { name: file.name } };
  if (file.size === 0) return { key: 'planImport.emptyFile', params: { name: file.name } };
  if (file.size > PLAN_FILE_MAX_BYTES) return { key: 'planImport.tooLarge', params: { name: file.name, size: formatBytes(file.size) } };
  return null;
}
