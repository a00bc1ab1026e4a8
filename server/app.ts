import { randomBytes } from "node:crypto";
import compression from "compression";
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import helmet from "helmet";
import { writeReadableStreamToWritable, type AppLoadContext } from "@remix-run/node";
import type { Config } from "../config";
import { isDatabaseUnavailable } from "../db/errors";
import { isRespondentTraffic, redactPath } from "../app/modules/logging";
import { bodyLimitFor, describeBytes } from "./body-limits";
import { contentSecurityPolicy, PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY } from "./security-headers";

/** Remix's request handler, or anything else that answers a fetch Request (the tests use one). */
export type HandleRequest = (request: globalThis.Request, context: AppLoadContext) => Promise<globalThis.Response>;

export type AppOptions = {
  config: Config;
  handleRequest: HandleRequest;
  /** Vite's middleware in development; the built client files otherwise (none in tests). */
  assets?: RequestHandler[];
  /**
   * A personal link's answers, stored before Remix is asked (the build's submitAnswersDirectly):
   * the place to send the browser, or null for Remix to answer the same POST.
   */
  submitAnswers?: (token: string, contentType: string | undefined, body: Buffer) => Promise<string | null>;
  /** Access log lines, and (logError) failures of ours. */
  log?: (line: string) => void;
  logError?: (line: string) => void;
};

declare module "express-serve-static-core" {
  interface Locals {
    /** A fresh random value per response, named by the CSP and carried by our inline scripts. */
    cspNonce: string;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The HTTP server in front of Remix, without its start-up (migrations, jobs, listening), so that
 * tests can run the real thing on a random port. In order: forwarded headers only from a trusted
 * proxy, security headers, the cross-site check, the access log, static files, bodies read up to
 * their route's limit, a personal link's answers (stored here when they can be), then Remix.
 */
export function createApp({ config, handleRequest, submitAnswers, assets = [], log = console.log, logError = console.error }: AppOptions) {
  const app = express();
  app.disable("x-powered-by");
  if (config.TRUST_PROXY !== undefined) app.set("trust proxy", config.TRUST_PROXY);

  app.use(dropUntrustedForwarding);
  app.use(compressReads());
  app.use(securityHeaders(config));
  app.use(refuseCrossSiteWrites);
  app.use(accessLog(config, log));
  if (assets.length > 0) app.use(...assets);
  app.use(readBody);
  if (submitAnswers) app.post("/r/:token", answersFirst(submitAnswers, logError));
  app.all("*", remix(handleRequest));
  app.use(answerErrors(logError));
  return app;
}

/**
 * Pages, data and files are compressed; answers to posts are not: they are redirects or a form
 * drawn again, and compression's wrapping of every response cost a respondent's submission a tenth
 * of its time in the server.
 */
function compressReads(): RequestHandler {
  const compress = compression();
  return (request, response, next) => (SAFE_METHODS.has(request.method) ? compress(request, response, next) : next());
}

/**
 * X-Forwarded-Host, -Proto and -For mean something only when a proxy we trust set them: from
 * anyone else they are removed before Express, Remix or the cross-site check can read them.
 */
function dropUntrustedForwarding(request: Request, _response: Response, next: NextFunction) {
  const trusted = (request.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean)(request.socket.remoteAddress, 0);
  if (!trusted) {
    for (const header of ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-for", "x-forwarded-port", "forwarded"]) delete request.headers[header];
  }
  next();
}

function securityHeaders(config: Config): RequestHandler[] {
  const others = helmet({
    contentSecurityPolicy: false,
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: "deny" },
    // Respondent links carry their token in the path: no referrer ever leaves the site. (Not
    // no-referrer: browsers then send "Origin: null" with forms, which the check below refuses.)
    referrerPolicy: { policy: "same-origin" },
  });
  return [
    (_request, response, next) => {
      response.locals.cspNonce = randomBytes(16).toString("base64");
      next();
    },
    contentSecurityPolicy(config),
    others,
    (request, response, next) => {
      response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
      // Over HTTPS only: as the proxy reports it (with TRUST_PROXY), or as the operator declares
      // by keeping cookies Secure. Browsers ignore it over plain HTTP anyway.
      if (request.secure || config.COOKIE_SECURE) response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
      next();
    },
  ];
}

/**
 * Cross-site form posts: cookies are SameSite=Lax already; refusing a foreign Origin closes the
 * rest. A malformed Origin, and "null" (sandboxed frames, file: pages, cross-site redirects), are
 * foreign too; no Origin at all is a non-browser client, which carries no one's cookies.
 */
function refuseCrossSiteWrites(request: Request, response: Response, next: NextFunction) {
  const origin = request.get("origin");
  if (SAFE_METHODS.has(request.method) || origin === undefined) return next();
  const host = publicHost(request);
  if (!host || originHost(origin) !== host.toLowerCase()) {
    answer(request, response, 403, { title: "This request came from another site", message: "Cross-site request refused." });
    return;
  }
  next();
}

/** Host and port the browser addressed: the proxy's X-Forwarded-Host if it is trusted (see above). */
function publicHost(request: Request): string | undefined {
  return request.get("x-forwarded-host")?.split(",")[0]?.trim() || request.get("host");
}

function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.origin === "null" ? undefined : url.host;
  } catch {
    return undefined;
  }
}

