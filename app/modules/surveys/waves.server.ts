import { sql } from "kysely";
import type { Db } from "~/db.server";
import { participationByDepartment } from "~/modules/anonymity/participation";
import { nudgeEmailDelivery, queueEmails, smtpConfigured, type OutgoingEmail } from "~/modules/email/email.server";
import { releaseClosedWave } from "~/modules/responses/pool.server";
import { assignSegments } from "~/modules/anonymity/segments";
import { hashToken, newToken } from "~/modules/tokens.server";
import { launchProblems, nextStatus } from "./lifecycle";
import { parseOptions, type QuestionDefinition } from "./questions";
import { insertQuestions, resolveAudience, type AudienceMember } from "./surveys.server";
import { parseAudience } from "./audience";

const CHUNK = 1_000;

export type TransitionOutcome =
  | { outcome: "done" }
  | { outcome: "not-found" }
  | { outcome: "not-allowed"; status: string }
  | { outcome: "problems"; problems: string[] };

type Launch = { baseUrl: string; now?: Date };

async function lockWave(db: Db, orgId: string, waveId: string) {
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
    ])
    .where("survey_wave.organization_id", "=", orgId)
    .where("survey_wave.id", "=", waveId)
    .forUpdate("survey_wave")
    .executeTakeFirst();
}

async function waveQuestions(db: Db, waveId: string): Promise<(QuestionDefinition & { position: number })[]> {
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
  const wave = await db
    .selectFrom("survey_wave")
    .select(["audience", "min_group_size"])
    .where("organization_id", "=", orgId)
    .where("id", "=", waveId)
    .executeTakeFirst();
  if (!wave) return undefined;
  const audience = await resolveAudience(db, orgId, parseAudience(wave.audience));
  return {
    audienceSize: audience.length,
    problems: launchProblems({
      questions: await waveQuestions(db, waveId),
      audienceSize: audience.length,
      minGroupSize: wave.min_group_size,
      opensAt: timing.opensAt,
      closesAt: timing.closesAt,
      now: timing.now ?? new Date(),
    }),
  };
}

/**
 * Opens a wave: one invitation per person in the audience, each with its anonymity segment and a
 * single-use link, emailed when the wave is distributed by email. A second call (a double click,
 * a second instance's scheduler) finds the wave open and creates nothing.
 */
export async function openWave(db: Db, orgId: string, waveId: string, { baseUrl, now = new Date() }: Launch): Promise<TransitionOutcome> {
  const outcome = await db.transaction().execute(async (tx): Promise<TransitionOutcome> => {
    const wave = await lockWave(tx, orgId, waveId);
    if (!wave) return { outcome: "not-found" };
    if (!nextStatus(wave.status, "open")) return { outcome: "not-allowed", status: wave.status };
    const audience = await resolveAudience(tx, orgId, parseAudience(wave.audience));
    const problems = launchProblems({
      questions: await waveQuestions(tx, waveId),
      audienceSize: audience.length,
      minGroupSize: wave.min_group_size,
      opensAt: null,
      closesAt: wave.closes_at ? new Date(wave.closes_at) : null,
      now,
    });
    if (problems.length > 0) return { outcome: "problems", problems };

    const segments = assignSegments(audience, wave.min_group_size);
    const invitations: { id: string; person: AudienceMember }[] = [];
    for (let start = 0; start < audience.length; start += CHUNK) {
      const chunk = audience.slice(start, start + CHUNK);
      const rows = await tx
        .insertInto("invitation")
        .values(chunk.map((person) => ({ organization_id: orgId, wave_id: waveId, person_id: person.id, segment: segments.get(person.id)! })))
        .returning(["id", "person_id"])
        .execute();
      const byPerson = new Map(chunk.map((person) => [person.id, person]));
      for (const row of rows) invitations.push({ id: row.id, person: byPerson.get(row.person_id)! });
    }
    const links = await issueTokens(tx, invitations, wave.base_url ?? baseUrl);
    if (wave.distribution === "email") {
      await queueEmails(
        tx,
        invitations.map(({ id, person }) =>
          invitationEmail({ orgId, orgName: wave.orgName, surveyName: wave.surveyName, person, link: links.get(id)!, closesAt: wave.closes_at }),
        ),
      );
    }
    await tx
      .updateTable("survey_wave")
      .set({ status: "open", opened_at: now, opens_at: wave.opens_at ?? now, base_url: wave.base_url ?? baseUrl })
      .where("id", "=", waveId)
      .execute();
    return { outcome: "done" };
  });
  if (outcome.outcome === "done") await nudgeEmailDelivery();
  return outcome;
}

