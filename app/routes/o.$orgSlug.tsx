import type { LoaderFunctionArgs, MetaFunction, SerializeFrom } from "@remix-run/node";
import { Form, isRouteErrorResponse, NavLink, Outlet, useLoaderData, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPage } from "~/components/error-page";
import { Logo } from "~/components/layout";
import { db } from "~/db.server";
import { listMemberships, requireMember } from "~/modules/accounts/membership.server";
import { hasRole, ROLE_LABELS, type Role } from "~/modules/accounts/roles";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.org.name} · Earned` : "Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "leader");
  const memberships = await listMemberships(db, member.userId);
  return {
    org: { slug: member.orgSlug, name: member.orgName },
    user: { name: member.userName, email: member.userEmail },
    role: member.role,
    otherOrganizations: memberships.filter((membership) => membership.slug !== member.orgSlug),
  };
}

const NAVIGATION: { to: string; label: string; atLeast: Role; end?: boolean }[] = [
  { to: "", label: "Overview", atLeast: "leader", end: true },
  { to: "people", label: "People", atLeast: "analyst" },
  { to: "surveys", label: "Surveys", atLeast: "admin" },
  { to: "dashboards", label: "Dashboards", atLeast: "leader" },
  { to: "settings", label: "Settings", atLeast: "admin" },
];

export default function OrganizationPage() {
  return (
    <OrganizationShell {...useLoaderData<typeof loader>()}>
      <Outlet />
    </OrganizationShell>
  );
}

/** A page that failed inside an organization keeps the navigation around its message. */
export function ErrorBoundary() {
  const shell = useRouteLoaderData<typeof loader>("routes/o.$orgSlug");
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!shell) return <ErrorPage status={status} />;
  return (
    <OrganizationShell {...shell}>
      <ErrorPage status={status} orgHome={`/o/${shell.org.slug}`} />
    </OrganizationShell>
  );
}

function OrganizationShell({ org, user, role, otherOrganizations, children }: SerializeFrom<typeof loader> & { children: ReactNode }) {
  const base = `/o/${org.slug}`;
  return (
    <div className="flex min-h-full flex-col lg:flex-row">
      <aside aria-label="Organization" className="border-b border-slate-200 bg-white lg:sticky lg:top-0 lg:h-screen lg:w-64 lg:shrink-0 lg:border-b-0 lg:border-r">
        <div className="flex h-full flex-col gap-6 px-4 py-5">
          <Logo to={base} />
          <details className="group relative">
            <summary className="flex cursor-pointer list-none items-center justify-between rounded-md px-2 py-1.5 text-sm hover:bg-slate-100">
              <span className="min-w-0">
                <span className="block truncate font-semibold text-slate-900">{org.name}</span>
                <span className="block text-xs text-slate-600">{ROLE_LABELS[role]}</span>
              </span>
              <span aria-hidden="true" className="text-slate-500">
                ▾
              </span>
              <span className="sr-only">Switch organization</span>
            </summary>
            <div className="absolute z-20 mt-1 w-full rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
              {otherOrganizations.map((other) => (
                <a key={other.slug} href={`/o/${other.slug}`} className="block rounded px-2 py-1.5 text-sm hover:bg-slate-100">
                  {other.name}
                </a>
              ))}
              <a href="/orgs" className="block rounded px-2 py-1.5 text-sm text-indigo-700 hover:bg-slate-100">
                All organizations…
              </a>
            </div>
          </details>
          <nav aria-label="Main" className="flex gap-1 overflow-x-auto lg:flex-col">
            {NAVIGATION.filter((item) => hasRole(role, item.atLeast)).map((item) => (
              <NavLink
                key={item.label}
                to={item.to ? `${base}/${item.to}` : base}
                end={item.end}
                className={({ isActive }) =>
                  `whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium ${
                    isActive ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100"
                  }`
                }
              >
                {item.label}
              </NavLink>
            ))}
          </nav>
          <div className="mt-auto hidden border-t border-slate-200 pt-4 lg:block">
            <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
            <p className="truncate text-xs text-slate-600">{user.email}</p>
            <Form method="post" action="/logout" className="mt-3">
              <button type="submit" className="btn-secondary w-full">
                Log out
              </button>
            </Form>
          </div>
        </div>
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-8 sm:px-8">
        {children}
        <Form method="post" action="/logout" className="mt-12 lg:hidden">
          <button type="submit" className="btn-secondary">
            Log out
          </button>
        </Form>
      </main>
    </div>
  );
}
