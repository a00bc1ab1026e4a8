import { z } from "zod";

export type Audience =
  | { kind: "organization" }
  | { kind: "departments"; departments: string[] }
  | { kind: "subtrees"; managerIds: string[] };

export function parseAudience(value: unknown): Audience {
  const raw = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  if (raw.kind === "departments" && Array.isArray(raw.departments)) {
    return { kind: "departments", departments: raw.departments.filter((d): d is string => typeof d === "string") };
  }
  if (raw.kind === "subtrees" && Array.isArray(raw.managerIds)) {
    return { kind: "subtrees", managerIds: raw.managerIds.filter((id): id is string => typeof id === "string") };
  }
  return { kind: "organization" };
}

/** The audience form: radio `kind`, repeated `department` or `managerId` checkboxes. */
export function parseAudienceForm(formData: FormData): { ok: true; audience: Audience } | { ok: false; message: string } {
  const kind = formData.get("kind");
  if (kind === "organization") return { ok: true, audience: { kind } };
  if (kind === "departments") {
    const departments = [...new Set(formData.getAll("department").filter((d): d is string => typeof d === "string" && d.length > 0))];
    if (departments.length === 0) return { ok: false, message: "Choose at least one department." };
    return { ok: true, audience: { kind, departments } };
  }
  if (kind === "subtrees") {
    const ids = formData.getAll("managerId").filter((id): id is string => typeof id === "string");
    const parsed = z.array(z.string().uuid()).safeParse(ids);
    if (!parsed.success) return { ok: false, message: "One of the chosen teams no longer exists." };
    if (parsed.data.length === 0) return { ok: false, message: "Choose at least one manager whose team is invited." };
    return { ok: true, audience: { kind, managerIds: [...new Set(parsed.data)] } };
  }
  return { ok: false, message: "Choose who is invited." };
}

export function describeAudience(audience: Audience, managerNames: Map<string, string>): string {
  switch (audience.kind) {
    case "organization":
      return "Everyone in the roster";
    case "departments":
      return `Departments: ${audience.departments.join(", ")}`;
    case "subtrees":
      return `Teams under ${audience.managerIds.map((id) => managerNames.get(id) ?? "a former manager").join(", ")}`;
  }
}
