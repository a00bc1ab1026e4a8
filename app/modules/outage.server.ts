import { data, type ServerBuild } from "@remix-run/node";
import { isDatabaseUnavailable } from "@db/errors";
import type { PersonOption } from "~/components/respondent-form";
import { collectValues, FORM_ERROR, type SubmissionValues } from "~/modules/responses/submission";

/**
 * While PostgreSQL cannot be reached (a restart, a failover, a network cut), requests that need
 * it answer 503 with a page that says so, not a 500 that reads like a bug, and the process keeps
 * running until the database is back (see the README's operations section).
 */

export const RETRY_AFTER_SECONDS = 10;

export const NOTHING_SAVED =
  "The survey could not reach its database just now, so nothing was saved. Your answers are still here: please send them again in a moment.";

export function databaseUnavailable() {
  return data(
    { reason: "database-unavailable" },
    { status: 503, statusText: "Service Unavailable", headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

let lastLogged = 0;
let unlogged = 0;

/**
 * One line per ten seconds of outage, not one per request. No path: respondent requests must not
 * leave a line saying when someone answered.
 */
export function noteDatabaseUnavailable(error: unknown): void {
  const now = Date.now();
  if (now - lastLogged < 10_000) {
    unlogged++;
    return;
  }
  const more = unlogged > 0 ? ` (${unlogged} more requests since the last line)` : "";
  console.error(`Database unavailable, answering 503${more}: ${(error as Error).message}`);
  lastLogged = now;
  unlogged = 0;
}

type Handler = (...args: never[]) => unknown;

function answering503<H extends Handler>(handler: H): H {
  return (async (...args: Parameters<H>) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      noteDatabaseUnavailable(error);
      throw databaseUnavailable();
    }
  }) as H;
}

/**
 * Every loader and action of the build answers 503 when the database is unavailable, for the
 * root ErrorBoundary (or a route's own) to show a "temporarily unavailable" page.
 */
export function withOutagePages(build: ServerBuild): ServerBuild {
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const { loader, action } = route.module;
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: answering503(loader) } : {}),
        ...(action ? { action: answering503(action) } : {}),
      },
    };
  }
  return { ...build, routes };
}

export type UnsentAnswers = {
  kind: "form";
  status: 503;
  values: SubmissionValues;
  errors: Record<string, string>;
  chosen: PersonOption[];
};

/**
 * A respondent's post that could not be stored because the database is away, sent back as it
 * came: the page shows the form again with these values when it can still load the survey, or
 * a page that can send them again as they are when it cannot (RespondentErrorBoundary).
 */
export function unsentAnswers(formData: FormData): UnsentAnswers {
  const values = collectValues(formData.entries());
  const chosenIds = Object.entries(values).flatMap(([name, ids]) => (name.startsWith("n-") ? ids : []));
  return {
    kind: "form",
    status: 503,
    values,
    errors: { [FORM_ERROR]: NOTHING_SAVED },
    // Names need the database; they come back when the answers are sent again.
    chosen: [...new Set(chosenIds)].map((id) => ({ id, name: "Someone you chose", title: null, department: null })),
  };
}

/**
 * Runs a respondent's post. If the database is away, the answer is 503 with their answers
 * instead of an error page that loses them; nothing was stored (a failed transaction stores
 * nothing), so sending again is safe, and a link already used says so.
 */
export async function keepingAnswersThroughOutages<T>(formData: FormData, post: () => Promise<T>) {
  try {
    return await post();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    noteDatabaseUnavailable(error);
    return data(unsentAnswers(formData), { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } });
  }
}
