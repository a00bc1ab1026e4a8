import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/layout";
import { RosterUploadForm } from "~/components/roster-upload-form";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { previewRosterImport } from "~/modules/people/roster.server";
import { readRosterUpload } from "~/modules/people/roster-upload.server";

export const meta: MetaFunction = () => [{ title: "Import roster · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  return { orgSlug: member.orgSlug };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const upload = await readRosterUpload(request);
  if (!upload.ok) return data({ error: upload.message }, { status: upload.status });
  const outcome = await previewRosterImport(db, { orgId: member.orgId, userId: member.userId, ...upload });
  if (outcome.outcome === "unreadable") return data({ error: outcome.message }, { status: 400 });
  return redirect(`/o/${member.orgSlug}/people/import/${outcome.importId}`);
}

export default function ImportRoster() {
  const { orgSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to={`/o/${orgSlug}/people`} className="link">
          People
        </Link>
      </nav>
      <PageHeader
        title="Import roster"
        description="Upload a CSV of everyone in your organization. Nothing changes until you have reviewed the preview and applied it."
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="card p-6 lg:col-span-2">
          <RosterUploadForm uploadUrl={`/o/${orgSlug}/people/import/upload`} error={result?.error} />
        </div>
        <aside className="card p-6 text-sm text-slate-700" aria-labelledby="format">
          <h2 id="format" className="font-semibold text-slate-900">
            What the file needs
          </h2>
          <ul className="mt-3 list-disc space-y-1 pl-5">
            <li>
              <strong>email</strong> (the key) and <strong>name</strong> (or first and last name)
            </li>
            <li>
              optional: <strong>title</strong>, <strong>manager email</strong>, <strong>department</strong>,{" "}
              <strong>location</strong>, <strong>level</strong>
            </li>
            <li>any other column is kept as a custom attribute</li>
          </ul>
          <p className="mt-3">
            Headers are matched without regard to case, and common names such as “Work Email” or “Reports To” are understood.
            Importing the same file again changes nothing; an updated file updates people in place.
          </p>
          <a href="/roster-example.csv" download className="link mt-3 inline-block">
            Download an example CSV
          </a>
        </aside>
      </div>
    </>
  );
}
