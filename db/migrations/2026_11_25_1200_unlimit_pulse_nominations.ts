import type { Kysely } from "kysely";

// The Influence & Authority Pulse's nomination questions lose their limits (3, 5, 3). A cap
// biases network figures, leadership and status items are best asked without one, and in
// published advice networks people name 15–20 colleagues: with the old limits, a fifth or more of
// real ties could not be entered. Only the template changes; waves already created keep the
// questions (and the wording) their respondents saw or will see.

const TEMPLATE = "influence-and-authority-pulse";

// The first sentence states the limit on its own: the respondent page rewrites it if an admin
// sets a limit on a survey made from the template.
const UNLIMITED: Record<string, string> = {
  follow: "Choose as many people as you like. They will never see that you chose them.",
  advice: "Choose as many people as you like. Think of everyone you really turn to, in your team or beyond. They will never see that you chose them.",
  moments: "Choose as many people as you like. They will never see that you chose them.",
};

// As the seed migration wrote them, for going back.
const LIMITED: Record<string, { description: string; maxNominations: number }> = {
  follow: { description: "Choose up to three people. They will never see that you chose them.", maxNominations: 3 },
  advice: { description: "Choose up to five people.", maxNominations: 5 },
  moments: { description: "Choose up to three people.", maxNominations: 3 },
};

type TemplateQuestion = { key: string; kind: string; description?: string | null; options?: Record<string, unknown> };

async function rewrite(db: Kysely<any>, change: (question: TemplateQuestion) => TemplateQuestion) {
  const row = await db.selectFrom("survey_template").select("questions").where("key", "=", TEMPLATE).executeTakeFirst();
  if (!row) return; // a database without the template has nothing to change
  const questions: TemplateQuestion[] = typeof row.questions === "string" ? JSON.parse(row.questions) : row.questions;
  const changed = questions.map((question) => (question.kind === "nomination" ? change(question) : question));
  await db.updateTable("survey_template").set({ questions: JSON.stringify(changed) }).where("key", "=", TEMPLATE).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await rewrite(db, (question) => {
    if (!(question.key in UNLIMITED)) return question;
    const { maxNominations: _limit, ...options } = question.options ?? {};
    return { ...question, description: UNLIMITED[question.key], options };
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await rewrite(db, (question) => {
    const limited = LIMITED[question.key];
    if (!limited) return question;
    return { ...question, description: limited.description, options: { ...question.options, maxNominations: limited.maxNominations } };
  });
}
