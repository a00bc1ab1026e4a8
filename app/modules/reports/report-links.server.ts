import { createHmac } from "node:crypto";
import type { Db } from "~/db.server";
import { seal, unseal } from "~/modules/anonymity/seal.server";
import { derivedKey } from "~/modules/secret.server";
import { shuffle } from "~/modules/shuffle.server";
import { hashToken } from "~/modules/tokens.server";

/**
 * Links to private reports: one for every invitation of a closed wave, answered or not, so that
 * having one says nothing about answering. Like ballots, the rows are written in random order and
 * whose report a row opens sits sealed in it; the token is derived from the invitation with the
 * app secret and only its hash is stored. A report link never leads to a ballot, nor a ballot to a
 * report: they are derived under different keys.
 */

type Claims = { invitationId: string };

const CHUNK = 1_000;

function reportToken(invitationId: string): string {
  return createHmac("sha256", derivedKey("report-token-v1")).update(invitationId).digest("base64url");
}

export function reportLink(baseUrl: string, invitationId: string): string {
  return `${baseUrl}/me/${reportToken(invitationId)}`;
}

/** One report link per invitation, in random order, in the caller's (closing) transaction. */
export async function issueReportLinks(db: Db, orgId: string, waveId: string, invitations: readonly { id: string }[]): Promise<void> {
  const rows = shuffle(
    invitations.map((invitation) => ({
      token_hash: hashToken(reportToken(invitation.id)),
      organization_id: orgId,
      wave_id: waveId,
      claims: seal("report-claims-v1", { invitationId: invitation.id } satisfies Claims),
    })),
  );
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db.insertInto("report_link").values(rows.slice(start, start + CHUNK)).onConflict((oc) => oc.column("token_hash").doNothing()).execute();
  }
}

export type FoundReport = { orgId: string; waveId: string; personId: string };

export async function findReportLink(db: Db, token: string): Promise<FoundReport | undefined> {
  const row = await db.selectFrom("report_link").select(["organization_id", "wave_id", "claims"]).where("token_hash", "=", hashToken(token)).executeTakeFirst();
  if (!row) return undefined;
  const { invitationId } = unseal<Claims>("report-claims-v1", row.claims);
  const invitation = await db
    .selectFrom("invitation")
    .select("person_id")
    .where("organization_id", "=", row.organization_id)
    .where("wave_id", "=", row.wave_id)
    .where("id", "=", invitationId)
    .executeTakeFirst();
  return invitation ? { orgId: row.organization_id, waveId: row.wave_id, personId: invitation.person_id } : undefined;
}
