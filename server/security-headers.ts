import type { ServerResponse } from "node:http";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";
import type { Config } from "../config";

/**
 * The Content-Security-Policy: scripts only from this site or carrying this response's nonce
 * (Remix's inline hydration data and ScrollRestoration receive it through the load context,
 * entry.server and root), nothing framed, posted or loaded elsewhere. Inline style *attributes*
 * are allowed (React renders widths and colours of bars that way); style elements are not.
 * Enforced in production; in development Vite's client needs more, so it is only reported.
 */
export function contentSecurityPolicy(config: Config): RequestHandler {
  const development = config.NODE_ENV !== "production";
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    reportOnly: development,
    directives: {
      "default-src": ["'self'"],
      "script-src": ["'self'", nonce],
      "style-src": ["'self'", nonce],
      "style-src-attr": ["'unsafe-inline'"],
      "img-src": ["'self'", "data:"],
      "font-src": ["'self'"],
      "connect-src": development ? ["'self'", "ws:", "wss:"] : ["'self'"],
      "worker-src": ["'self'", "blob:"],
      "object-src": ["'none'"],
      "base-uri": ["'none'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    },
  });
}

function nonce(_request: unknown, response: ServerResponse): string {
  return `'nonce-${(response as Response).locals.cspNonce}'`;
}

/** Powerful features the app never uses, off for every page and anything it might embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/**
 * A year, without includeSubDomains or preload: other hosts under the operator's domain are not
 * ours to commit to HTTPS.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";
