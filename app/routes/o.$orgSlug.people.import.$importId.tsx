import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Notice, PageHeader } from "~/components/layout";
import { Pagination, pageFrom } from "~/components/pagination";
import { RosterChangeList, type ChangeListKind } from "~/components/roster-change-list";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { notFound, requireFormData, requireId } from "~/modules/http.server";
import { CHANGES_PER_PAGE } from "~/modules/people/roster-limits";
import { applyRosterImport, discardRosterImport, findRosterImport, listImportChanges, listImportDeactivations } from "~/modules/people/roster.server";

export const meta: MetaFunction = () => [{ title: "Review roster import · Earned" }];

const LISTS: ChangeListKind[] = ["new", "updated", "deactivated"];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const importId = requireId(params.importId);
  const rosterImport = await findRosterImport(db, member.orgId, importId);
  if (!rosterImport) throw notFound();
  const searchParams = new URL(request.url).searchParams;
  const requested = searchParams.get("list");
  const counts = rosterImport.summary.counts;
  const list = LISTS.find((kind) => kind === requested) ?? LISTS.find((kind) => counts[kind] > 0) ?? "new";
  const page = pageFrom(searchParams);
  // Who changes is only known while the preview is open: applying or discarding drops the staged rows.
  const listed = rosterImport.status !== "previewed" ? { kind: list, people: [] } : list === "deactivated"
    ? { kind: list, people: (await listImportDeactivations(db, member.orgId, importId, page)).map((person) => ({ email: person.email, name: person.name, line: null, changes: [] })) }
    : { kind: list, people: await listImportChanges(db, member.orgId, importId, list, page) };
  return { orgSlug: member.orgSlug, rosterImport, listed, page };
}

const APPLY_MESSAGES = {
  "not-found": undefined,
  "has-problems": "Tick the box to confirm that the rows with problems are skipped, or upload a corrected file.",
  "already-done": "This import was already applied or discarded.",
  "roster-changed": "The roster changed after this preview was made. Upload the file again to see an up-to-date preview.",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const importId = requireId(params.importId);
  const form = await requireFormData(request);
  const intent = form.get("intent");
  if (intent === "discard") {
    const discarded = await discardRosterImport(db, member.orgId, importId);
    if (discarded === "not-found") throw notFound();
    return redirect(`/o/${member.orgSlug}/people/import`);
  }
  if (intent !== "apply") return data({ error: "Choose to apply or discard this import." }, { status: 400 });
  const outcome = await applyRosterImport(db, member.orgId, importId, { skipProblems: form.get("skipProblems") === "yes" });
  if (outcome === "not-found") throw notFound();
  if (outcome !== "applied") return data({ error: APPLY_MESSAGES[outcome] }, { status: 409 });
  return redirect(`/o/${member.orgSlug}/people/import/${importId}`);
}

