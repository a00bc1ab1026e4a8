import { plainText } from "./forms";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function notFound(message = "Not found"): Response {
  return new Response(message, { status: 404, statusText: "Not Found" });
}

export function forbidden(message = "You do not have access to this page."): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

/** A malformed id in the URL answers 404 before any query runs. */
export function requireId(value: string | undefined): string {
  if (!value || !UUID.test(value)) throw notFound();
  return value.toLowerCase();
}

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/**
 * The posted form. A body that is no form (another content type, a multipart body cut short)
 * is odd input, not a bug of ours: it answers 415 or 400, never 500.
 */
export async function requireFormData(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) throw new Response("Send the form from the page.", { status: 415, statusText: "Unsupported Media Type" });
  let posted: FormData;
  try {
    posted = await request.formData();
  } catch {
    throw new Response("The form did not arrive complete. Send it again.", { status: 400, statusText: "Bad Request" });
  }
  // Every field as it could have been typed (see plainText); files are left as they are.
  const form = new FormData();
  for (const [name, value] of posted) {
    if (typeof value === "string") form.append(plainText(name), plainText(value));
    else form.append(plainText(name), value);
  }
  return form;
}

/** A query parameter as a person could have typed it, trimmed and cut to a length. */
export function searchText(searchParams: URLSearchParams, name: string, maxLength: number): string {
  return plainText(searchParams.get(name) ?? "")
    .trim()
    .slice(0, maxLength);
}

/** The same request with every query parameter as a person could have typed it. */
export function withPlainQuery(request: Request): Request {
  const url = new URL(request.url);
  const plain = new URLSearchParams([...url.searchParams].map(([name, value]) => [plainText(name), plainText(value)]));
  url.search = plain.toString();
  return new Request(url, request);
}

/** A value placed in a path we redirect to: encoded, whatever it holds. */
export function pathSegment(value: string): string {
  return encodeURIComponent(plainText(value));
}
