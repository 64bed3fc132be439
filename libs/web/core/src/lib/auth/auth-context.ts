import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Requests carrying this flag go out without a Bearer token and are never retried after a refresh. */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);

export function anonymous(): HttpContext {
  return new HttpContext().set(SKIP_AUTH, true);
}
