/**
 * The email that brings each invited person their private report when a wave closes. As with
 * survey links, the stored body holds a placeholder, filled only when the message is sent.
 */
export const REPORT_PLACEHOLDER = "{{report}}";

export function reportEmail({ orgName, surveyName, personName }: { orgName: string; surveyName: string; personName: string }): { subject: string; text: string } {
  const firstName = personName.split(" ")[0] || personName;
  return {
    subject: `Your private report: ${surveyName}`,
    text: [
      `Hello ${firstName},`,
      "",
      `The results of “${surveyName}” at ${orgName} are published. Your private report shows how often colleagues chose you, how that compares with the organization, and what leaders can see about you.`,
      "",
      `Your report: ${REPORT_PLACEHOLDER}`,
      "",
      "Everyone who was invited gets a report like this, whether or not they answered. It never says who chose you. The link is yours alone; please do not forward it.",
    ].join("\n"),
  };
}

export function withReportLink(body: string, link: string): string {
  return body.split(REPORT_PLACEHOLDER).join(link);
}
