import { isRouteErrorResponse, useActionData, useRouteError } from "@remix-run/react";
import type { SubmissionValues } from "~/modules/responses/submission";
import { RespondentMessage } from "./respondent-layout";

/**
 * The respondent pages' error page. A 503 means the database is away for a moment: if answers
 * were just sent, nothing was stored, and they come back here as hidden fields so that one
 * button sends them again exactly as they were (no JavaScript needed; the page script also keeps
 * them in the tab).
 */
export function RespondentErrorBoundary() {
  const error = useRouteError();
  const unsent = useActionData<{ values?: SubmissionValues }>();
  if (!isRouteErrorResponse(error) || error.status !== 503) {
    return (
      <RespondentMessage title="Something went wrong">
        <p>Your answers were not sent. Please go back and try again in a moment.</p>
      </RespondentMessage>
    );
  }
  if (!unsent?.values) {
    return (
      <RespondentMessage title="The survey is unavailable for a moment">
        <p>It cannot reach its database just now. Nothing is lost: please reload this page in a minute.</p>
      </RespondentMessage>
    );
  }
  return (
    <RespondentMessage title="Nothing was saved yet">
      <p>The survey could not reach its database just now, so your answers were not stored. They are kept on this page: please send them again in a moment.</p>
      <form method="post">
        {Object.entries(unsent.values).flatMap(([name, values]) =>
          values.map((value, index) => <input key={`${name}:${index}`} type="hidden" name={name} value={value} />),
        )}
        <button type="submit" className="btn-primary mt-2 w-full py-3 text-base sm:w-auto">
          Send again
        </button>
      </form>
    </RespondentMessage>
  );
}
