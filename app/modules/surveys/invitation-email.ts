import { commentMinimum } from "~/modules/anonymity/policy";

/**
 * The survey invitation and reminder, as text. The link is not in the stored body: a placeholder
 * stands in its place and is filled when the message is sent, so no message holds a working link
 * at rest (see email.server.ts).
 */
export const LINK_PLACEHOLDER = "{{link}}";

export type InvitationEmailInput = {
  orgName: string;
  surveyName: string;
  personName: string;
  closesAt: Date | null;
  k: number;
  commentMinimum: number;
  reminder: boolean;
  /** Reports go out only through a mail server (publish.server.ts). */
  privateReport: boolean;
};

export function invitationEmail({ orgName, surveyName, personName, closesAt, k, commentMinimum: configured, reminder, privateReport }: InvitationEmailInput): { subject: string; text: string } {
  const firstName = personName.split(" ")[0] || personName;
  const lines = [
    `Hello ${firstName},`,
    "",
    reminder
      ? `There is still time to answer “${surveyName}”. It takes about five minutes. If you have already answered, thank you: there is nothing more to do, and this reminder went to everyone.`
      : `${orgName} is asking everyone a few questions about whose lead people follow. It takes about five minutes.`,
    "",
    `Your link: ${LINK_PLACEHOLDER}`,
    "",
    `Your answers are stored without your name, your link or the time you answered. Results are shown only for groups in which at least ${k} people answered, and comments only for groups of at least ${commentMinimum(k, configured)}.`,
    "The link is yours alone and works once; please do not forward it.",
    ...(closesAt ? [`The survey closes on ${closesAt.toUTCString().slice(0, 16)}.`] : []),
    ...(privateReport
      ? ["", "When the survey closes, everyone invited gets a private report by email, whether or not they answered: how often colleagues chose them (never who) and what leaders can see about them."]
      : []),
  ];
  return {
    subject: reminder ? `Reminder: ${surveyName}` : `${orgName} asks for your view: ${surveyName}`,
    text: lines.join("\n"),
  };
}

export function withLink(body: string, link: string): string {
  return body.split(LINK_PLACEHOLDER).join(link);
}
