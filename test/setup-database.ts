import { afterAll } from "vitest";
import { closeDatabase, getDatabase } from "../db/connection";
import { prepareDatabase } from "../app/modules/prepare-database.server";
import { createServerDatabase } from "./test-database";

// Runs before each *.server.test.ts file: the app's process-wide database becomes a fresh,
// migrated one, so route modules that import it talk to this file's database only.
let dropServerDatabase: (() => Promise<void>) | undefined;

await closeDatabase();
if (process.env.TEST_DATABASE_URL) {
  const created = await createServerDatabase(process.env.TEST_DATABASE_URL);
  process.env.DATABASE_URL = created.url;
  dropServerDatabase = created.drop;
} else {
  delete process.env.DATABASE_URL;
  process.env.EARNED_DATA_DIR = "memory://";
}
process.env.APP_SECRET ??= "test-secret-not-for-production-0123456789";
await prepareDatabase(getDatabase().db);

afterAll(async () => {
  await closeDatabase();
  await dropServerDatabase?.();
});
