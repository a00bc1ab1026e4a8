import { randomBytes } from "node:crypto";
import pg from "pg";

/**
 * Creates an empty database on the server named by TEST_DATABASE_URL and returns its URL and a
 * function that drops it. Each test file (and each e2e run) gets its own.
 */
export async function createServerDatabase(adminUrl: string, prefix = "earned_test") {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A database of its own, apart from the test file's: PGlite in memory, or a new one on the server. */
export async function isolatedDatabase() {
  const { openDatabase } = await import("../db/connection");
  if (!process.env.TEST_DATABASE_URL) {
    const handle = openDatabase({ driver: "pglite", dataDir: "memory://" });
    return { handle, drop: () => handle.close() };
  }
  const created = await createServerDatabase(process.env.TEST_DATABASE_URL);
  const handle = openDatabase({ driver: "pg", connectionString: created.url, poolSize: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await created.drop();
    },
  };
}
