import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState, Notice } from "~/components/layout";
import { pageFrom, Pagination } from "~/components/pagination";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { listOutbox, smtpConfigured } from "~/modules/email/email.server";
import { notFound } from "~/modules/http.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Earned" }];

const PAGE_SIZE = 25;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  if (smtpConfigured()) throw notFound();
  const page = pageFrom(new URL(request.url).searchParams);
  return { page, ...(await listOutbox(db, member.orgId, { page, pageSize: PAGE_SIZE })) };
}

export default function Outbox() {
  const { page, messages, total } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <Notice>
        Trial mode: this installation has no email server, so messages wait here instead of being sent. You can read every
        survey link below, so each respondent is told that the survey's administrators could hold their link. Ask whoever runs
        Earned for you to connect an email server before running a real survey.
      </Notice>
      {messages.length === 0 ? (
        <EmptyState title="The outbox is empty">Member invitations and survey links will appear here.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {messages.map((message) => (
            <li key={message.id} className="card p-4">
              <article aria-label={`Email to ${message.to_address}`}>
                <p className="text-sm text-slate-600">
                  To <strong className="text-slate-900">{message.to_address}</strong> · {new Date(message.created_at).toISOString().slice(0, 16).replace("T", " ")} UTC
                </p>
                <h2 className="mt-1 font-semibold">{message.subject}</h2>
                <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm text-slate-800">{message.body}</pre>
              </article>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={PAGE_SIZE} total={total} label="Outbox" />
    </div>
  );
}
