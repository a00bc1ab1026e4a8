import http from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config";
import { createApp, type AppOptions, type HandleRequest } from "./app";
import { bodyLimitFor, FORM_BYTES } from "./body-limits";

/**
 * The real Express app on a random port, with a stand-in for Remix that records what reached it:
 * what the server refuses must never get that far.
 */
type Seen = { method: string; url: string; bytes: number; nonce?: string; clientAddress?: string };

async function startApp(env: Record<string, string> = {}, handleRequest?: HandleRequest, submitAnswers?: AppOptions["submitAnswers"]) {
  const seen: Seen[] = [];
  const logged: string[] = [];
  const config = parseConfig({ NODE_ENV: "production", COOKIE_SECURE: "false", ACCESS_LOG: "on", ...env });
  const app = createApp({
    config,
    submitAnswers,
    log: (line) => logged.push(line),
    logError: (line) => logged.push(line),
    handleRequest:
      handleRequest ??
      (async (request, context) => {
        const body = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array();
        seen.push({ method: request.method, url: request.url, bytes: body.length, nonce: context.cspNonce, clientAddress: context.clientAddress });
        return new Response(`<!doctype html><script nonce="${context.cspNonce}">1</script>`, { headers: { "Content-Type": "text/html" } });
      }),
  });
  const server = await new Promise<http.Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const port = (server.address() as AddressInfo).port;
  return { port, seen, logged, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Sent = { status: number; headers: http.IncomingHttpHeaders; text: string };

/** A raw HTTP request: every header as given (Host and Origin included), the body as given. */
function send(port: number, { method = "POST", path = "/login", headers = {}, body }: { method?: string; path?: string; headers?: Record<string, string>; body?: Buffer | Buffer[] }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const chunked = Array.isArray(body);
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        headers: {
          Host: `localhost:${port}`,
          ...(body && !chunked ? { "Content-Length": String(body.length) } : {}),
          ...headers,
        },
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on("data", (part: Buffer) => parts.push(part));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(parts).toString("utf8") }));
      },
    );
    request.on("error", reject);
    if (chunked) for (const part of body) request.write(part);
    else if (body) request.write(body);
    request.end();
  });
}

const form = (bytes: number) => Buffer.from(`email=${"a".repeat(Math.max(0, bytes - 6))}`);
const formHeaders = { "Content-Type": "application/x-www-form-urlencoded" };

describe("request bodies are limited per route, before Remix reads them", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it("passes a form of up to 64 KB through whole", async () => {
    const response = await send(app.port, { headers: formHeaders, body: form(FORM_BYTES) });
    expect(response.status).toBe(200);
    expect(app.seen.at(-1)).toMatchObject({ method: "POST", bytes: FORM_BYTES });
  });

  it("refuses a 50 MB post to /login with 413 and a page that says why, and Remix never sees it", async () => {
    const before = app.seen.length;
    const response = await send(app.port, { headers: { ...formHeaders, Accept: "text/html" }, body: Buffer.alloc(50 * 1024 * 1024, 97) });
    expect(response.status).toBe(413);
    expect(response.headers["content-type"]).toMatch(/^text\/html/);
    expect(response.text).toContain("That was too large to send");
    expect(response.text).toContain("at most 64 KB");
    expect(app.seen.length).toBe(before);
  });

  it("counts a body sent without a length too, as it arrives", async () => {
    const before = app.seen.length;
    const chunks = Array.from({ length: 40 }, () => Buffer.alloc(4096, 97));
    const response = await send(app.port, { headers: formHeaders, body: chunks });
    expect(response.status).toBe(413);
    expect(app.seen.length).toBe(before);
  });

  it("accepts a roster file at its documented 20 MB, and refuses more with the roster's own words", async () => {
    const file = (megabytes: number) => Buffer.concat([Buffer.from("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\n\r\n"), Buffer.alloc(megabytes * 1024 * 1024, 97), Buffer.from("\r\n--x--\r\n")]);
    const multipart = { "Content-Type": "multipart/form-data; boundary=x" };
    const accepted = await send(app.port, { path: "/o/acme/people/import", headers: multipart, body: file(20) });
    expect(accepted.status).toBe(200);
    expect(app.seen.at(-1)!.bytes).toBeGreaterThan(20 * 1024 * 1024);
    const refused = await send(app.port, { path: "/o/acme/people/import", headers: { ...multipart, Accept: "text/html" }, body: file(21) });
    expect(refused.status).toBe(413);
    expect(refused.text).toContain("at most 20 MB");
    // The progress-bar upload speaks JSON, and so does its 413; single-fetch posts (.data) count as the route.
    const json = await send(app.port, { path: "/o/acme/people/import/upload", headers: multipart, body: file(21) });
    expect(json.status).toBe(413);
    expect(JSON.parse(json.text)).toEqual({ error: expect.stringContaining("at most 20 MB") });
    expect((await send(app.port, { path: "/o/acme/people/import.data", headers: multipart, body: file(5) })).status).toBe(200);
  });

  it("gives other forms 64 KB, however the roster's path is disguised", async () => {
    for (const path of ["/o/acme/people/import/../import", "/o/acme/settings/members", "/o/acme/people/%69mport", "/o/acme/people/import/x"]) {
      expect((await send(app.port, { path, headers: formHeaders, body: form(FORM_BYTES + 1) })).status).toBe(413);
    }
  });

  it("lets respondents send long answers", async () => {
    expect((await send(app.port, { path: "/r/some-token", headers: formHeaders, body: form(1024 * 1024) })).status).toBe(200);
    expect((await send(app.port, { path: "/r/open/some-token", headers: formHeaders, body: form(1024 * 1024) })).status).toBe(200);
  });

  it("refuses compressed bodies (415) and passes empty ones and odd content types to the routes", async () => {
    const zipped = await send(app.port, { headers: { ...formHeaders, "Content-Encoding": "gzip" }, body: gzipSync(form(100)) });
    expect(zipped.status).toBe(415);
    expect((await send(app.port, {})).status).toBe(200);
    expect((await send(app.port, { headers: { "Content-Type": "application/json" }, body: Buffer.from("{") })).status).toBe(200);
    expect((await send(app.port, { headers: { "Content-Type": "text/plain;;;" }, body: Buffer.from("\u0000") })).status).toBe(200);
  });
});

