import { databaseConfigFromEnv, describeDatabase, openDatabase } from "./connection";
import { prepareDatabase } from "../app/modules/prepare-database.server";

const handle = openDatabase(databaseConfigFromEnv());
try {
  const applied = await prepareDatabase(handle.db);
  console.log(
    applied.length === 0
      ? `Database is up to date (${describeDatabase(handle.config)}).`
      : `Applied ${applied.length} migration(s) to ${describeDatabase(handle.config)}:\n  ${applied.join("\n  ")}`,
  );
} finally {
  await handle.close();
}
