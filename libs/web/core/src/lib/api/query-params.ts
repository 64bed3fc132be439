import { HttpParams } from '@angular/common/http';

/** A list call's query: each filter given or not. */
export type QueryValues = Readonly<Record<string, string | number | boolean | null | undefined>>;

/**
 * The query string of a list call: only the values given; undefined, null, '' and false are left
 * out, so the API applies its defaults (a flag is sent only when on).
 */
export function queryParams(query: QueryValues): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) params = params.set(key, String(value));
  }
  return params;
}
