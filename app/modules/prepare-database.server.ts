import type { Db } from "~/db.server";
import { migrateToLatest } from "@db/migrator";
import { upgradeLegacyAnonymity } from "~/modules/anonymity/legacy-upgrade.server";

/**
 * Brings a database up to date: the migrations, then the one data upgrade that needs the app
 * secret (legacy-upgrade.server.ts), which migrations never see. Run at start, by
 * `npm run db:migrate`, and by the tests.
 */
export async function prepareDatabase(db: Db): Promise<string[]> {
  const applied = await migrateToLatest(db);
  const upgraded = await upgradeLegacyAnonymity(db);
  if (upgraded > 0) console.log(`Moved the links and answers of ${upgraded} wave(s) stored by an earlier version to the present anonymity model.`);
  return applied;
}