/** New links for the given invitations; returns invitation id → URL. */
async function issueTokens(db: Db, invitations: { id: string }[], baseUrl: string): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  const rows = invitations.map(({ id }) => {
    const token = newToken();
    links.set(id, `${baseUrl}/r/${token}`);
    return { token_hash: hashToken(token), invitation_id: id };
  });
  for (let start = 0; start < rows.length; start += CHUNK) {
    await db.insertInto("invitation_token").values(rows.slice(start, start + CHUNK)).execute();
  }
  return links;
}

function invitationEmail({
  orgId,
  orgName,
  surveyName,
  person,
  link,
  closesAt,
  reminder = false,
}: {
  orgId: string;
  orgName: string;
  surveyName: string;
  person: { name: string; email: string };
  link: string;
  closesAt: Date | null;
  reminder?: boolean;
}): OutgoingEmail {
  const firstName = person.name.split(" ")[0] ?? person.name;
  return {
    orgId,
    kind: reminder ? "survey-reminder" : "survey-invitation",
    to: person.email,
    subject: reminder ? `Reminder: ${surveyName}` : `${orgName} asks for your view: ${surveyName}`,
    text: [
      `Hello ${firstName},`,
      "",
      reminder
        ? `There is still time to answer “${surveyName}”. It takes about five minutes.`
        : `${orgName} is asking everyone a few questions about whose lead people follow. It takes about five minutes.`,
      "",
      `Your link: ${link}`,
      "",
      "Your answers are anonymous: they are stored without your name, your link or the time you answered, and results are only ever shown for groups of several people.",
      "The link is yours alone and works once; please do not forward it.",
      closesAt ? `The survey closes on ${new Date(closesAt).toUTCString().slice(0, 16)}.` : "",
    ]
      .filter((line, index, lines) => line !== "" || lines[index - 1] !== "")
      .join("\n"),
  };
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
  return simpleTransition(db, orgId, waveId, "unschedule", { status: "draft" });
}

/** Closing releases what the pool holds, if the wave reached k; otherwise it stays sealed. */
export async function closeWave(db: Db, orgId: string, waveId: string, now = new Date()): Promise<TransitionOutcome> {
  const outcome = await simpleTransition(db, orgId, waveId, "close", { status: "closed", closed_at: now });
  if (outcome.outcome === "done") await releaseClosedWave(db, waveId);
  return outcome;
}

async function simpleTransition(
  db: Db,
  orgId: string,
  waveId: string,
  action: "unschedule" | "close",
  set: { status: "draft" | "closed"; closed_at?: Date },
): Promise<TransitionOutcome> {
  return db.transaction().execute(async (tx): Promise<TransitionOutcome> => {
    const wave = await lockWave(tx, orgId, waveId);
    if (!wave) return { outcome: "not-found" };
    if (!nextStatus(wave.status, action)) return { outcome: "not-allowed", status: wave.status };
    await tx.updateTable("survey_wave").set(set).where("id", "=", waveId).execute();
    return { outcome: "done" };
  });
}

export type NextWaveOutcome = { outcome: "created" | "exists"; waveId: string } | { outcome: "not-found" };

/**
 * The next wave of a series: the same questions (same keys, so results line up across waves),
 * audience and settings, as a draft.
 */
