import { createHash } from "node:crypto";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { migrateTo } from "@db/migrator";
import { isolatedDatabase } from "../../../test/test-database";
import { prepareDatabase } from "~/modules/prepare-database.server";
import { findRespondentForm } from "~/modules/responses/responses.server";
import { publishedGroups } from "./legacy-upgrade.server";
import { seal } from "./seal.server";

/**
 * An installation of the previous version, upgraded: its open wave's emailed links must keep
 * working, who answered must leave the invitations, and released answers must carry the group
 * they were published under rather than a segment that may hold fewer than k who answered.
 */
const LAST_LEGACY_MIGRATION = "2026_11_24_1400_create_analytics_snapshot";

const isolated = await isolatedDatabase();
const db = isolated.handle.db;
afterAll(() => isolated.drop());

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

async function legacyInstallation() {
  await migrateTo(db, LAST_LEGACY_MIGRATION);
  const org = await db.insertInto("organization").values({ slug: "legacy", name: "Legacy", dp_epsilon: null }).returning("id").executeTakeFirstOrThrow();
  const survey = await db.insertInto("survey").values({ organization_id: org.id, name: "Pulse" }).returning("id").executeTakeFirstOrThrow();
  const wave = await (db as never as typeof db)
    .insertInto("survey_wave")
    .values({ organization_id: org.id, survey_id: survey.id, number: 1, status: "open", min_group_size: 3, audience: JSON.stringify({ kind: "organization" }), distribution: "email" } as never)
    .returning("id")
    .executeTakeFirstOrThrow();
  const people = [];
  for (let i = 0; i < 8; i++) {
    people.push(await db.insertInto("person").values({ organization_id: org.id, email: `p${i}@legacy.test`, name: `Person ${i}`, attributes: "{}" } as never).returning("id").executeTakeFirstOrThrow());
  }
  const tokens: string[] = [];
  for (const [i, person] of people.entries()) {
    const segment = i < 4 ? "team:m:Eng" : "team:n:Eng";
    const { rows } = await sql<{ id: string }>`insert into invitation (organization_id, wave_id, person_id, answered, segment) values (${org.id}, ${wave.id}, ${person.id}, ${i < 2}, ${segment}) returning id`.execute(db);
    tokens.push(`legacy-token-${i}`);
    await sql`insert into invitation_token (token_hash, invitation_id) values (${hash(`legacy-token-${i}`)}, ${rows[0]!.id})`.execute(db);
  }
  // Released by the old code: 2 responses of one team and 1 of another, each under its segment.
  for (const segment of ["team:m:Eng", "team:m:Eng", "team:n:Eng"]) {
    await sql`insert into response (organization_id, wave_id, segment, response_date, verified) values (${org.id}, ${wave.id}, ${segment}, current_date, true)`.execute(db);
  }
  const question = await db
    .insertInto("question")
    .values({ organization_id: org.id, wave_id: wave.id, position: 1, key: "follow", kind: "nomination", prompt: "Follow?", description: null, required: false, construct: "followership", options: JSON.stringify({ maxNominations: 3 }) })
    .returning("id")
    .executeTakeFirstOrThrow();
  const legacyPooled = { segment: "team:n:Eng", date: "2026-11-20", verified: true, answers: [], nominations: [{ questionId: question.id, nomineeId: people[0]!.id, relation: "outside_line" }] };
  await db.insertInto("response_pool").values({ organization_id: org.id, wave_id: wave.id, sealed: seal("response-pool-v1", legacyPooled) }).execute();
  return { tokens };
}

describe("upgrading an installation of the previous version", () => {
  it("keeps emailed links working, forgets who answered, and relabels answers by their published group", async () => {
    const { tokens } = await legacyInstallation();
    await prepareDatabase(db);

    expect((await findRespondentForm(db, tokens[0]!)).state).toBe("answered");
    expect((await findRespondentForm(db, tokens[5]!)).state).toBe("open");
    const invitationColumns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'invitation'`.execute(db);
    expect(invitationColumns.rows.map((row) => row.column_name).sort()).toEqual(["id", "organization_id", "person_id", "segment", "wave_id"]);
    expect((await sql<{ legacy: string | null }>`select to_regclass('legacy_invitation_token')::text as legacy`.execute(db)).rows[0]!.legacy).toBeNull();

    // 2 + 1 released + 1 pooled = 4 ≥ k: everything is released, under the department's pool.
    const groups = await db.selectFrom("response").select("group_key").execute();
    expect(groups.map((row) => row.group_key)).toEqual(["pool:department:Eng", "pool:department:Eng", "pool:department:Eng", "pool:department:Eng"]);
    expect(await db.selectFrom("response_pool").selectAll().execute()).toEqual([]);
    expect(await db.selectFrom("nomination_count").select(["group_key", "count"]).execute()).toEqual([{ group_key: "pool:department:Eng", count: 1 }]);
    // Running again changes nothing.
    await prepareDatabase(db);
    expect(await db.selectFrom("response").select("group_key").execute()).toHaveLength(4);
  });
});

describe("publishedGroups", () => {
  it("follows the previous version's pooling: segment, department pool, organization pool", () => {
    const groups = publishedGroups(
      new Map([
        ["team:a:Eng", 5],
        ["team:b:Eng", 2],
        ["team:c:Eng", 2],
        ["team:d:Sales", 1],
        ["organization", 1],
        ["open-link", 2],
      ]),
      3,
    );
    expect(Object.fromEntries(groups)).toEqual({
      "team:a:Eng": "team:a:Eng",
      // Eng's pool (4) is the smallest published group: it joins the organization's (2), as before.
      "team:b:Eng": "pool:organization",
      "team:c:Eng": "pool:organization",
      "team:d:Sales": "pool:organization",
      organization: "pool:organization",
      "open-link": "open-link",
    });
  });
});
