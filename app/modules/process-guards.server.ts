import { isDatabaseUnavailable } from "@db/errors";

/**
 * What the server process does with an error that nothing handled, decided here rather than
 * left to Node's defaults (which end the process on both):
 *
 * - An unhandled promise rejection is logged, with its stack and code, and the process keeps
 *   serving. Everything that matters lives in PostgreSQL and every write is a transaction, so a
 *   promise that failed with nobody awaiting it cannot leave half-done work behind; the ones
 *   seen in practice are database calls failing during an outage. Exiting would turn a few
 *   seconds of database restart into an outage of every instance, cut off every request in
 *   flight (respondents mid-submit included), and, without a supervisor that restarts the
 *   process, keep the app down after the database is back.
 * - An uncaught exception is logged and the process exits with status 1, for a supervisor
 *   (Docker's restart policy, Kubernetes, systemd) to start a clean one: a synchronous throw
 *   that escaped may have left objects in memory half-updated, and Node documents that resuming
 *   after one is unsafe. Losing the database no longer causes one: every pooled connection has
 *   an error listener (db/connection.ts).
 */
export function guardProcess(target: NodeJS.Process = process): void {
  let rejections = 0;
  target.on("unhandledRejection", (reason) => {
    rejections++;
    const kind = isDatabaseUnavailable(reason) ? "database unavailable" : "unexpected";
    console.error(`Unhandled promise rejection #${rejections} (${kind}); the process keeps serving: ${describeError(reason)}`);
  });
  target.on("uncaughtException", (error, origin) => {
    console.error(`Uncaught exception (${origin}); exiting for a clean restart: ${describeError(error)}`);
    target.exit(1);
  });
}

function describeError(reason: unknown, depth = 0): string {
  if (!(reason instanceof Error)) return String(reason);
  const code = (reason as { code?: unknown }).code;
  const described = `${reason.stack ?? reason.message}${typeof code === "string" ? ` [code ${code}]` : ""}`;
  return reason.cause !== undefined && depth < 3 ? `${described}\nCaused by: ${describeError(reason.cause, depth + 1)}` : described;
}