export async function startNextWave(db: Db, orgId: string, surveyId: string, opensAt: Date | null = null): Promise<NextWaveOutcome> {
  return db.transaction().execute(async (tx): Promise<NextWaveOutcome> => {
    await sql`select pg_advisory_xact_lock(hashtext(${`next-wave:${surveyId}`}))`.execute(tx);
    const latest = await tx
      .selectFrom("survey_wave")
      .select(["id", "number", "status", "min_group_size", "audience", "distribution", "reminder_days", "opens_at", "closes_at"])
      .where("organization_id", "=", orgId)
      .where("survey_id", "=", surveyId)
      .orderBy("number", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!latest) return { outcome: "not-found" };
    if (latest.status === "draft" || latest.status === "scheduled") return { outcome: "exists", waveId: latest.id };
    const duration = latest.opens_at && latest.closes_at ? new Date(latest.closes_at).getTime() - new Date(latest.opens_at).getTime() : null;
    const wave = await tx
      .insertInto("survey_wave")
      .values({
        organization_id: orgId,
        survey_id: surveyId,
        number: latest.number + 1,
        status: "draft",
        min_group_size: latest.min_group_size,
        audience: JSON.stringify(latest.audience),
        distribution: latest.distribution,
        reminder_days: JSON.stringify(latest.reminder_days),
        opens_at: opensAt,
        closes_at: opensAt && duration ? new Date(opensAt.getTime() + duration) : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await insertQuestions(tx, orgId, wave.id, await waveQuestions(tx, latest.id));
    return { outcome: "created", waveId: wave.id };
  });
}

/**
 * A fresh link for every invitation of an open wave, for the admin to hand out (chat, print).
 * Earlier links keep working; every invitation gets one, answered or not, so the list does not
 * tell who has answered.
 */
export async function issueLinkList(db: Db, orgId: string, waveId: string, baseUrl: string) {
  return db.transaction().execute(async (tx) => {
    const wave = await tx.selectFrom("survey_wave").select(["status"]).where("organization_id", "=", orgId).where("id", "=", waveId).executeTakeFirst();
    if (!wave || wave.status !== "open") return undefined;
    const invitations = await tx
      .selectFrom("invitation")
      .innerJoin("person", "person.id", "invitation.person_id")
      .select(["invitation.id", "person.name", "person.email", "person.department"])
      .where("invitation.wave_id", "=", waveId)
      .orderBy("person.name")
      .execute();
    const links = await issueTokens(tx, invitations, baseUrl);
    return invitations.map((invitation) => ({ name: invitation.name, email: invitation.email, department: invitation.department ?? "", link: links.get(invitation.id)! }));
  });
}

/** An open link anyone can use (responses marked unverified); the token is shown once. */
export async function createOpenLink(db: Db, orgId: string, waveId: string): Promise<string | undefined> {
  const token = newToken();
  const { numUpdatedRows } = await db
    .updateTable("survey_wave")
    .set({ open_link_token_hash: hashToken(token) })
    .where("organization_id", "=", orgId)
    .where("id", "=", waveId)
    .where("status", "in", ["draft", "scheduled", "open"])
    .executeTakeFirst();
  return numUpdatedRows > 0n ? token : undefined;
}

export async function removeOpenLink(db: Db, orgId: string, waveId: string): Promise<void> {
  await db.updateTable("survey_wave").set({ open_link_token_hash: null }).where("organization_id", "=", orgId).where("id", "=", waveId).execute();
}

/** Counts only, never names (see participationByDepartment). */
export async function waveProgress(db: Db, orgId: string, waveId: string, k: number) {
  const rows = await db
    .selectFrom("invitation")
    .innerJoin("person", "person.id", "invitation.person_id")
    .select((eb) => [
      "person.department",
      eb.fn.countAll<number>().as("invited"),
      eb.fn.count<number>("invitation.id").filterWhere("invitation.answered", "=", true).as("answered"),
    ])
    .where("invitation.organization_id", "=", orgId)
    .where("invitation.wave_id", "=", waveId)
    .groupBy("person.department")
    .execute();
  const cells = rows.map((row) => ({ department: row.department, invited: Number(row.invited), answered: Number(row.answered) }));
  const reminders = await db.selectFrom("wave_reminder").select(["reminder_day", "sent_on", "recipients"]).where("wave_id", "=", waveId).orderBy("reminder_day").execute();
  return {
    invited: cells.reduce((sum, cell) => sum + cell.invited, 0),
    answered: cells.reduce((sum, cell) => sum + cell.answered, 0),
    byDepartment: participationByDepartment(cells, k),
    reminders,
  };
}

/**
 * Reminders due by now: each (wave, day) once, whichever instance gets there first. Every
 * invitation gets a new link; only those not answered get the email.
 */
export async function sendDueReminders(db: Db, now = new Date()): Promise<number> {
  if (!smtpConfigured()) return 0;
  const waves = await db
    .selectFrom("survey_wave")
    .innerJoin("survey", "survey.id", "survey_wave.survey_id")
    .innerJoin("organization", "organization.id", "survey_wave.organization_id")
    .select([
      "survey_wave.id",
      "survey_wave.organization_id",
      "survey_wave.opened_at",
      "survey_wave.closes_at",
      "survey_wave.reminder_days",
      "survey_wave.base_url",
      "survey.name as surveyName",
      "organization.name as orgName",
    ])
    .where("survey_wave.status", "=", "open")
    .where("survey_wave.distribution", "=", "email")
    .execute();
  let sent = 0;
  for (const wave of waves) {
    for (const day of wave.reminder_days) {
      if (!wave.opened_at || new Date(wave.opened_at).getTime() + day * 86_400_000 > now.getTime()) continue;
      sent += await db.transaction().execute(async (tx) => {
        const claimed = await tx
          .insertInto("wave_reminder")
          .values({ wave_id: wave.id, reminder_day: day, recipients: 0 })
          .onConflict((oc) => oc.columns(["wave_id", "reminder_day"]).doNothing())
          .returning("wave_id")
          .executeTakeFirst();
        if (!claimed) return 0;
        const invitations = await tx
          .selectFrom("invitation")
          .innerJoin("person", "person.id", "invitation.person_id")
          .select(["invitation.id", "invitation.answered", "person.name", "person.email"])
          .where("invitation.wave_id", "=", wave.id)
          .execute();
        const links = await issueTokens(tx, invitations, wave.base_url ?? "");
        const pending = invitations.filter((invitation) => !invitation.answered);
        await queueEmails(
          tx,
          pending.map((invitation) =>
            invitationEmail({
              orgId: wave.organization_id,
              orgName: wave.orgName,
              surveyName: wave.surveyName,
              person: invitation,
              link: links.get(invitation.id)!,
              closesAt: wave.closes_at,
              reminder: true,
            }),
          ),
        );
        await tx.updateTable("wave_reminder").set({ recipients: pending.length }).where("wave_id", "=", wave.id).where("reminder_day", "=", day).execute();
        return pending.length;
      });
    }
  }
  if (sent > 0) await nudgeEmailDelivery();
  return sent;
}

/**
 * The scheduler's pass: open scheduled waves that are due, close open waves whose time is up,
 * and put the next wave of a repeating survey on the calendar.
 */
export async function processDueWaves(db: Db, now = new Date()): Promise<{ opened: number; closed: number; scheduled: number }> {
  const due = await db
    .selectFrom("survey_wave")
    .select(["id", "organization_id", "status", "base_url"])
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "scheduled"), eb("opens_at", "<=", now)]),
        eb.and([eb("status", "=", "open"), eb("closes_at", "<=", now)]),
      ]),
    )
    .execute();
  let opened = 0;
  let closed = 0;
  for (const wave of due) {
    if (wave.status === "scheduled") {
      const outcome = await openWave(db, wave.organization_id, wave.id, { baseUrl: wave.base_url ?? "", now });
      if (outcome.outcome === "done") opened++;
      else if (outcome.outcome === "problems") {
        // The roster changed since scheduling (say, the audience shrank below k): back to draft, visibly.
        await unscheduleWave(db, wave.organization_id, wave.id);
        console.warn(`A scheduled wave could not open and went back to draft: ${outcome.problems.join(" ")}`);
      }
    } else if ((await closeWave(db, wave.organization_id, wave.id, now)).outcome === "done") {
      closed++;
    }
  }
  let scheduled = 0;
  const repeating = await db
    .selectFrom("survey")
    .innerJoin("survey_wave as w", "w.survey_id", "survey.id")
    .select(["survey.id", "survey.organization_id", "survey.repeat_every_weeks", "w.opened_at", "w.base_url"])
    .where("survey.repeat_every_weeks", "is not", null)
    .where("w.status", "in", ["open", "closed"])
    .where((eb) => eb("w.number", "=", eb.selectFrom("survey_wave as latest").select((inner) => inner.fn.max("latest.number").as("n")).whereRef("latest.survey_id", "=", "survey.id")))
    .execute();
  for (const survey of repeating) {
    const opensAt = new Date(Math.max(new Date(survey.opened_at!).getTime() + survey.repeat_every_weeks! * 7 * 86_400_000, now.getTime() + 3_600_000));
    const next = await startNextWave(db, survey.organization_id, survey.id, opensAt);
    if (next.outcome === "created") {
      const outcome = await scheduleWave(db, survey.organization_id, next.waveId, { baseUrl: survey.base_url ?? "", now });
      if (outcome.outcome === "done") scheduled++;
    }
  }
  return { opened, closed, scheduled };
}
