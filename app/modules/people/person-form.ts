import { z } from "zod";
import { fieldErrors, formValues, plainText, type FieldErrors } from "~/modules/forms";
import { isEmail, MAX_CELL_LENGTH } from "./roster-csv";

/**
 * The person edit form, checked like a roster row: the same email rule, the same lengths, and
 * blanks meaning "none".
 */
export type PersonEdit = { name: string; email: string; title: string | null; department: string | null; managerEmail: string | null };

const text = (label: string) => z.string().max(MAX_CELL_LENGTH, `${label} is longer than ${MAX_CELL_LENGTH.toLocaleString("en")} characters.`).transform((value) => plainText(value).trim());
const optional = (label: string) => text(label).transform((value) => value || null);
const email = (label: string) =>
  text(label)
    .transform((value) => value.toLowerCase())
    .refine((value) => value === "" || isEmail(value), `${label} is not an email address.`);

const schema = z
  .object({
    name: text("The name").refine((value) => value.length > 0, "Enter a name."),
    email: email("The email").refine((value) => value.length > 0, "Enter an email address."),
    title: optional("The title").default(""),
    department: optional("The department").default(""),
    managerEmail: email("The manager's email")
      .transform((value) => value || null)
      .default(""),
  })
  .refine((edit) => edit.managerEmail !== edit.email, { path: ["managerEmail"], message: "A person cannot be their own manager." });

export function parsePersonForm(formData: FormData): { ok: true; edit: PersonEdit } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  return { ok: true, edit: parsed.data };
}
