import type { ZodError } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

/** Turns a zod error into messages keyed by field, for showing each beside its input. */
export function fieldErrors(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}

/** Form values as plain strings, dropping files: what zod schemas of forms expect. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !(key in values)) values[key] = value;
  }
  return values;
}

/**
 * Text as a person could have typed it: without control characters other than tab and line
 * breaks (a NUL byte cannot even be stored in PostgreSQL, and the rest only break exports), and
 * with a lone surrogate half replaced by U+FFFD, as UTF-8 would have to anyway.
 */
export function plainText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}
