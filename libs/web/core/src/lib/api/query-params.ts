import { HttpParams } from '@angular/common/http';

/** A list call's query (an interface will do): each filter given or not. */
type QueryValues<Q> = { readonly [K in keyof Q]: string | number | boolean | null | undefined };

/**
 * The query string of a list call: only the values given; undefined, null, '' and false are left
 * out, so the API applies its defaults (a flag is sent only when on).
 */
export function queryParams<Q extends QueryValues<Q>>(query: Q): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) params = params.set(key, String(value));
  }
  return params;
}
