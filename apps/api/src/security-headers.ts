import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '@luoshi/server/platform';

/**
 * The production Angular build loads its stylesheet with `media="print" onload="this.media='all'"`
 * (critical CSS inlining); CSP allows exactly that one handler by its hash, nothing else inline.
 */
const STYLESHEET_ONLOAD_HASH = `'sha256-${createHash('sha256').update("this.media='all'").digest('base64')}'`;

/**
 * Security headers on every response (issue 12 row 7), via helmet: a CSP that fits the Angular app
 * (ng-zorro and echarts style elements inline, so style-src allows inline styles; scripts only
 * from our origin), no framing (frame-ancestors 'none' and X-Frame-Options DENY), nosniff,
 * Referrer-Policy, no X-Powered-By. HSTS is sent when the request came over TLS (directly or, from
 * a trusted proxy, X-Forwarded-Proto: https) unless HSTS=false; HSTS=true sends it always.
 */
export function securityHeaders(config: Pick<AppConfig, 'HSTS'>) {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-hashes'", STYLESHEET_ONLOAD_HASH],
        scriptSrcAttr: ["'unsafe-hashes'", STYLESHEET_ONLOAD_HASH],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (config.HSTS === 'true' || (config.HSTS === 'auto' && req.secure)) {
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    headers(req, res, next);
  };
}

/** Express "trust proxy" from TRUST_PROXY: true/false, a hop count, or addresses/subnets/names. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
