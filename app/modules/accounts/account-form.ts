import { z } from "zod";

import { MIN_PASSWORD_LENGTH } from "./password-policy";

export { MIN_PASSWORD_LENGTH };

export const Email = z
  .string({ required_error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "An email address has at most 254 characters.")
  // Checked only once the field is filled in, so that an empty field gets one message.
  .pipe(z.string().email("Enter an email address like name@example.com."))
  .transform((email) => email.toLowerCase());

export const NewPassword = z
  .string({ required_error: "Choose a password." })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");

export const PersonName = z
  .string({ required_error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(100, "Use at most 100 characters.");

export const SignUpForm = z.object({
  name: PersonName,
  email: Email,
  password: NewPassword,
  organizationName: z
    .string({ required_error: "Enter your organization's name." })
    .trim()
    .min(2, "Enter your organization's name (at least 2 characters).")
    .max(100, "Use at most 100 characters."),
});
export type SignUpInput = z.infer<typeof SignUpForm>;

export const LogInForm = z.object({
  email: Email,
  password: z
    .string({ required_error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(200, "Use at most 200 characters."),
  redirectTo: z.string().optional(),
});

/** Stands for our own origin while parsing: whatever it is, only a path on it survives. */
const OWN_ORIGIN = "http://earned.invalid";

/**
 * Only paths on this site: an open redirect after login is a phishing tool. The target is parsed
 * the way a browser parses a Location header (the URL standard), never matched by prefix:
 * browsers drop tabs and newlines ("/\t/evil" is "//evil"), read "\\" as "/", and resolve
 * "/.//evil" to "//evil". What is sent back is the path as parsed, never the input.
 */
export function safeRedirect(target: string | null | undefined, fallback = "/orgs"): string {
  // Control characters never belong in a path; in a header they would be a 500 or a header split.
  if (!target || !target.startsWith("/") || /[\u0000-\u001f\u007f]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that itself reads as protocol-relative would leave the site once the browser resolves it.
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