describe("cross-site writes", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  const post = (headers: Record<string, string>) => send(app.port, { headers: { ...formHeaders, ...headers }, body: form(10) });

  it("are refused for a foreign, null or malformed Origin, with 403 and never a 500", async () => {
    const before = app.seen.length;
    for (const origin of ["http://evil.example", "null", "not a url", "http://", "%%%", "http://localhost:1", `http://localhost:${app.port}.evil.example`, "http://[::1", "javascript:alert(1)", "https://evil.example:443"]) {
      const response = await post({ Origin: origin });
      expect([origin, response.status]).toEqual([origin, 403]);
    }
    expect(app.seen.length).toBe(before);
  });

  it("pass with our own Origin, or none (a client that carries no browser's cookies)", async () => {
    expect((await post({ Origin: `http://localhost:${app.port}` })).status).toBe(200);
    expect((await post({})).status).toBe(200);
  });

  it("cannot be let through by a forged X-Forwarded-Host without TRUST_PROXY", async () => {
    expect((await post({ Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" })).status).toBe(403);
    // Nor does it change the address Remix sees (links in emails are built from it).
    await send(app.port, { method: "GET", path: "/x", headers: { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" } });
    expect(app.seen.at(-1)!.url).toBe(`http://localhost:${app.port}/x`);
  });

  it("follow the proxy's X-Forwarded-Host and -Proto with TRUST_PROXY", async () => {
    const proxied = await startApp({ TRUST_PROXY: "loopback" });
    try {
      const response = await send(proxied.port, {
        headers: { ...formHeaders, Origin: "https://earned.example.com", "X-Forwarded-Host": "earned.example.com", "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9" },
        body: form(10),
      });
      expect(response.status).toBe(200);
      expect(proxied.seen.at(-1)).toMatchObject({ url: "https://earned.example.com/login", clientAddress: "203.0.113.9" });
    } finally {
      await proxied.close();
    }
  });

  it("keeps a path that looks like another host a path", async () => {
    await send(app.port, { method: "GET", path: "//evil.example/x" });
    expect(new URL(app.seen.at(-1)!.url).host).toBe(`localhost:${app.port}`);
  });
});

describe("security headers", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it("name a fresh nonce per response in the CSP, the one handed to Remix", async () => {
    const first = await send(app.port, { method: "GET", path: "/" });
    const second = await send(app.port, { method: "GET", path: "/" });
    const csp = first.headers["content-security-policy"] as string;
    const nonce = app.seen.at(-2)!.nonce!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(first.text).toContain(`nonce="${nonce}"`);
    expect(second.headers["content-security-policy"]).not.toContain(nonce);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("set the rest: Permissions-Policy, no framing, no sniffing, same-origin referrers, no X-Powered-By", async () => {
    const { headers } = await send(app.port, { method: "GET", path: "/" });
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
    // Plain HTTP, cookies not Secure: no HSTS.
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  it("send HSTS over HTTPS only: as a trusted proxy reports it, or when cookies are Secure", async () => {
    const forged = await send(app.port, { method: "GET", path: "/", headers: { "X-Forwarded-Proto": "https" } });
    expect(forged.headers["strict-transport-security"]).toBeUndefined();
    for (const env of [{ TRUST_PROXY: "loopback" }, { COOKIE_SECURE: "true" }] as Record<string, string>[]) {
      const other = await startApp(env);
      try {
        const { headers } = await send(other.port, { method: "GET", path: "/", headers: { "X-Forwarded-Proto": "https" } });
        expect(headers["strict-transport-security"]).toBe("max-age=31536000");
      } finally {
        await other.close();
      }
    }
  });

  it("only report the CSP in development, where Vite's client needs more", async () => {
    const development = await startApp({ NODE_ENV: "development" });
    try {
      const { headers } = await send(development.port, { method: "GET", path: "/" });
      expect(headers["content-security-policy"]).toBeUndefined();
      expect(headers["content-security-policy-report-only"]).toContain("script-src 'self' 'nonce-");
    } finally {
      await development.close();
    }
  });
});

describe("odd requests and failures", () => {
  it("answer 400 for a Host that is no host and a method fetch cannot carry, and never reach Remix", async () => {
    const app = await startApp();
    try {
      expect((await send(app.port, { method: "GET", path: "/", headers: { Host: "a b" } })).status).toBe(400);
      expect((await send(app.port, { method: "TRACE", path: "/" })).status).toBe(400);
      expect(app.seen).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("turn a crash into a logged 500 page, without a respondent's token in the log", async () => {
    const app = await startApp({}, async () => {
      throw new Error("boom");
    });
    try {
      const response = await send(app.port, { method: "GET", path: "/r/secret-token" });
      expect(response.status).toBe(500);
      expect(response.text).toContain("Something went wrong");
      expect(app.logged.join("\n")).toContain("/r/[token]");
      expect(app.logged.join("\n")).not.toContain("secret-token");
    } finally {
      await app.close();
    }
  });

  it("log no access line for respondent pages", async () => {
    const app = await startApp();
    try {
      await send(app.port, { method: "GET", path: "/r/secret-token" });
      await send(app.port, { method: "GET", path: "/r/open/secret-token/people?q=x" });
      await send(app.port, { method: "GET", path: "/o/acme/people" });
      expect(app.logged.join("\n")).not.toContain("secret-token");
      expect(app.logged).toEqual([expect.stringMatching(/^GET \/o\/acme\/people 200 \d+ms$/)]);
    } finally {
      await app.close();
    }
  });
});

describe("a respondent's answers taken before Remix", () => {
  const answers = Buffer.from("intent=submit&q-1=4");
  type Call = { token: string; contentType: string | undefined; body: string };

  async function withApp(outcome: (call: Call) => Promise<string | null>, run: (app: Awaited<ReturnType<typeof startApp>>, calls: Call[]) => Promise<void>) {
    const calls: Call[] = [];
    const app = await startApp({}, undefined, async (token, contentType, body) => {
      const call = { token, contentType, body: body.toString("utf8") };
      calls.push(call);
      return outcome(call);
    });
    try {
      await run(app, calls);
    } finally {
      await app.close();
    }
  }

  it("go straight where they lead once stored, uncompressed and never cached, without Remix", async () => {
    await withApp(async () => "/r/thanks", async (app, calls) => {
      const response = await send(app.port, { path: "/r/the-token", headers: { ...formHeaders, "Accept-Encoding": "gzip" }, body: answers });
      expect(response.status).toBe(302);
      expect(response.headers.location).toBe("/r/thanks");
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.headers["content-encoding"]).toBeUndefined();
      expect(response.headers["content-security-policy"]).toBeDefined();
      expect(calls).toEqual([{ token: "the-token", contentType: "application/x-www-form-urlencoded", body: "intent=submit&q-1=4" }]);
      expect(app.seen).toEqual([]);
    });
  });

  it("reach Remix whole when they were not stored, or storing them failed; a fault of ours is logged without the token", async () => {
    const away = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    for (const outcome of [async () => null, async () => Promise.reject(away), async () => Promise.reject(new Error("a bug"))]) {
      await withApp(outcome, async (app, calls) => {
        const response = await send(app.port, { path: "/r/the-token", headers: formHeaders, body: answers });
        expect(response.status).toBe(200);
        expect(calls).toHaveLength(1);
        expect(app.seen).toEqual([expect.objectContaining({ method: "POST", url: expect.stringMatching(/\/r\/the-token$/), bytes: answers.length })]);
        const logged = app.logged.join("\n");
        expect(logged).not.toContain("the-token");
        expect(logged.includes("a bug")).toBe(outcome.toString().includes("a bug"));
      });
    }
  });

  it("are never taken from another site, nor past the body limit, nor from any other path", async () => {
    await withApp(async () => "/r/thanks", async (app, calls) => {
      expect((await send(app.port, { path: "/r/the-token", headers: { ...formHeaders, Origin: "https://evil.example" }, body: answers })).status).toBe(403);
      expect((await send(app.port, { path: "/r/the-token", headers: formHeaders, body: Buffer.alloc(bodyLimitFor("/r/the-token").bytes + 1, 97) })).status).toBe(413);
      expect((await send(app.port, { path: "/r/open/the-token", headers: formHeaders, body: answers })).status).toBe(200);
      expect((await send(app.port, { path: "/r/the-token/people", headers: formHeaders, body: answers })).status).toBe(200);
      expect(calls).toEqual([]);
    });
  });
});
