import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Notice, PageHeader } from "~/components/layout";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { notFound, requireFormData, requireId } from "~/modules/http.server";
import { applyRosterImport, discardRosterImport, findRosterImport } from "~/modules/people/roster.server";

export const meta: MetaFunction = () => [{ title: "Review roster import · Earned" }];

const SHOWN_PROBLEMS = 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const rosterImport = await findRosterImport(db, member.orgId, requireId(params.importId));
  if (!rosterImport) throw notFound();
  const { summary } = rosterImport;
  return {
    orgSlug: member.orgSlug,
    rosterImport: { ...rosterImport, summary: { ...summary, problems: summary.problems.slice(0, SHOWN_PROBLEMS) } },
  };
}

const APPLY_MESSAGES = {
  "not-found": undefined,
  "has-problems": "Fix the problems in the file and upload it again: a roster is applied whole or not at all.",
  "already-done": "This import was already applied or discarded.",
  "roster-changed": "The roster changed after this preview was made. Upload the file again to see an up-to-date preview.",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const importId = requireId(params.importId);
  const intent = (await requireFormData(request)).get("intent");
  if (intent === "discard") {
    const discarded = await discardRosterImport(db, member.orgId, importId);
    if (discarded === "not-found") throw notFound();
    return redirect(`/o/${member.orgSlug}/people/import`);
  }
  if (intent !== "apply") return data({ error: "Choose to apply or discard this import." }, { status: 400 });
  const outcome = await applyRosterImport(db, member.orgId, importId);
  if (outcome === "not-found") throw notFound();
  if (outcome !== "applied") return data({ error: APPLY_MESSAGES[outcome] }, { status: 409 });
  return redirect(`/o/${member.orgSlug}/people/import/${importId}`);
}

export default function ReviewImport() {
  const { orgSlug, rosterImport } = useLoaderData<typeof loader>();
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
            Applied. See the{" "}
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

      {summary.problemCount > 0 ? (
        <section className="mt-8" aria-labelledby="problems">
          <h2 id="problems" className="text-lg font-semibold text-red-800">
            {summary.problemCount.toLocaleString("en")} {summary.problemCount === 1 ? "row needs" : "rows need"} fixing
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Nothing has been changed. Fix these rows in your file and upload it again: a roster is applied whole or not at all.
          </p>
          <div className="card mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label="Rows that need fixing">
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
            <p className="mt-2 text-sm text-slate-700">
              Showing the first {summary.problems.length}.{" "}
              <a href={`/o/${orgSlug}/people/import/${rosterImport.id}/problems`} className="link" download>
                Download all problems (CSV)
              </a>
            </p>
          ) : null}
          <div className="mt-6 flex gap-3">
            <Link to={`/o/${orgSlug}/people/import`} className="btn-primary">
              Upload a corrected file
            </Link>
          </div>
        </section>
      ) : status === "previewed" ? (
        <section className="card mt-8 p-6" aria-labelledby="apply">
          <h2 id="apply" className="font-semibold">
            {nothingToDo ? "Nothing to change" : "Every row is valid"}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {nothingToDo
              ? "The roster already matches this file."
              : `Applying adds ${summary.counts.new}, updates ${summary.counts.updated} and deactivates ${summary.counts.deactivated} ${summary.counts.deactivated === 1 ? "person" : "people"}, all at once.`}
          </p>
          <Form method="post" className="mt-4 flex flex-wrap gap-3">
            {nothingToDo ? null : (
              <button type="submit" name="intent" value="apply" className="btn-primary" disabled={applying}>
                {applying ? `Applying ${summary.totalRows.toLocaleString("en")} rows…` : "Apply import"}
              </button>
            )}
            <button type="submit" name="intent" value="discard" className="btn-secondary" disabled={applying}>
              Discard
            </button>
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
