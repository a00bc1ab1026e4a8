import { createHash } from "node:crypto";
import fc from "fast-check";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { submitResponse } from "~/modules/responses/responses.server";
import { couldHaveStayedSilent, hasConsistentPeople, type AttackerWorld } from "../../../test/attacker/matching";
import { databaseCopy, playWave, releasedAuthors, type PlayedWave } from "../../../test/attacker/real-wave.server";
import { simulatedWave } from "../../../test/attacker/simulated-wave";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../../test/survey-fixtures.server";

/**
 * The anonymity promise, tried by its adversaries against the real app and a real database:
 * random organizations answer a wave through the respondents' own submission path while the
 * release timer fires at random, and then
 *
 *   - a copy of the database, without the secret, tries to narrow each released response to
 *     fewer than k people who answered, and to tell who answered (G1);
 *   - the operator, with the secret and a backup before and after every release, tries the same
 *     within each release (G2);
 *   - someone watching the dashboards subtracts every pair of published states (G3).
 *
 * The attacker's reasoning (test/attacker/matching.ts) is written apart from the app's rules:
 * an exact search over every way the stored responses could belong to distinct people.
 */

// Each case plays a whole wave through the app (import, launch, answers, releases, snapshots): the
// search over cases is done at scale by the pure release properties (release.test.ts, 250+ each);
// here a few dozen end-to-end cases confirm it on the real storage. EARNED_ATTACK_CASES=200 for more.
const CASES = Number(process.env.EARNED_ATTACK_CASES ?? 40);

/** Who could have given a response of a group, read off the database as an attacker would. */
function attackerProducers(invitations: { person_id: string; segment: string }[]) {
  const departmentOf = (segment: string) => (segment.startsWith("team:") ? segment.split(":").slice(2).join(":") : segment.startsWith("department:") ? segment.slice("department:".length) : undefined);
  return (group: string): string[] => {
    if (group === "pool:organization") return invitations.map((row) => row.person_id);
    if (group.startsWith("pool:department:")) return invitations.filter((row) => departmentOf(row.segment) === group.slice("pool:department:".length)).map((row) => row.person_id);
    return invitations.filter((row) => row.segment === group).map((row) => row.person_id);
  };
}

type CopiedResponse = { id: string; wave_id: string; group_key: string; __xmin: string };
type CopiedCount = { wave_id: string; group_key: string; question_id: string; nominee_id: string; count: number; __xmin: string };

/**
 * Whom every response of a set chose in some question, from the stored counts alone: they gave
 * none of those responses (nobody chooses themselves).
 */
function choseByAll(counts: CopiedCount[], responses: number): Set<string> {
  const sums = new Map<string, number>();
  for (const row of counts) sums.set(`${row.question_id}>${row.nominee_id}`, (sums.get(`${row.question_id}>${row.nominee_id}`) ?? 0) + row.count);
  return new Set([...sums].filter(([, sum]) => sum >= responses).map(([key]) => key.split(">")[1]!));
}

/** The attacker's world from a copy: each released response's possible givers; sealed ones anyone's. */
async function worldFromCopy(played: PlayedWave) {
  const copy = await databaseCopy();
  const invitations = (copy.invitation as { wave_id: string; person_id: string; segment: string }[]).filter((row) => row.wave_id === played.waveId);
  const responses = (copy.response as CopiedResponse[]).filter((row) => row.wave_id === played.waveId);
  const counts = (copy.nomination_count as CopiedCount[]).filter((row) => row.wave_id === played.waveId);
  const sealed = (copy.response_pool as { wave_id: string }[]).filter((row) => row.wave_id === played.waveId).length;
  const producers = attackerProducers(invitations);
  const everyone = invitations.map((row) => row.person_id);
  const candidatesOf = new Map<string, string[]>();
  for (const group of new Set(responses.map((row) => row.group_key))) {
    const excluded = choseByAll(counts.filter((row) => row.group_key === group), responses.filter((row) => row.group_key === group).length);
    candidatesOf.set(group, producers(group).filter((person) => !excluded.has(person)));
  }
  const world: AttackerWorld = { people: everyone, candidates: [...responses.map((row) => candidatesOf.get(row.group_key)!), ...Array.from({ length: sealed }, () => everyone)] };
  return { world, responses, counts, everyone };
}

/** G1: each released response could be the answer of at least k people who answered; anyone could have stayed silent. */
async function attackWithCopy(played: PlayedWave, tally: { responses: number }) {
  const { world, responses, everyone } = await worldFromCopy(played);
  const authors = await releasedAuthors(played);
  const truth = responses.map((row) => played.personOf.get(authors.get(row.id)!)!);
  const answered = new Set([...played.authorOf.values()].map((sim) => played.personOf.get(sim)!));
  responses.forEach((row, index) => {
    tally.responses++;
    expect(hasConsistentPeople(world, truth, index, answered, played.k), `G1: the response of ${authors.get(row.id)} in ${row.group_key}`).toBe(true);
  });
  if (responses.length < everyone.length) {
    for (const person of everyone) expect(couldHaveStayedSilent(world, truth, person), `G1: ${played.simOf.get(person)} certainly answered`).toBe(true);
  }
}

/**
 * G2: the operator holds the secret and a backup before and after each release: they know who
 * answered between the two (the release's people), and the release itself is readable off one copy
 * by its transaction id (its responses and its counts share it).
 */
