import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createOwner } from "../../../test/fixtures.server";
import { decodeRosterBytes, parseRosterText } from "./roster-csv";
import { applyRosterImport, previewRosterImport } from "./roster.server";

/**
 * Whatever bytes arrive, the importer answers with a preview or a readable reason, never an
 * exception; and a roster is either applied whole or left exactly as it was.
 */
async function snapshot(orgId: string) {
  return db
    .selectFrom("person")
    .select(["id", "email", "name", "title", "department", "manager_id", "attributes", "active", "updated_at"])
    .where("organization_id", "=", orgId)
    .orderBy("email")
    .execute();
}

const emailArbitrary = fc.constantFrom("a@x.com", "b@x.com", "c@x.com", "d@x.com", "E@X.com", "bad", "", "a@x.com ");
const cellArbitrary = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"quoted, comma"', '"unterminated', "é", "\u0000", ";"));
const rowArbitrary = fc.tuple(emailArbitrary, cellArbitrary, emailArbitrary, cellArbitrary).map(([email, name, manager, extra]) => [email, name, manager, extra].join(","));
const csvArbitrary = fc
  .tuple(fc.array(rowArbitrary, { maxLength: 12 }), fc.constantFrom("\n", "\r\n"))
  .map(([rows, lineBreak]) => new TextEncoder().encode(["email,name,manager email,notes", ...rows].join(lineBreak)));
const bytesArbitrary = fc.oneof(csvArbitrary, fc.uint8Array({ maxLength: 300 }));

describe("roster import with arbitrary input", () => {
  it("never throws and never half-applies", async () => {
    const { org, userId } = await createOwner();
    await fc.assert(
      fc.asyncProperty(bytesArbitrary, fc.boolean(), async (bytes, deactivateMissing) => {
        const before = await snapshot(org.id);
        const preview = await previewRosterImport(db, { orgId: org.id, userId, fileName: "fuzz.csv", bytes, deactivateMissing });
        if (preview.outcome === "unreadable") {
          expect(preview.message.length).toBeGreaterThan(0);
          expect(await snapshot(org.id)).toEqual(before);
          return;
        }
        const stored = await db.selectFrom("roster_import").select("summary").where("id", "=", preview.importId).executeTakeFirstOrThrow();
        const { problemCount } = stored.summary as { problemCount: number };
        const outcome = await applyRosterImport(db, org.id, preview.importId);
        const after = await snapshot(org.id);
        if (problemCount > 0) {
          expect(outcome).toBe("has-problems");
          expect(after).toEqual(before);
          return;
        }
        expect(outcome).toBe("applied");
        // Whole: every row of the file is in the roster as the file says...
        const decoded = decodeRosterBytes(bytes);
        const parsed = decoded.ok ? parseRosterText(decoded.text) : undefined;
        if (!parsed?.ok) throw new Error("a previewed file must parse");
        const byEmail = new Map(after.map((person) => [person.email, person]));
        const idToEmail = new Map(after.map((person) => [person.id, person.email]));
        for (const row of parsed.roster.rows) {
          const person = byEmail.get(row.email);
          expect(person).toMatchObject({ name: row.name, active: true });
          expect(person?.manager_id ? idToEmail.get(person.manager_id) : null).toBe(row.managerEmail);
        }
        // ...every manager link points at someone in this organization's roster, and no one
        // is their own manager through a loop.
        const ids = new Set(after.map((person) => person.id));
        const managerOf = new Map(after.map((person) => [person.id, person.manager_id]));
        for (const person of after) {
          if (person.manager_id) expect(ids.has(person.manager_id)).toBe(true);
          const seen = new Set<string>();
          for (let current: string | null | undefined = person.id; current; current = managerOf.get(current)) {
            expect(seen.has(current)).toBe(false);
            seen.add(current);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
