import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../../test/survey-fixtures.server";
import { flushWave } from "./pool.server";
import { submitResponse } from "./responses.server";

/**
 * The promise, tested against the database itself: with every table in hand, nothing pairs a
 * response with a person, an invitation or a link.
 */
const RESPONSE_TABLES = ["response", "answer", "nomination", "response_pool"];

async function columns(tables: string[]) {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string; column_default: string | null }>`
    select table_name, column_name, data_type, column_default from information_schema.columns
    where table_schema = current_schema() and table_name in (${sql.join(tables)})
  `.execute(db);
  return rows;
}

async function foreignKeys(tables: string[]) {
  const { rows } = await sql<{ table_name: string; column_name: string; referenced: string }>`
    select kcu.table_name, kcu.column_name, ccu.table_name as referenced
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema() and kcu.table_name in (${sql.join(tables)})
  `.execute(db);
  return rows;
}

describe("the schema of answers", () => {
  it("has no column that refers to a person, an invitation, a link or a member, but the chosen nominee", async () => {
    const references = await foreignKeys(RESPONSE_TABLES);
    const referenced = new Set(references.map((row) => row.referenced));
    for (const table of ["invitation", "invitation_token", "membership", "app_user", "user_session", "email_message"]) expect(referenced.has(table), table).toBe(false);
    expect(references.filter((row) => row.referenced === "person").map((row) => `${row.table_name}.${row.column_name}`)).toEqual(["nomination.nominee_id"]);
    const names = (await columns(RESPONSE_TABLES)).map((row) => row.column_name);
    for (const name of names) expect(name, name).not.toMatch(/person|invitation|token|member|user|email|ip|agent|respondent/);
  });

  it("holds no time finer than a day, and no serial keys", async () => {
    const rows = await columns([...RESPONSE_TABLES, "invitation", "invitation_token"]);
    for (const row of rows) {
      expect(`${row.table_name}.${row.column_name}: ${row.data_type}`).not.toMatch(/: (timestamp|time)/);
      expect(row.column_default ?? "", `${row.table_name}.${row.column_name}`).not.toMatch(/nextval/);
    }
    const keys = rows.filter((row) => (row.table_name === "response" || row.table_name === "response_pool") && row.column_name === "id");
    expect(keys.map((row) => row.data_type)).toEqual(["uuid", "uuid"]);
  });
});

describe("linking a response to a person with the whole database in hand", () => {
  it("fails by system columns, by key, by order and by the invitation table", async () => {
    const s = await createOrgWithSurvey();
    const links = await openWithLinks(s.org.id, s.waveId);
    const q = await questionIds(s.waveId);
    const respondents = s.people.slice(0, 12);
    // Each respondent's comment is unique to them: the ground truth an attacker would want.
    for (const [i, person] of respondents.entries()) {
      const { answers, nominations } = templateAnswers(q, {}, i);
      const withComment = { nominations, answers: [...answers, { questionId: q.comment!, kind: "text" as const, value: `comment of respondent ${i}` }] };
      expect((await submitResponse(db, links.get(person.email)!, withComment)).outcome).toBe("stored");
    }

    // While pooled, nothing is readable: the comments are sealed.
    const { rows: pooled } = await sql<{ sealed: Uint8Array }>`select sealed from response_pool`.execute(db);
    expect(pooled).toHaveLength(12);
    for (const row of pooled) expect(Buffer.from(row.sealed).toString("latin1")).not.toContain("comment of respondent");

    expect(await flushWave(db, s.waveId)).toBe(12);

    // 1. System columns: no released row shares a transaction id with any invitation or link.
    const xmins = async (table: string) => new Set((await sql<{ x: string }>`select xmin::text as x from ${sql.table(table)}`.execute(db)).rows.map((row) => row.x));
    const responseXmins = await xmins("response");
    for (const table of ["invitation", "invitation_token"]) {
      const other = await xmins(table);
      for (const x of responseXmins) expect(other.has(x), `${table} shares xmin ${x}`).toBe(false);
    }
    // All twelve were released together: one transaction id for the batch.
    expect(responseXmins.size).toBe(1);

    // 2. Order: pairing the answered invitations and the responses by their physical order
    // gets no better than chance (a random permutation of 12 rarely fixes more than a few).
    const { rows: invitationOrder } = await sql<{ email: string }>`
      select person.email from invitation join person on person.id = invitation.person_id
      where invitation.wave_id = ${s.waveId} and invitation.answered order by invitation.ctid`.execute(db);
    const { rows: responseOrder } = await sql<{ text: string }>`
      select answer.value_text as text from response join answer on answer.response_id = response.id
      where response.wave_id = ${s.waveId} and answer.value_text is not null order by response.ctid`.execute(db);
    const truth = new Map(respondents.map((person, i) => [person.email, `comment of respondent ${i}`]));
    const correct = invitationOrder.filter((row, i) => truth.get(row.email) === responseOrder[i]?.text).length;
    expect(correct).toBeLessThanOrEqual(6);

    // 3. Keys: random UUIDs, unrelated to invitation ids.
    const responseIds = (await db.selectFrom("response").select("id").execute()).map((row) => row.id);
    const invitationIds = new Set((await db.selectFrom("invitation").select("id").execute()).map((row) => row.id));
    for (const id of responseIds) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(invitationIds.has(id)).toBe(false);
    }

    // 4. The invitation table says who answered, never when or what.
    const invitationColumns = (await columns(["invitation"])).map((row) => row.column_name).sort();
    expect(invitationColumns).toEqual(["answered", "id", "organization_id", "person_id", "segment", "wave_id"]);
  });
});
