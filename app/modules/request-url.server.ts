import { config } from "~/modules/config.server";

/**
 * The public address of the app, for links in emails: APP_URL when set (behind a proxy it must
 * be), else the address this request came to.
 */
export function publicBaseUrl(request?: Request): string {
  const { APP_URL, PORT } = config();
  if (APP_URL) return APP_URL;
  if (request) return new URL(request.url).origin;
  return `http://localhost:${PORT}`;
}
