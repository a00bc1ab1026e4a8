import { getDatabase, type Db } from "@db/connection";

export type { Db };

export const db: Db = getDatabase().db;
