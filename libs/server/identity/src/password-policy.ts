import { MIN_PASSWORD_LENGTH } from '@luoshi/contracts';
import { COMMON_BASE_WORDS, COMMON_PASSWORDS } from './common-passwords';

const BASE_WORDS = new Set(COMMON_BASE_WORDS);
const FULL = new Set(COMMON_PASSWORDS);
const SEQUENCES = ['0123456789012345678901234567890', '9876543210987654321098765432109', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm'];

export interface PasswordProblem {
  message: string;
  messageEn: string;
}

/**
 * Why a new password is refused, or null (issue 12 row 10): at least MIN_PASSWORD_LENGTH
 * characters; not a common password, nor a common word dressed with digits and symbols; not a
 * keyboard or counting sequence or a few repeated characters; not the username.
 */
export function describeWeakPassword(password: string, username?: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return { message: `密码至少 ${MIN_PASSWORD_LENGTH} 位`, messageEn: `A password needs at least ${MIN_PASSWORD_LENGTH} characters` };
  }
  const lower = password.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const core = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  if (FULL.has(lower) || BASE_WORDS.has(core) || (core.length > 0 && BASE_WORDS.has(core.replace(/[^a-z0-9]/g, '')) && core.length <= 12)) {
    return { message: '密码过于常见，请换一个不易猜到的密码', messageEn: 'This password is too common; choose one that is hard to guess' };
  }
  if (new Set(lower).size <= 3 || SEQUENCES.some((s) => s.includes(lower))) {
    return { message: '密码过于简单（重复或连续的字符），请换一个', messageEn: 'This password is too simple (repeated or sequential characters)' };
  }
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) {
    return { message: '密码不能包含用户名', messageEn: 'A password must not contain the username' };
  }
  return null;
}
