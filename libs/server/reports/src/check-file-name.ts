import { hasBidiControls } from '@luoshi/server/platform';

/** Longest file name kept (characters). */
export const MAX_FILE_NAME_LENGTH = 200;

const FORBIDDEN = /[<>:"|?*]/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * An uploaded file's name, as shown and offered for download. The bytes are stored under a generated
 * key, never under this name; still, a name that tries to be a path (../../etc/passwd, C:\x, /etc)
 * or hides control characters is refused, not silently cleaned: the client is doing something wrong.
 */
export function checkFileName(raw: string): { ok: true; name: string } | { ok: false; reason: string; reasonEn: string } {
  const name = raw.normalize('NFC').trim();
  if (name === '') return { ok: false, reason: '文件名为空', reasonEn: 'empty file name' };
  if (name.includes('/') || name.includes('\\')) return { ok: false, reason: '文件名不能包含路径（/ 或 \\）', reasonEn: 'the file name contains a path separator' };
  if (name === '.' || name === '..' || name.startsWith('.')) return { ok: false, reason: '文件名不能以“.”开头', reasonEn: 'the file name starts with a dot' };
  if (CONTROL.test(name)) return { ok: false, reason: '文件名包含控制字符', reasonEn: 'the file name contains control characters' };
  if (hasBidiControls(name)) {
    return { ok: false, reason: '文件名包含双向文本控制字符（可用来伪装扩展名）', reasonEn: 'the file name contains bidirectional control characters (they can disguise its extension)' };
  }
  if (FORBIDDEN.test(name)) return { ok: false, reason: '文件名不能包含 < > : " | ? *', reasonEn: 'the file name contains a reserved character' };
  if ([...name].length > MAX_FILE_NAME_LENGTH) return { ok: false, reason: `文件名超过 ${MAX_FILE_NAME_LENGTH} 个字符`, reasonEn: 'the file name is too long' };
  return { ok: true, name };
}
