import { sql } from "kysely";
import type { Db } from "~/db.server";
import type { FieldErrors } from "~/modules/forms";
import type { PersonEdit } from "./person-form";

export type EditOutcome = { outcome: "saved" } | { outcome: "not-found" } | { outcome: "invalid"; errors: FieldErrors };

/**
 * One person's roster fields, changed in place; refused whole (nothing written) when the manager
 * is unknown, the email taken, or the new manager sits below this person.
 */
export async function updatePerson(db: Db, orgId: string, personId: string, edit: PersonEdit): Promise<EditOutcome> {
  return db.transaction().execute(async (tx) => {
    // The same lock as a roster import: an edit and an import never interleave.
    await sql`select pg_advisory_xact_lock(hashtext(${`roster:${orgId}`}))`.execute(tx);
    const person = await tx.selectFrom("person").select("id").where("organization_id", "=", orgId).where("id", "=", personId).forUpdate().executeTakeFirst();
    if (!person) return { outcome: "not-found" as const };

    const taken = await tx
      .selectFrom("person")
      .select("id")
      .where("organization_id", "=", orgId)
      .where("email", "=", edit.email)
      .where("id", "!=", personId)
      .executeTakeFirst();
    if (taken) return invalid("email", "Someone else in the roster already has this email.");

    let managerId: string | null = null;
    if (edit.managerEmail) {
      const manager = await tx
        .selectFrom("person")
        .select("id")
        .where("organization_id", "=", orgId)
        .where("email", "=", edit.managerEmail)
        .where("active", "=", true)
        .executeTakeFirst();
      if (!manager) return invalid("managerEmail", "Nobody active in the roster has this email.");
      if (await reportsTo(tx, orgId, manager.id, personId)) {
        return invalid("managerEmail", "This manager reports to this person (directly or further down): the chain would loop.");
      }
      managerId = manager.id;
    }

    await tx
      .updateTable("person")
      .set({ name: edit.name, email: edit.email, title: edit.title, department: edit.department, manager_id: managerId, updated_at: new Date() })
      .where("organization_id", "=", orgId)
      .where("id", "=", personId)
      .execute();
    return { outcome: "saved" as const };
  });
}

export type ActiveOutcome = "saved" | "not-found" | "has-reports";

/** Deactivating keeps the person (their history stays) but leaves them out of new waves. */
export async function setPersonActive(db: Db, orgId: string, personId: string, active: boolean): Promise<ActiveOutcome> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`roster:${orgId}`}))`.execute(tx);
    if (!active) {
      // An active team under an inactive manager is an org chart no import would accept.
      const report = await tx
        .selectFrom("person")
        .select("id")
        .where("organization_id", "=", orgId)
        .where("manager_id", "=", personId)
        .where("active", "=", true)
        .executeTakeFirst();
      if (report) return "has-reports";
    }
    const updated = await tx
      .updateTable("person")
      .set({ active, updated_at: new Date() })
      .where("organization_id", "=", orgId)
      .where("id", "=", personId)
      .returning("id")
      .executeTakeFirst();
    return updated ? "saved" : "not-found";
  });
}

/** Whether `personId` is `managerId` or anywhere in the chain above them. */
async function reportsTo(db: Db, orgId: string, managerId: string, personId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive chain(id, manager_id) as (
      select id, manager_id from person where organization_id = ${orgId} and id = ${managerId}
      union
      select p.id, p.manager_id from person p join chain c on p.id = c.manager_id where p.organization_id = ${orgId}
    )
    select exists (select 1 from chain where id = ${personId}) as found
  `.execute(db);
  return Boolean(rows[0]?.found);
}

function invalid(field: string, message: string): EditOutcome {
  return { outcome: "invalid", errors: { [field]: [message] } };
}

/** The edit form's starting values, the manager by email as in a roster file. */
export async function findPersonForEdit(db: Db, orgId: string, personId: string) {
  return db
    .selectFrom("person as p")
    .leftJoin("person as m", (join) => join.onRef("m.id", "=", "p.manager_id").on("m.organization_id", "=", orgId))
    .select(["p.id", "p.name", "p.email", "p.title", "p.department", "p.active", "m.email as managerEmail", "m.name as managerName"])
    .where("p.organization_id", "=", orgId)
    .where("p.id", "=", personId)
    .executeTakeFirst();
}