export default function ReviewImport() {
  const { orgSlug, rosterImport, listed, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const applying = navigation.state === "submitting" && navigation.formData?.get("intent") === "apply";
  const { summary, status } = rosterImport;
  const counts = [
    { label: "New", value: summary.counts.new, tone: "text-emerald-700" },
    { label: "Updated", value: summary.counts.updated, tone: "text-indigo-700" },
    { label: "Unchanged", value: summary.counts.unchanged, tone: "text-slate-700" },
    { label: "Deactivated", value: summary.counts.deactivated, tone: "text-amber-700" },
  ];
  const nothingToDo = summary.counts.new + summary.counts.updated + summary.counts.deactivated === 0;
  const validRows = summary.counts.new + summary.counts.updated + summary.counts.unchanged;
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to={`/o/${orgSlug}/people`} className="link">
          People
        </Link>{" "}
        /{" "}
        <Link to={`/o/${orgSlug}/people/import`} className="link">
          Import
        </Link>
      </nav>
      <PageHeader
        title={status === "applied" ? "Roster imported" : status === "discarded" ? "Import discarded" : "Review the import"}
        description={`${rosterImport.file_name} · ${summary.totalRows.toLocaleString("en")} rows${rosterImport.deactivate_missing ? " · people missing from the file will be deactivated" : ""}`}
      />
      {status === "applied" ? (
        <div className="mb-6">
          <Notice tone="success">
            Applied: {summary.counts.new.toLocaleString("en")} added, {summary.counts.updated.toLocaleString("en")} updated, {summary.counts.deactivated.toLocaleString("en")} deactivated
            {summary.problemCount > 0 ? `, ${summary.problemCount.toLocaleString("en")} ${summary.problemCount === 1 ? "row" : "rows"} skipped` : ""}. See the{" "}
            <Link to={`/o/${orgSlug}/people`} className="link">
              directory
            </Link>{" "}
            or the{" "}
            <Link to={`/o/${orgSlug}/people/chart`} className="link">
              org chart
            </Link>
            .
          </Notice>
        </div>
      ) : null}
      {result?.error ? (
        <div className="mb-6">
          <Notice tone="warning">{result.error}</Notice>
        </div>
      ) : null}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {counts.map((count) => (
          <div key={count.label} className="card p-4">
            <dt className="text-sm text-slate-600">{count.label}</dt>
            <dd className={`mt-1 text-2xl font-semibold tabular-nums ${count.tone}`}>{count.value.toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>

      {status === "previewed" ? (
        <section className="mt-8" aria-labelledby="changes">
          <h2 id="changes" className="text-lg font-semibold">
            Who changes
          </h2>
          <RosterChangeList
            kind={listed.kind}
            people={listed.people}
            counts={summary.counts}
            hrefFor={(kind) => `/o/${orgSlug}/people/import/${rosterImport.id}?list=${kind}`}
          />
          <Pagination page={page} pageSize={CHANGES_PER_PAGE} total={summary.counts[listed.kind]} label={`${listed.kind} people`} />
        </section>
      ) : null}

      {summary.problemCount > 0 ? (
        <section className="mt-8" aria-labelledby="problems">
          <h2 id="problems" className="text-lg font-semibold text-red-800">
            {summary.problemCount.toLocaleString("en")} {summary.problemCount === 1 ? "row has a problem" : "rows have problems"}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {status === "applied"
              ? "These rows were skipped: the people they name were left as they were."
              : "These rows are skipped if you import the others: the people they name stay as they are. Or fix them in your file and upload it again."}{" "}
            <a href={`/o/${orgSlug}/people/import/${rosterImport.id}/problems`} className="link" download>
              Download all {summary.problemCount.toLocaleString("en")} (CSV)
            </a>
          </p>
          <div className="card mt-4 max-h-96 overflow-auto" tabIndex={0} role="region" aria-label="Rows with problems">
            <table className="table-base">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Email</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {summary.problems.map((problem, index) => (
                  <tr key={`${problem.line}-${index}`}>
                    <td className="tabular-nums">{problem.line}</td>
                    <td className="break-all">{problem.email ?? "—"}</td>
                    <td>{problem.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {summary.problemCount > summary.problems.length ? (
            <p className="mt-2 text-sm text-slate-700">Showing the first {summary.problems.length.toLocaleString("en")}; the download has them all.</p>
          ) : null}
        </section>
      ) : null}

      {status === "previewed" ? (
        <section className="card mt-8 p-6" aria-labelledby="apply">
          <h2 id="apply" className="font-semibold">
            {nothingToDo ? "Nothing to change" : summary.problemCount > 0 ? "Import the valid rows" : "Every row is valid"}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {nothingToDo
              ? summary.problemCount > 0
                ? "Apart from the rows with problems, the roster already matches this file."
                : "The roster already matches this file."
              : `Applying adds ${summary.counts.new.toLocaleString("en")}, updates ${summary.counts.updated.toLocaleString("en")} and deactivates ${summary.counts.deactivated.toLocaleString("en")} ${summary.counts.deactivated === 1 ? "person" : "people"}, all at once.`}
          </p>
          <Form method="post" className="mt-4 space-y-4">
            {!nothingToDo && summary.problemCount > 0 ? (
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="skipProblems" value="yes" required className="mt-1" />
                <span>
                  Skip the {summary.problemCount.toLocaleString("en")} {summary.problemCount === 1 ? "row" : "rows"} with problems and import the{" "}
                  {validRows.toLocaleString("en")} valid {validRows === 1 ? "row" : "rows"}.
                </span>
              </label>
            ) : null}
            <div className="flex flex-wrap gap-3">
              {nothingToDo ? null : (
                <button type="submit" name="intent" value="apply" className="btn-primary" disabled={applying}>
                  {applying
                    ? `Applying ${validRows.toLocaleString("en")} rows…`
                    : summary.problemCount > 0
                      ? `Import ${validRows.toLocaleString("en")} valid ${validRows === 1 ? "row" : "rows"}`
                      : "Apply import"}
                </button>
              )}
              <button type="submit" name="intent" value="discard" className="btn-secondary" disabled={applying} formNoValidate>
                Discard
              </button>
            </div>
          </Form>
          {applying ? (
            <div role="status" className="mt-4 h-2 overflow-hidden rounded bg-slate-200">
              <div className="h-full w-full animate-pulse bg-indigo-600" />
            </div>
          ) : null}
        </section>
      ) : null}

      <section className="mt-8" aria-labelledby="columns">
        <h2 id="columns" className="text-lg font-semibold">
          Columns
        </h2>
        <ul className="mt-3 flex flex-wrap gap-2 text-sm">
          {summary.columns.map((column) => (
            <li key={column.key} className="rounded-full bg-white px-3 py-1 ring-1 ring-slate-200">
              “{column.header || column.key}” →{" "}
              <strong>{column.field === "attribute" ? `custom: ${column.key}` : column.field.replace("_", " ")}</strong>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
