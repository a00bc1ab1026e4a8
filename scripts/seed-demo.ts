import { databaseConfigFromEnv, describeDatabase, getDatabase, closeDatabase } from "../db/connection";
import { migrateToLatest } from "../db/migrator";
import { seedDemo } from "./demo/seed-demo.server";

const handle = getDatabase();
try {
  await migrateToLatest(handle.db);
  const result = await seedDemo(handle.db);
  console.log(`Demo organization ready in ${describeDatabase(databaseConfigFromEnv())}.`);
  console.log(`\n  Start the app (npm start), open http://localhost:${process.env.PORT ?? 3000}/login and log in as:`);
  for (const account of result.accounts) console.log(`    ${account.role.padEnd(8)} ${account.email}  /  ${account.password}`);
  console.log(`\n  Organization: /o/${result.orgSlug}`);
} finally {
  await closeDatabase();
}
