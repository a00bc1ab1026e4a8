import { db } from "~/db.server";
import { respondToPersonalLink, THANKS_PAGE } from "./respondent-page.server";

/**
 * A personal link's answers taken by the HTTP server before Remix, for the one request every
 * respondent makes: it skips Remix's route matching and its Request and Response objects, about a
 * third of a submission's time in the server. Returns where to send the browser once the answers
 * are stored; anything else (a search, a mistake to show, a link no longer open, the database
 * away) returns null, and Remix answers the same POST as before, with its pages. Nothing is stored
 * unless it returns a place: the ballot is spent in the same transaction as the answers.
 */
export async function submitAnswersDirectly(token: string, contentType: string | undefined, body: Buffer): Promise<string | null> {
  if (!contentType?.startsWith("application/x-www-form-urlencoded")) return null;
  const fields = new URLSearchParams(body.toString("utf8"));
  if ((fields.get("intent") ?? "submit") !== "submit") return null;
  const reply = await respondToPersonalLink(db, token, fields);
  return reply.kind === "stored" ? THANKS_PAGE : null;
}
