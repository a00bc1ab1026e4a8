import { sql, type RawBuilder } from "kysely";
import type { Db } from "~/db.server";
import { checkRoster, type ExistingPerson, type FieldChange, type RosterCounts } from "./roster-check";
import { CHANGES_PER_PAGE } from "./roster-limits";
import { rosterVersion } from "./roster-version.server";
import { decodeRosterBytes, parseRosterText, type ParsedRoster, type RowProblem } from "./roster-csv";

/** Problems kept in the summary for the preview page; all of them are kept for the download. */
const SUMMARY_PROBLEMS = 200;
const INSERT_CHUNK = 1_000;


export type RosterImportSummary = {
  counts: RosterCounts;
  totalRows: number;
  columns: ParsedRoster["columns"];
  problems: RowProblem[];
  problemCount: number;
};

export type PreviewOutcome = { outcome: "previewed"; importId: string } | { outcome: "unreadable"; message: string };

/**
 * Reads and checks an uploaded roster and keeps its rows for applying; changes no person.
 */
export async function previewRosterImport(
  db: Db,
  { orgId, userId, fileName, bytes, deactivateMissing }: { orgId: string; userId: string; fileName: string; bytes: Uint8Array; deactivateMissing: boolean },
): Promise<PreviewOutcome> {
  const decoded = decodeRosterBytes(bytes);
  if (!decoded.ok) return { outcome: "unreadable", message: decoded.problem.message };
  const parsed = parseRosterText(decoded.text);
  if (!parsed.ok) return { outcome: "unreadable", message: parsed.problem.message };

  const existing = await loadRosterForCheck(db, orgId);
  const plan = checkRoster(parsed.roster, existing, { deactivateMissing });
  const summary: RosterImportSummary = {
    counts: plan.counts,
    totalRows: parsed.roster.totalRows,
    columns: parsed.roster.columns,
    problems: plan.problems.slice(0, SUMMARY_PROBLEMS),
    problemCount: plan.problems.length,
  };

  return db.transaction().execute(async (tx) => {
    const created = await tx
      .insertInto("roster_import")
      .values({
        organization_id: orgId,
        file_name: fileName.slice(0, 200) || "roster.csv",
        deactivate_missing: deactivateMissing,
        status: "previewed",
        summary: JSON.stringify(summary),
        roster_fingerprint: await rosterVersion(tx, orgId),
        created_by: userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let start = 0; start < plan.rows.length; start += INSERT_CHUNK) {
      await tx
        .insertInto("roster_import_row")
        .values(
          plan.rows.slice(start, start + INSERT_CHUNK).map((row) => ({
            import_id: created.id,
            line: row.line,
            email: row.email,
            name: row.name,
            title: row.title,
            department: row.department,
            location: row.location,
            level: row.level,
            manager_email: row.managerEmail,
            attributes: JSON.stringify(row.attributes),
            change: row.change,
            changed_fields: JSON.stringify(row.changes),
          })),
        )
        .execute();
    }
    for (let start = 0; start < plan.problems.length; start += INSERT_CHUNK) {
      await tx
        .insertInto("roster_import_problem")
        .values(plan.problems.slice(start, start + INSERT_CHUNK).map((problem) => ({ import_id: created.id, ...problem })))
        .execute();
    }
    return { outcome: "previewed" as const, importId: created.id };
  });
}

export async function findRosterImport(db: Db, orgId: string, importId: string) {
  const row = await db
    .selectFrom("roster_import")
    .select(["id", "file_name", "deactivate_missing", "status", "summary", "created_at", "applied_at"])
    .where("organization_id", "=", orgId)
    .where("id", "=", importId)
    .executeTakeFirst();
  return row ? { ...row, summary: row.summary as unknown as RosterImportSummary } : undefined;
}

export type ApplyOutcome = "applied" | "not-found" | "has-problems" | "already-done" | "roster-changed";

/**
 * The valid rows, all at once: one transaction of set-based statements over the staged rows.
 * Rows with a problem are skipped (their people stay as they are) only when `skipProblems` says
 * the admin saw how many.
 */
export async function applyRosterImport(db: Db, orgId: string, importId: string, { skipProblems = false } = {}): Promise<ApplyOutcome> {
  return db.transaction().execute(async (tx) => {
    // One import at a time per organization; a second waits here, then sees the roster changed.
    await sql`select pg_advisory_xact_lock(hashtext(${`roster:${orgId}`}))`.execute(tx);
    const rosterImport = await tx
      .selectFrom("roster_import")
      .select(["status", "summary", "roster_fingerprint", "deactivate_missing"])
      .where("organization_id", "=", orgId)
      .where("id", "=", importId)
      .forUpdate()
      .executeTakeFirst();
    if (!rosterImport) return "not-found";
    if (rosterImport.status !== "previewed") return "already-done";
    if ((rosterImport.summary as unknown as RosterImportSummary).problemCount > 0 && !skipProblems) return "has-problems";
    if ((await rosterVersion(tx, orgId)) !== rosterImport.roster_fingerprint) return "roster-changed";

    await sql`
      insert into person (organization_id, email, name, title, department, location, level, attributes, active)
      select ${orgId}, r.email, r.name, r.title, r.department, r.location, r.level, r.attributes, true
      from roster_import_row r
      join roster_import i on i.id = r.import_id and i.organization_id = ${orgId}
      where r.import_id = ${importId}
      on conflict (organization_id, email) do update set
        name = excluded.name, title = excluded.title, department = excluded.department,
        location = excluded.location, level = excluded.level, attributes = excluded.attributes,
        active = true, updated_at = now()
      where (person.name, person.title, person.department, person.location, person.level, person.attributes, person.active)
        is distinct from (excluded.name, excluded.title, excluded.department, excluded.location, excluded.level, excluded.attributes, true)
    `.execute(tx);
    await sql`
      update person p set manager_id = m.id, updated_at = now()
      from roster_import_row r
      join roster_import i on i.id = r.import_id and i.organization_id = ${orgId}
      left join person m on m.organization_id = ${orgId} and m.email = r.manager_email
      where r.import_id = ${importId} and p.organization_id = ${orgId} and p.email = r.email
        and p.manager_id is distinct from m.id
    `.execute(tx);
    if (rosterImport.deactivate_missing) {
      await sql`
        update person set active = false, updated_at = now()
        where organization_id = ${orgId} and active
          and ${notInFile(orgId, importId, sql.ref("person.email"))}
      `.execute(tx);
    }
    await tx
      .updateTable("roster_import")
      .set({ status: "applied", applied_at: new Date() })
      .where("organization_id", "=", orgId)
      .where("id", "=", importId)
      .execute();
    await deleteStagedRows(tx, orgId, importId);
    return "applied";
  });
}

export type DiscardOutcome = "discarded" | "not-found" | "already-done";

export async function discardRosterImport(db: Db, orgId: string, importId: string): Promise<DiscardOutcome> {
  return db.transaction().execute(async (tx) => {
    const rosterImport = await tx
      .selectFrom("roster_import")
      .select("status")
      .where("organization_id", "=", orgId)
      .where("id", "=", importId)
      .forUpdate()
      .executeTakeFirst();
    if (!rosterImport) return "not-found";
    if (rosterImport.status !== "previewed") return "already-done";
    await tx
      .updateTable("roster_import")
      .set({ status: "discarded" })
      .where("organization_id", "=", orgId)
      .where("id", "=", importId)
      .execute();
    await deleteStagedRows(tx, orgId, importId);
    return "discarded";
  });
}

/**
 * Staged rows carry no organization of their own: the import they belong to must be this
 * organization's, in the statement itself (an id learned elsewhere must not reach another
 * organization's rows).
 */
async function deleteStagedRows(db: Db, orgId: string, importId: string): Promise<void> {
  await db
    .deleteFrom("roster_import_row")
    .where("import_id", "=", importId)
    .where("import_id", "in", (eb) => eb.selectFrom("roster_import").select("id").where("organization_id", "=", orgId).where("id", "=", importId))
    .execute();
}

/** A person's email appears in no row of the import, valid or not (rows with a problem keep their people). */
function notInFile(orgId: string, importId: string, email: RawBuilder<unknown>) {
  return sql<boolean>`not exists (
    select 1 from roster_import_row r join roster_import i on i.id = r.import_id and i.organization_id = ${orgId}
    where r.import_id = ${importId} and r.email = ${email}
  ) and not exists (
    select 1 from roster_import_problem q join roster_import i on i.id = q.import_id and i.organization_id = ${orgId}
    where q.import_id = ${importId} and q.email = ${email}
  )`;
}

export type ListedChange = { line: number; email: string; name: string; changes: FieldChange[] };

/** One page of the people a preview adds or updates, in file order. */
export async function listImportChanges(db: Db, orgId: string, importId: string, change: "new" | "updated", page: number): Promise<ListedChange[]> {
  const rows = await db
    .selectFrom("roster_import_row as r")
    .innerJoin("roster_import as i", "i.id", "r.import_id")
    .select(["r.line", "r.email", "r.name", "r.changed_fields"])
    .where("i.organization_id", "=", orgId)
    .where("r.import_id", "=", importId)
    .where("r.change", "=", change)
    .orderBy("r.line")
    .limit(CHANGES_PER_PAGE)
    .offset((page - 1) * CHANGES_PER_PAGE)
    .execute();
  return rows.map(({ changed_fields, ...row }) => ({ ...row, changes: changed_fields as FieldChange[] }));
}

/** One page of the active people a preview would deactivate (those the file does not mention). */
export async function listImportDeactivations(db: Db, orgId: string, importId: string, page: number) {
  return db
    .selectFrom("person")
    .select(["id", "name", "email", "title", "department"])
    .where("organization_id", "=", orgId)
    .where("active", "=", true)
    .where(notInFile(orgId, importId, sql.ref("person.email")))
    .orderBy("name")
    .orderBy("id")
    .limit(CHANGES_PER_PAGE)
    .offset((page - 1) * CHANGES_PER_PAGE)
    .execute();
}

/** Every problem of an import, in file order, however many. */
export async function listImportProblems(db: Db, orgId: string, importId: string) {
  return db
    .selectFrom("roster_import_problem as q")
    .innerJoin("roster_import as i", "i.id", "q.import_id")
    .select(["q.line", "q.email", "q.message"])
    .where("i.organization_id", "=", orgId)
    .where("q.import_id", "=", importId)
    .orderBy("q.line")
    .execute();
}

/** Previews nobody applied within a day lose their staged rows. */
export async function deleteStaleRosterPreviews(db: Db): Promise<void> {
  await db
    .updateTable("roster_import")
    .set({ status: "discarded" })
    .where("status", "=", "previewed")
    .where("created_at", "<", sql<Date>`now() - interval '1 day'`)
    .execute();
  await db
    .deleteFrom("roster_import_row")
    .where("import_id", "in", (eb) => eb.selectFrom("roster_import").select("id").where("status", "=", "discarded"))
    .execute();
}

async function loadRosterForCheck(db: Db, orgId: string): Promise<ExistingPerson[]> {
  const rows = await db
    .selectFrom("person as p")
    .leftJoin("person as m", "m.id", "p.manager_id")
    .select([
      "p.email",
      "p.name",
      "p.title",
      "p.department",
      "p.location",
      "p.level",
      "p.attributes",
      "p.active",
      "m.email as managerEmail",
    ])
    .where("p.organization_id", "=", orgId)
    .execute();
  return rows.map((row) => ({ ...row, managerEmail: row.managerEmail ?? null }));
}
