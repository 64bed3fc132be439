import { DomainException } from './domain.exception';

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069): in a file
 * name they make "报告‮fdp.exe" display as "报告exe.pdf". Such names are refused, not cleaned.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

export function hasBidiControls(value: string): boolean {
  return BIDI_CONTROLS.test(value);
}

/** 400 FILE_NAME_INVALID when an uploaded file's name carries bidi controls. */
export function assertPlainFileName(name: string): void {
  if (hasBidiControls(name)) {
    throw new DomainException(
      400,
      'FILE_NAME_INVALID',
      '文件名包含双向文本控制字符（可用来伪装扩展名），请重命名后再上传',
      'The file name contains bidirectional control characters (which can disguise its extension); rename it and upload again',
    );
  }
}
