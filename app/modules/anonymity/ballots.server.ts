import { createHmac } from "node:crypto";
import type { Db } from "~/db.server";
import { derivedKey } from "~/modules/secret.server";
import { shuffle } from "~/modules/shuffle.server";
import { hashToken } from "~/modules/tokens.server";
import { seal, unseal } from "./seal.server";

/**
 * Ballots: the right to answer once, kept apart from who holds it.
 *
 * An invitation says who was invited. Its ballot says whether the right was used, and is tied to
 * nobody in the clear: ballots are written in random order in the launch transaction, and the
 * invitation they belong to is sealed inside them (`claims`). Without the app secret, a copy of
 * the database can count spent ballots but not say whose they are.
 *
 * A link's token is derived from the invitation with the app secret, so the same link can be put
 * in a reminder or a link list without being stored anywhere: the database holds only its hash.
 * The cost, stated in the README: whoever holds the secret (the operator) can work out anyone's
 * link, and so whether they answered.
 */

type Claims = { invitationId: string };

const CHUNK = 1_000;

export function ballotToken(invitationId: string): string {
  return createHmac("sha256", derivedKey("ballot-token-v1")).update(invitationId).digest("base64url");
}

/** The stored form of an invitation's link. */
export function ballotHash(invitationId: string): string {
  return hashToken(ballotToken(invitationId));
}

export function respondentLink(baseUrl: string, invitationId: string): string {
  return `${baseUrl}/r/${ballotToken(invitationId)}`;
}

/** One ballot per invitation, in random order, in the caller's (launch) transaction. */
export async function issueBallots(db: Db, orgId: string, waveId: string, invitationIds: readonly string[]): Promise<void> {
  const rows = shuffle(
    invitationIds.map((invitationId) => ({
      token_hash: ballotHash(invitationId),
      organization_id: orgId,
      wave_id: waveId,
      claims: seal("ballot-claims-v1", { invitationId } satisfies Claims),
    })),
  );
  for (let start = 0; start < rows.length; start += CHUNK) await db.insertInto("ballot").values(rows.slice(start, start + CHUNK)).execute();
}

export type FoundBallot = { tokenHash: string; orgId: string; waveId: string; spent: boolean; invitationId: string };

/** The ballot behind a link, locked for the rest of the transaction when `forUpdate`. */
export async function findBallot(db: Db, token: string, { forUpdate = false } = {}): Promise<FoundBallot | undefined> {
  let query = db
    .selectFrom("ballot")
    .select(["token_hash", "organization_id", "wave_id", "spent", "claims"])
    .where("token_hash", "=", hashToken(token));
  if (forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const { invitationId } = unseal<Claims>("ballot-claims-v1", row.claims);
  return { tokenHash: row.token_hash, orgId: row.organization_id, waveId: row.wave_id, spent: row.spent, invitationId };
}

export async function spendBallot(db: Db, tokenHash: string): Promise<void> {
  await db.updateTable("ballot").set({ spent: true }).where("token_hash", "=", tokenHash).execute();
}

/** Invitations whose ballot was spent: known only by unsealing, so only to the app. */
export async function spentInvitations(db: Db, orgId: string, waveId: string): Promise<Set<string>> {
  const rows = await db.selectFrom("ballot").select("claims").where("organization_id", "=", orgId).where("wave_id", "=", waveId).where("spent", "=", true).execute();
  return new Set(rows.map((row) => unseal<Claims>("ballot-claims-v1", row.claims).invitationId));
}

/** Invited and answered per department, for the participation figures (suppressed elsewhere). */
export async function participationCounts(db: Db, orgId: string, waveId: string): Promise<{ department: string | null; invited: number; answered: number }[]> {
  const [spent, invitations] = await Promise.all([
    spentInvitations(db, orgId, waveId),
    db
      .selectFrom("invitation")
      .innerJoin("person", "person.id", "invitation.person_id")
      .select(["invitation.id", "person.department"])
      .where("invitation.organization_id", "=", orgId)
      .where("invitation.wave_id", "=", waveId)
      .execute(),
  ]);
  const byDepartment = new Map<string | null, { department: string | null; invited: number; answered: number }>();
  for (const invitation of invitations) {
    const row = byDepartment.get(invitation.department) ?? { department: invitation.department, invited: 0, answered: 0 };
    byDepartment.set(invitation.department, row);
    row.invited++;
    if (spent.has(invitation.id)) row.answered++;
  }
  return [...byDepartment.values()];
}
