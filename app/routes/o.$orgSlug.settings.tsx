import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { Tabs } from "~/components/tabs";
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
      <Tabs label="Settings sections" tabs={tabs} />
      <Outlet />
    </>
  );
}
