import { createHash, createHmac } from 'node:crypto';

/** The signature algorithm's name, as the Authorization header states it (the V3 scheme of the major cloud SMS APIs). */
export const SMS_SIGNATURE_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface SmsRequestToSign {
  method: string;
  /** The URL path, '/' when empty. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names; host, content-type and every x-acs-* header are signed. */
  headers: Record<string, string>;
  /** Hex SHA-256 of the body. */
  contentSha256: string;
}

/** RFC 3986 percent-encoding, as the canonical request needs it (space as %20, ~ kept). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** The canonical request: method, path, sorted query, sorted signed headers, their names and the payload hash. */
export function canonicalSmsRequest(req: SmsRequestToSign): { canonical: string; signedHeaders: string } {
  const query = Object.keys(req.query)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(req.query[k])}`)
    .join('&');
  const names = Object.keys(req.headers)
    .map((h) => h.toLowerCase())
    .filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-'))
    .sort();
  const lower = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const headers = names.map((h) => `${h}:${lower[h].trim()}\n`).join('');
  const signedHeaders = names.join(';');
  return { canonical: [req.method.toUpperCase(), req.path || '/', query, headers, signedHeaders, req.contentSha256].join('\n'), signedHeaders };
}

/** HMAC-SHA256 (hex) with the access key secret over `ALGORITHM\nhex(sha256(canonical request))`. */
export function smsSignature(req: SmsRequestToSign, secret: string): { signature: string; signedHeaders: string } {
  const { canonical, signedHeaders } = canonicalSmsRequest(req);
  const stringToSign = `${SMS_SIGNATURE_ALGORITHM}\n${sha256Hex(canonical)}`;
  return { signature: createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex'), signedHeaders };
}

/** The Authorization header: `ACS3-HMAC-SHA256 Credential=<key id>,SignedHeaders=…,Signature=…`. */
export function smsAuthorization(req: SmsRequestToSign, keyId: string, secret: string): string {
  const { signature, signedHeaders } = smsSignature(req, secret);
  return `${SMS_SIGNATURE_ALGORITHM} Credential=${keyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}
