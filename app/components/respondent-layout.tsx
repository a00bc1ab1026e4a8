import type { ReactNode } from "react";

/** The respondent pages' frame: no app chrome, readable on a phone. */
export function RespondentLayout({ orgName, kind = "Anonymous survey", children }: { orgName?: string; kind?: string; children: ReactNode }) {
  return (
    <div className="min-h-full bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between px-4 py-3">
          <span className="text-sm font-semibold text-slate-900">{orgName ?? "Earned"}</span>
          <span className="text-xs text-slate-600">{kind}</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-2xl px-4 py-6 sm:py-10">{children}</main>
    </div>
  );
}

export function RespondentMessage({ orgName, kind, title, children }: { orgName?: string; kind?: string; title: string; children: ReactNode }) {
  return (
    <RespondentLayout orgName={orgName} kind={kind}>
      <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h1 className="text-xl font-bold text-slate-900">{title}</h1>
        <div className="mt-3 space-y-3 text-slate-700">{children}</div>
      </div>
    </RespondentLayout>
  );
}
