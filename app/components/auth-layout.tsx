import type { ReactNode } from "react";
import { Logo } from "./layout";

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="flex min-h-full flex-col justify-center px-6 py-12">
      <div className="mx-auto w-full max-w-md">
        <Logo />
        <h1 className="mt-8 text-2xl font-bold tracking-tight">{title}</h1>
        {subtitle ? <p className="mt-2 text-sm text-slate-600">{subtitle}</p> : null}
        <div className="card mt-8 p-6">{children}</div>
      </div>
    </main>
  );
}
