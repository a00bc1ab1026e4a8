import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/layout";
import { requireMember } from "~/modules/accounts/membership.server";
import { smtpConfigured } from "~/modules/email/email.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  return { orgSlug: member.orgSlug, showOutbox: !smtpConfigured() };
}

export default function Settings() {
  const { orgSlug, showOutbox } = useLoaderData<typeof loader>();
  const tabs = [
    { to: `/o/${orgSlug}/settings/members`, label: "Members" },
    { to: `/o/${orgSlug}/settings/organization`, label: "Organization" },
    ...(showOutbox ? [{ to: `/o/${orgSlug}/settings/outbox`, label: "Outbox" }] : []),
  ];
  return (
    <>
      <PageHeader title="Settings" />
      <nav aria-label="Settings sections" className="mb-6 flex gap-1 border-b border-slate-200">
        {tabs.map((tab) => (
          <NavLink
            key={tab.to}
            to={tab.to}
            className={({ isActive }) =>
              `-mb-px border-b-2 px-3 py-2 text-sm font-medium ${isActive ? "border-indigo-600 text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"}`
            }
          >
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </>
  );
}
