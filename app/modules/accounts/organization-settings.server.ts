import type { Naming } from "@db/schema";
import type { Db } from "~/db.server";

export async function findOrganizationSettings(db: Db, orgId: string) {
  return db
    .selectFrom("organization")
    .select(["name", "min_group_size", "comment_min_group_size", "dp_epsilon", "naming"])
    .where("id", "=", orgId)
    .executeTakeFirstOrThrow();
}

export async function updateOrganizationSettings(
  db: Db,
  orgId: string,
  settings: { name: string; minGroupSize: number; commentMinGroupSize: number; dpEpsilon: number | null; naming: Naming },
) {
  await db
    .updateTable("organization")
    .set({
      name: settings.name,
      min_group_size: settings.minGroupSize,
      comment_min_group_size: settings.commentMinGroupSize,
      dp_epsilon: settings.dpEpsilon,
      naming: settings.naming,
    })
    .where("id", "=", orgId)
    .execute();
}
