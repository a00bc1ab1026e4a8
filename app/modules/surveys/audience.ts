import { z } from "zod";

export type Audience = (
  | { kind: "organization" }
  | { kind: "departments"; departments: string[] }
  | { kind: "subtrees"; managerIds: string[] }
) & {
  /** People left out although the rest of the audience covers them (new joiners, contractors). */
  excludedPersonIds?: string[];
};

export function parseAudience(value: unknown): Audience {
  const raw = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  const excluded = Array.isArray(raw.excludedPersonIds) ? raw.excludedPersonIds.filter((id): id is string => typeof id === "string") : [];
  const exclusions = excluded.length > 0 ? { excludedPersonIds: excluded } : {};
  if (raw.kind === "departments" && Array.isArray(raw.departments)) {
    return { kind: "departments", departments: raw.departments.filter((d): d is string => typeof d === "string"), ...exclusions };
  }
  if (raw.kind === "subtrees" && Array.isArray(raw.managerIds)) {
    return { kind: "subtrees", managerIds: raw.managerIds.filter((id): id is string => typeof id === "string"), ...exclusions };
  }
  return { kind: "organization", ...exclusions };
}

type FormFields = Pick<FormData, "get" | "getAll">;

/**
 * The audience form (posted to save, or sent as a query to recount): radio `kind`, repeated
 * `department` or `managerId` checkboxes, and repeated `exclude` checkboxes of people left out.
 */
export function parseAudienceForm(formData: FormFields): { ok: true; audience: Audience } | { ok: false; message: string } {
  const excluded = z.array(z.string().uuid()).safeParse(formData.getAll("exclude").filter((id) => id !== ""));
  if (!excluded.success) return { ok: false, message: "One of the people left out is no longer in the roster." };
  const exclusions = excluded.data.length > 0 ? { excludedPersonIds: [...new Set(excluded.data)] } : {};
  const kind = formData.get("kind");
  if (kind === "organization") return { ok: true, audience: { kind, ...exclusions } };
  if (kind === "departments") {
    const departments = [...new Set(formData.getAll("department").filter((d): d is string => typeof d === "string" && d.length > 0))];
    if (departments.length === 0) return { ok: false, message: "Choose at least one department." };
    return { ok: true, audience: { kind, departments, ...exclusions } };
  }
  if (kind === "subtrees") {
    const ids = formData.getAll("managerId").filter((id): id is string => typeof id === "string");
    const parsed = z.array(z.string().uuid()).safeParse(ids);
    if (!parsed.success) return { ok: false, message: "One of the chosen teams no longer exists." };
    if (parsed.data.length === 0) return { ok: false, message: "Choose at least one manager whose team is invited." };
    return { ok: true, audience: { kind, managerIds: [...new Set(parsed.data)], ...exclusions } };
  }
  return { ok: false, message: "Choose who is invited." };
}

/**
 * The audience being chosen, as sent by the picker's "Recount" (or its live count): the saved one
 * when nothing was sent, and an empty choice with the reason when what was sent cannot be saved.
 */
export function draftAudience(form: FormFields, saved: Audience): { audience: Audience; message: string | null } {
  const kind = form.get("kind");
  if (kind === null) return { audience: saved, message: null };
  const parsed = parseAudienceForm(form);
  if (parsed.ok) return { audience: parsed.audience, message: null };
  if (kind === "subtrees") return { audience: { kind, managerIds: [] }, message: parsed.message };
  if (kind === "departments") return { audience: { kind, departments: [] }, message: parsed.message };
  return { audience: saved, message: parsed.message };
}

/** The people an audience covers, less those it leaves out. */
export function withoutExcluded<T extends { id: string }>(people: T[], audience: Audience): T[] {
  const excluded = new Set(audience.excludedPersonIds ?? []);
  return excluded.size === 0 ? people : people.filter((person) => !excluded.has(person.id));
}

export function describeAudience(audience: Audience, managerNames: Map<string, string>): string {
  const excluded = audience.excludedPersonIds?.length ?? 0;
  return excluded > 0 ? `${describeScope(audience, managerNames)}, leaving out ${excluded} ${excluded === 1 ? "person" : "people"}` : describeScope(audience, managerNames);
}

function describeScope(audience: Audience, managerNames: Map<string, string>): string {
  switch (audience.kind) {
    case "organization":
      return "Everyone in the roster";
    case "departments":
      return `Departments: ${audience.departments.join(", ")}`;
    case "subtrees":
      return `Teams under ${audience.managerIds.map((id) => managerNames.get(id) ?? "a former manager").join(", ")}`;
  }
}
