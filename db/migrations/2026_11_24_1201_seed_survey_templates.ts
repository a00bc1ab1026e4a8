import type { Kysely } from "kysely";

// The instrument as it stood when this migration was written; later wording changes get a new
// migration, so that past waves keep the text their respondents saw.
const likert = (key: string, construct: string, prompt: string) => ({ key, kind: "likert", prompt, construct, required: true });

const INFLUENCE_AND_AUTHORITY_PULSE = [
  {
    key: "follow",
    kind: "nomination",
    prompt: "Imagine someone here started something new tomorrow. Whose lead would you follow, even if they had no authority over you?",
    description: "Choose up to three people. They will never see that you chose them.",
    construct: "followership",
    required: false,
    options: { maxNominations: 3 },
  },
  {
    key: "advice",
    kind: "nomination",
    prompt: "Who do you go to when you need advice or a second opinion on your work?",
    description: "Choose up to five people.",
    construct: "advice",
    required: false,
    options: { maxNominations: 5 },
  },
  {
    key: "moments",
    kind: "nomination",
    prompt: "Who helps the people around them do their best work: stepping up when it matters, and stepping back when someone else knows more?",
    description: "Choose up to three people.",
    construct: "leadership.moments",
    required: false,
    options: { maxNominations: 3 },
  },
  likert("positional_position", "authority.positional", "People on my team follow my manager's direction mainly because of their position."),
  likert("positional_risk", "authority.positional", "Disagreeing openly with my manager would be risky for me."),
  likert("earned_without_title", "authority.earned", "I would follow my manager's lead even if they did not have the title."),
  likert("earned_trust", "authority.earned", "My manager has earned my trust through their work, not through their role."),
  likert("moments_expertise", "leadership.moments", "On our team, whoever knows most about a problem takes the lead on it, whatever their role."),
  likert("open_space_energy", "open_space", "I can put my energy into the work I care about without waiting to be told."),
  likert("open_space_conversation", "open_space", "Decisions here come out of conversation more than instruction."),
  {
    key: "enps",
    kind: "scale",
    prompt: "How likely are you to recommend working here to a friend?",
    construct: "engagement",
    required: true,
  },
  {
    key: "comment",
    kind: "text",
    prompt: "Is there anything else you would like the people who lead here to hear?",
    description: "Optional. Comments are shown only for groups of at least ten, in random order, without dates.",
    construct: null,
    required: false,
    options: { maxLength: 1000 },
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto("survey_template")
    .values([
      {
        key: "influence-and-authority-pulse",
        name: "Influence & Authority Pulse",
        description:
          "Whom people would follow, ask for advice and see helping others, plus how positional or earned the authority around them feels. About five minutes.",
        position: 1,
        questions: JSON.stringify(INFLUENCE_AND_AUTHORITY_PULSE),
      },
      { key: "blank", name: "Blank survey", description: "Start from nothing and add your own questions.", position: 2, questions: JSON.stringify([]) },
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom("survey_template").where("key", "in", ["influence-and-authority-pulse", "blank"]).execute();
}
