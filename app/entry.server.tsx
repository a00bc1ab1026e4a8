import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { isDatabaseUnavailable } from "@db/errors";
import { NonceContext } from "~/components/nonce";
import { refreshedSessionCookie } from "~/modules/accounts/auth.server";
import { redactPath } from "~/modules/logging";
import { RETRY_AFTER_SECONDS } from "~/modules/outage.server";

// For the HTTP server in front of Remix (server/main.ts): the one request every respondent makes.
export { submitAnswersDirectly } from "~/modules/responses/direct-submission.server";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // While the database is away the page is an error page: it renders without a session refresh.
  const cookie = await refreshedSessionCookie(request).catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return undefined;
    throw error;
  });
  if (cookie) responseHeaders.append("Set-Cookie", cookie);
  // Pages answer 503 only while the database is away (outage.server.ts): say when to try again.
  if (responseStatusCode === 503) responseHeaders.set("Retry-After", String(RETRY_AFTER_SECONDS));

  // Whole documents, not streamed: pages are small, and a complete response keeps status codes honest.
  return new Promise<Response>((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: failed ? 500 : responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError: reject,
        onError(error: unknown) {
          failed = true;
          console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  // Aborted requests and answers such as 404 are not errors of ours.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  // Paths of respondent links carry their token: never log them as they are.
  console.error(`Error while handling ${request.method} ${redactPath(new URL(request.url).pathname)}:`, error);
};
