import type { Db } from "~/db.server";
import { releaseClosedWave } from "~/modules/anonymity/pool.server";
import { nudgeEmailDelivery } from "~/modules/email/email.server";
import { nudge } from "~/modules/jobs/queue.server";
import { publishReports } from "~/modules/reports/publish.server";
import { parseAudience } from "./audience";
import { issueInvitations } from "./distribution.server";
import { launchProblems, nextStatus } from "./lifecycle";
import { parseOptions, type QuestionDefinition } from "./questions";
import { resolveAudience } from "./surveys.server";

/** A wave's way through draft → scheduled → open → closed (the rules are in lifecycle.ts). */

export type TransitionOutcome =
  | { outcome: "done" }
  | { outcome: "not-found" }
  | { outcome: "not-allowed"; status: string }
  | { outcome: "problems"; problems: string[] };

type Launch = { baseUrl: string; now?: Date };

export async function lockWave(db: Db, orgId: string, waveId: string) {
  return db
    .selectFrom("survey_wave")
    .innerJoin("survey", "survey.id", "survey_wave.survey_id")
    .innerJoin("organization", "organization.id", "survey_wave.organization_id")
    .select([
      "survey_wave.id",
      "survey_wave.status",
      "survey_wave.audience",
      "survey_wave.min_group_size",
      "survey_wave.distribution",
      "survey_wave.opens_at",
      "survey_wave.closes_at",
      "survey_wave.base_url",
      "survey.name as surveyName",
      "organization.name as orgName",
      "organization.comment_min_group_size as commentMinimum",
    ])
    .where("survey_wave.organization_id", "=", orgId)
    .where("survey_wave.id", "=", waveId)
    .forUpdate("survey_wave")
    .executeTakeFirst();
}

export type LockedWave = NonNullable<Awaited<ReturnType<typeof lockWave>>>;

export async function waveQuestions(db: Db, waveId: string): Promise<(QuestionDefinition & { position: number })[]> {
  const rows = await db
    .selectFrom("question")
    .select(["key", "kind", "prompt", "description", "required", "construct", "options", "position"])
    .where("wave_id", "=", waveId)
    .orderBy("position")
    .execute();
  return rows.map((row) => ({ ...row, options: parseOptions(row.options) }));
}

/** Everything that stops a wave from opening, checked against the roster as it is now. */
export async function checkWaveLaunch(db: Db, orgId: string, waveId: string, timing: { opensAt: Date | null; closesAt: Date | null; now?: Date }) {
  const wave = await db.selectFrom("survey_wave").select(["audience", "min_group_size", "distribution"]).where("organization_id", "=", orgId).where("id", "=", waveId).executeTakeFirst();
  if (!wave) return undefined;
  const audience = await resolveAudience(db, orgId, parseAudience(wave.audience));
  return {
    audienceSize: audience.length,
    problems: launchProblems({
      questions: await waveQuestions(db, waveId),
      audienceSize: wave.distribution === "open" ? null : audience.length,
      minGroupSize: wave.min_group_size,
      opensAt: timing.opensAt,
      closesAt: timing.closesAt,
      now: timing.now ?? new Date(),
    }),
  };
}

/**
 * Opens a wave: with personal links, one invitation and one ballot per person in the audience,
 * emailed when the wave goes by email. A second call (a double click, a second instance's
 * scheduler) finds the wave open and creates nothing.
 */
export async function openWave(db: Db, orgId: string, waveId: string, { baseUrl, now = new Date() }: Launch): Promise<TransitionOutcome> {
  const outcome = await db.transaction().execute(async (tx): Promise<TransitionOutcome> => {
    const wave = await lockWave(tx, orgId, waveId);
    if (!wave) return { outcome: "not-found" };
    if (!nextStatus(wave.status, "open")) return { outcome: "not-allowed", status: wave.status };
    const audience = wave.distribution === "open" ? [] : await resolveAudience(tx, orgId, parseAudience(wave.audience));
    const problems = launchProblems({
      questions: await waveQuestions(tx, waveId),
      audienceSize: wave.distribution === "open" ? null : audience.length,
      minGroupSize: wave.min_group_size,
      opensAt: null,
      closesAt: wave.closes_at ? new Date(wave.closes_at) : null,
      now,
    });
    if (problems.length > 0) return { outcome: "problems", problems };
    const link = wave.base_url ?? baseUrl;
    const { adminsHoldLinks } = await issueInvitations(tx, orgId, { ...wave, base_url: link }, audience);
    await tx
      .updateTable("survey_wave")
      .set({ status: "open", opened_at: now, opens_at: wave.opens_at ?? now, base_url: link, admins_hold_links: adminsHoldLinks })
      .where("id", "=", waveId)
      .execute();
    return { outcome: "done" };
  });
  if (outcome.outcome === "done") await nudgeEmailDelivery();
  return outcome;
}

export async function scheduleWave(db: Db, orgId: string, waveId: string, { baseUrl, now = new Date() }: Launch): Promise<TransitionOutcome> {
  return db.transaction().execute(async (tx): Promise<TransitionOutcome> => {
    const wave = await lockWave(tx, orgId, waveId);
    if (!wave) return { outcome: "not-found" };
    if (!nextStatus(wave.status, "schedule")) return { outcome: "not-allowed", status: wave.status };
    if (!wave.opens_at) return { outcome: "problems", problems: ["Set the opening date and time first."] };
    const check = await checkWaveLaunch(tx, orgId, waveId, { opensAt: new Date(wave.opens_at), closesAt: wave.closes_at ? new Date(wave.closes_at) : null, now });
    if (check!.problems.length > 0) return { outcome: "problems", problems: check!.problems };
    await tx.updateTable("survey_wave").set({ status: "scheduled", base_url: baseUrl }).where("id", "=", waveId).execute();
    return { outcome: "done" };
  });
}

export async function unscheduleWave(db: Db, orgId: string, waveId: string): Promise<TransitionOutcome> {
  return transition(db, orgId, waveId, "unschedule", async (tx) => {
    await tx.updateTable("survey_wave").set({ status: "draft" }).where("id", "=", waveId).execute();
  });
}

/**
 * Closing issues everyone's private report link with the status change, then places every waiting
 * answer at once: in groups of k, or nowhere (release.ts).
 */
export async function closeWave(db: Db, orgId: string, waveId: string, now = new Date()): Promise<TransitionOutcome> {
  const outcome = await transition(db, orgId, waveId, "close", async (tx, wave) => {
    await tx.updateTable("survey_wave").set({ status: "closed", closed_at: now }).where("id", "=", waveId).execute();
    await publishReports(tx, orgId, wave);
  });
  if (outcome.outcome === "done") {
    await releaseClosedWave(db, waveId);
    // The reports read the closed wave's figures: compute them now rather than at the next sweep.
    await nudge("compute-analytics");
    await nudgeEmailDelivery();
  }
  return outcome;
}

async function transition(db: Db, orgId: string, waveId: string, action: "unschedule" | "close", apply: (tx: Db, wave: LockedWave) => Promise<void>): Promise<TransitionOutcome> {
  return db.transaction().execute(async (tx): Promise<TransitionOutcome> => {
    const wave = await lockWave(tx, orgId, waveId);
    if (!wave) return { outcome: "not-found" };
    if (!nextStatus(wave.status, action)) return { outcome: "not-allowed", status: wave.status };
    await apply(tx, wave);
    return { outcome: "done" };
  });
}