async function attackWithSecretAndBackups(played: PlayedWave, tally: { batches: number }) {
  const { responses, counts } = await worldFromCopy(played);
  const authors = await releasedAuthors(played);
  const batches = new Map<string, CopiedResponse[]>();
  for (const row of responses) batches.set(`${row.__xmin}:${row.group_key}`, [...(batches.get(`${row.__xmin}:${row.group_key}`) ?? []), row]);
  for (const [key, batch] of batches) {
    tally.batches++;
    const people = batch.map((row) => played.personOf.get(authors.get(row.id)!)!);
    const excluded = choseByAll(counts.filter((row) => `${row.__xmin}:${row.group_key}` === key), batch.length);
    const world: AttackerWorld = { people, candidates: batch.map(() => people.filter((person) => !excluded.has(person))) };
    batch.forEach((row, index) => expect(hasConsistentPeople(world, people, index, new Set(people), played.k), `G2: ${row.group_key}: ${authors.get(row.id)}`).toBe(true));
  }
}

/** G3: any two published states differ by zero or at least k responses in every group; comments only at close. */
function attackBySubtraction(played: PlayedWave, tally: { pairs: number }) {
  const states = [{ blocks: new Map<string, number>(), edges: new Map<string, number>(), comments: 0 }, ...played.published];
  for (let i = 0; i < states.length; i++) {
    for (let j = i + 1; j < states.length; j++) {
      tally.pairs++;
      for (const group of new Set([...states[i]!.blocks.keys(), ...states[j]!.blocks.keys()])) {
        const difference = Math.abs((states[j]!.blocks.get(group) ?? 0) - (states[i]!.blocks.get(group) ?? 0));
        expect(difference === 0 || difference >= played.k, `G3: ${group}: states ${i} and ${j} differ by ${difference}`).toBe(true);
      }
    }
  }
  for (const state of states.slice(0, -1)) expect(state.comments, "G3: comments before close").toBe(0);
}

describe("random organizations answering through the app, attacked three ways", () => {
  it("hold against a database copy (G1), the operator with backups (G2) and dashboard subtraction (G3)", { timeout: 900_000 }, async () => {
    const tally = { waves: 0, responses: 0, batches: 0, pairs: 0 };
    await fc.assert(
      fc.asyncProperty(simulatedWave, async (wave) => {
        tally.waves++;
        const played = await playWave(wave);
        await attackWithCopy(played, tally);
        await attackWithSecretAndBackups(played, tally);
        attackBySubtraction(played, tally);
      }),
      { numRuns: CASES },
    );
    console.log(`${tally.waves} random waves played through the app: ${tally.responses} released responses attacked with a database copy, ${tally.batches} releases with the secret and backups, ${tally.pairs} pairs of published states subtracted`);
  });
});

describe("a copy of the database, without the app secret (G1)", () => {
  it("cannot tie a spent ballot to its person: not by key, not by order, not by transaction", async () => {
    const s = await createOrgWithSurvey({ teamSize: 8 });
    const links = await openWithLinks(s.org.id, s.waveId);
    const q = await questionIds(s.waveId);
    const respondents = s.people.filter((_, i) => i % 2 === 0);
    for (const person of respondents) expect((await submitResponse(db, links.get(person.email)!, templateAnswers(q))).outcome).toBe("stored");
    const copy = await databaseCopy();
    const ballots = (copy.ballot as { wave_id: string; token_hash: string; spent: boolean; __xmin: string; __ctid: string }[]).filter((row) => row.wave_id === s.waveId);
    const invitations = (copy.invitation as { id: string; wave_id: string; person_id: string; __xmin: string }[]).filter((row) => row.wave_id === s.waveId);
    // Keys: no hash of anything the database holds about a person is a ballot's key.
    const hashes = new Set(ballots.map((ballot) => ballot.token_hash));
    for (const invitation of invitations) {
      const person = s.people.find((p) => p.id === invitation.person_id)!;
      for (const guess of [invitation.id, person.id, person.email]) {
        for (const encoding of ["base64url", "hex", "base64"] as const) expect(hashes.has(createHash("sha256").update(guess).digest(encoding))).toBe(false);
      }
    }
    // Transaction: every ballot was written with every invitation, in the launch transaction.
    expect(new Set(ballots.filter((b) => !b.spent).map((b) => b.__xmin)).size).toBe(1);
    expect(new Set(invitations.map((row) => row.__xmin))).toEqual(new Set(ballots.filter((b) => !b.spent).map((b) => b.__xmin)));
    // Order: pairing ballots and invitations by their place on disk recovers who answered no better than chance.
    const answered = new Set(respondents.map((person) => person.id));
    const byLaunchOrder = [...ballots].sort((a, b) => a.__ctid.localeCompare(b.__ctid, undefined, { numeric: true }));
    const guessedRight = invitations.filter((invitation, i) => byLaunchOrder[i] && answered.has(invitation.person_id) === byLaunchOrder[i]!.spent).length;
    expect(guessedRight).toBeLessThan(invitations.length * 0.85);
  });

  it("finds no time finer than nothing on an answer, and no trace of a submission outside its ballot and the sealed pool", async () => {
    const s = await createOrgWithSurvey();
    const links = await openWithLinks(s.org.id, s.waveId);
    const q = await questionIds(s.waveId);
    const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name in ('response', 'answer', 'nomination_count', 'response_pool', 'ballot')`.execute(db);
    for (const column of columns) expect(`${column.table_name}.${column.column_name}: ${column.data_type}`).not.toMatch(/: (date|timestamp|time)/);
    const before = await databaseCopy();
    expect((await submitResponse(db, links.get("eng1@acme.test")!, templateAnswers(q))).outcome).toBe("stored");
    const after = await databaseCopy();
    const changed = Object.keys(after).filter((table) => JSON.stringify(after[table]) !== JSON.stringify(before[table]));
    expect(changed.sort()).toEqual(["ballot", "response_pool"]);
  });
});
