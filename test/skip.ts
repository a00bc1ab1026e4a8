/**
 * For describe.skipIf: says on the console why a suite does not run here, so that a skipped
 * check is never mistaken for a passing one.
 */
export function skipBecause(reason: string | false): boolean {
  if (reason) console.info(`Skipped: ${reason}`);
  return Boolean(reason);
}

export const needsPostgres = (what: string) =>
  process.env.DATABASE_URL
    ? false
    : `${what} needs a PostgreSQL server (set TEST_DATABASE_URL); the embedded database lives in this process and cannot go away on its own.`;
