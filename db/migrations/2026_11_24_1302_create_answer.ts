import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("answer")
    .addColumn("response_id", "uuid", (c) => c.notNull().references("response.id").onDelete("cascade"))
    .addColumn("question_id", "uuid", (c) => c.notNull().references("question.id").onDelete("cascade"))
    .addColumn("value_number", "integer")
    .addColumn("value_choices", "jsonb")
    .addColumn("value_text", "text")
    .addPrimaryKeyConstraint("answer_pk", ["response_id", "question_id"])
    .addCheckConstraint("answer_has_one_value", sql`num_nonnulls(value_number, value_choices, value_text) = 1`)
    .execute();
  await db.schema.createIndex("answer_question_idx").on("answer").column("question_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("answer").execute();
}
