/**
 * The public address of the app, for links in emails: APP_URL when set (behind a proxy it must
 * be), else the address this request came to.
 */
export function publicBaseUrl(request?: Request): string {
  if (process.env.APP_URL) return process.env.APP_URL.replace(/\/+$/, "");
  if (request) return new URL(request.url).origin;
  return `http://localhost:${process.env.PORT ?? 3000}`;
}
