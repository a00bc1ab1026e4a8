import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function Logo({ to = "/" }: { to?: string }) {
  return (
    <Link to={to} className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span className="text-lg">Earned</span>
    </Link>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        {description ? <div className="mt-1 max-w-3xl text-sm text-slate-600">{description}</div> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="card flex flex-col items-center px-6 py-12 text-center">
      <svg aria-hidden="true" viewBox="0 0 48 48" className="h-12 w-12 text-indigo-300">
        <circle cx="24" cy="14" r="6" fill="currentColor" />
        <circle cx="10" cy="36" r="5" fill="currentColor" opacity="0.6" />
        <circle cx="38" cy="36" r="5" fill="currentColor" opacity="0.6" />
        <path d="M24 20 10 36M24 20l14 16" stroke="currentColor" strokeWidth="2" fill="none" />
      </svg>
      <h2 className="mt-4 text-base font-semibold text-slate-900">{title}</h2>
      {children ? <div className="mt-2 max-w-md text-sm text-slate-600">{children}</div> : null}
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}

export function Notice({ tone = "info", children }: { tone?: "info" | "success" | "warning"; children: ReactNode }) {
  const tones = {
    info: "bg-indigo-50 text-indigo-900 ring-indigo-200",
    success: "bg-emerald-50 text-emerald-900 ring-emerald-200",
    warning: "bg-amber-50 text-amber-900 ring-amber-200",
  } as const;
  return (
    <div role={tone === "warning" ? "alert" : "status"} className={`rounded-md p-3 text-sm ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </div>
  );
}

/** "← Survey, wave 2": the way back from a wave's sub-pages. */
export function Breadcrumb({ to, children }: { to: string; children: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className="mb-2 text-sm">
      <Link to={to} className="link">
        {children}
      </Link>
    </nav>
  );
}