/** No line about respondent or report pages: it would say when a link was used. */
function accessLog(config: Config, log: (line: string) => void): RequestHandler {
  return (request, response, next) => {
    if (!config.ACCESS_LOG || isRespondentTraffic(request.path)) return next();
    const started = performance.now();
    response.on("finish", () => {
      log(`${request.method} ${redactPath(request.path)} ${response.statusCode} ${(performance.now() - started).toFixed(0)}ms`);
    });
    next();
  };
}

const bodyReaders = new Map<number, RequestHandler>();

/**
 * Reads the whole body into memory, refusing it (413) once it passes the route's limit, whether
 * the client announced its length or not. Compressed bodies are refused (415): their size says
 * nothing about what they hold.
 */
function readBody(request: Request, response: Response, next: NextFunction) {
  if (request.method === "GET" || request.method === "HEAD") return next();
  const { bytes } = bodyLimitFor(request.path);
  let reader = bodyReaders.get(bytes);
  if (!reader) bodyReaders.set(bytes, (reader = express.raw({ type: () => true, limit: bytes, inflate: false })));
  reader(request, response, next);
}

/** Answers stored here go straight to where they lead; every other outcome, and any failure, is Remix's to answer. */
function answersFirst(submitAnswers: NonNullable<AppOptions["submitAnswers"]>, logError: (line: string) => void): RequestHandler {
  return async (request, response, next) => {
    if (!Buffer.isBuffer(request.body)) return next();
    try {
      const location = await submitAnswers(request.params.token ?? "", request.get("content-type"), request.body);
      if (location) {
        response.status(302).setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
        response.end();
        return;
      }
    } catch (error) {
      // The database away: Remix tries again and shows its page, keeping the answers. Anything
      // else is a fault of ours that Remix may not share: said, or the shortcut fails unseen.
      if (!isDatabaseUnavailable(error)) logError(`Answers not taken before Remix, for ${redactPath(request.path)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    next();
  };
}

function remix(handleRequest: HandleRequest): RequestHandler {
  return async (request, response, next) => {
    let fetchRequest: globalThis.Request;
    try {
      fetchRequest = toFetchRequest(request, response);
    } catch {
      // A Host that is no host name, or a method fetch refuses (TRACE, CONNECT): odd input, not a bug.
      answer(request, response, 400, { title: "That request could not be read", message: "Its address or method is not one this site answers." });
      return;
    }
    try {
      const context: AppLoadContext = { clientAddress: request.ip ?? request.socket.remoteAddress ?? "unknown", cspNonce: response.locals.cspNonce };
      const fetchResponse = await handleRequest(fetchRequest, context);
      response.statusMessage = fetchResponse.statusText;
      response.status(fetchResponse.status);
      for (const [name, value] of fetchResponse.headers) response.append(name, value);
      if (fetchResponse.body) await writeReadableStreamToWritable(fetchResponse.body, response);
      else response.end();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * The Request Remix sees: the address as the browser used it (the path appended to the host as
 * text, so a path such as "//elsewhere" stays a path), the body read above, and a signal that
 * aborts loaders when the client goes away before the answer is written.
 */
function toFetchRequest(request: Request, response: Response): globalThis.Request {
  const url = new URL(`${request.protocol}://${publicHost(request) ?? "localhost"}${request.originalUrl}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort();
  });
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new globalThis.Request(url, {
    method: request.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Buffer.isBuffer(request.body) ? request.body : null, duplex: "half" } : {}),
  } as RequestInit);
}

const BODY_ERRORS: Record<number, { title: string; message: (limit: string) => string }> = {
  400: { title: "The request did not arrive complete", message: () => "Part of what was sent went missing on the way. Please try again." },
  413: {
    title: "That was too large to send",
    message: (limit) => `This page accepts at most ${limit} at a time. Shorten what you entered, or split the file, and send it again.`,
  },
  415: { title: "That could not be read", message: () => "Compressed request bodies are not accepted. Send the form again from the page." },
};

/** Bodies refused above get a clear 4xx; anything else is a bug of ours: logged, 500. */
function answerErrors(log: (line: string) => void): ErrorRequestHandler {
  return (error, request, response, next) => {
    if (response.headersSent) return next(error);
    const status = typeof error?.status === "number" ? error.status : 500;
    const known = BODY_ERRORS[status] ?? (status >= 400 && status < 500 ? BODY_ERRORS[400] : undefined);
    if (!known) {
      log(`Error while handling ${request.method} ${redactPath(request.path)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      answer(request, response, 500, { title: "Something went wrong", message: "We could not complete this request. It has been logged; please try again in a moment." });
      return;
    }
    answer(request, response, status, { title: known.title, message: known.message(describeBytes(bodyLimitFor(request.path).bytes)) });
  };
}

/** A small page for browsers, JSON for the routes and clients that speak it. */
function answer(request: Request, response: Response, status: number, { title, message }: { title: string; message: string }) {
  response.status(status);
  if (bodyLimitFor(request.path).answer === "json" || request.accepts(["html", "json"]) === "json") {
    response.json({ error: message });
    return;
  }
  const nonce = response.locals.cspNonce;
  response.type("html").send(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${escapeHtml(title)} · Earned</title><style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1.5rem;color:#0f172a;line-height:1.5}.status{color:#4338ca;font-weight:600}a{color:#4338ca}</style></head>` +
      `<body><main><p class="status">${status}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Go to the start page</a></p></main></body></html>`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
