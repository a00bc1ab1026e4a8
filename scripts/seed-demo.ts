import { databaseConfigFromEnv, describeDatabase, getDatabase, closeDatabase } from "../db/connection";
import { config } from "../config";
import { migrateToLatest } from "../db/migrator";
import { seedDemo } from "./demo/seed-demo.server";

// npm run seed:demo -- --people 2000: a larger demo company, to try the app at scale.
const peopleArgument = process.argv.indexOf("--people");
const people = peopleArgument > 0 ? Number(process.argv[peopleArgument + 1]) : 150;
if (!Number.isInteger(people) || people < 20 || people > 50_000) {
  console.error("--people takes a whole number from 20 to 50,000.");
  process.exit(2);
}

const handle = getDatabase();
try {
  await migrateToLatest(handle.db);
  const result = await seedDemo(handle.db, { people });
  console.log(`Demo organization ready in ${describeDatabase(databaseConfigFromEnv())}.`);
  console.log(`\n  Start the app (npm start), open http://localhost:${config().PORT}/login and log in as:`);
  for (const account of result.accounts) console.log(`    ${account.role.padEnd(8)} ${account.email}  /  ${account.password}`);
  console.log(`\n  Organization: /o/${result.orgSlug}`);
} finally {
  await closeDatabase();
}
