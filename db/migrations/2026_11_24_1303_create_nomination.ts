import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // nominee_id is the person chosen, never the one choosing; relation is stored only as precisely
  // as the respondent's segment allows (app/modules/responses/relations.ts).
  await db.schema
    .createTable("nomination")
    .addColumn("response_id", "uuid", (c) => c.notNull().references("response.id").onDelete("cascade"))
    .addColumn("question_id", "uuid", (c) => c.notNull().references("question.id").onDelete("cascade"))
    .addColumn("nominee_id", "uuid", (c) => c.notNull().references("person.id"))
    .addColumn("relation", "text", (c) =>
      c
        .notNull()
        .check(
          sql`relation in ('own_manager', 'higher_in_chain', 'teammate', 'my_report', 'outside_line', 'below_nominee', 'not_below_nominee', 'undisclosed')`,
        ),
    )
    .addPrimaryKeyConstraint("nomination_pk", ["response_id", "question_id", "nominee_id"])
    .execute();
  await db.schema.createIndex("nomination_question_idx").on("nomination").columns(["question_id", "nominee_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("nomination").execute();
}
