import { Link, NavLink } from "@remix-run/react";

/** A row of links that shows which one is current: section tabs under a page header. */
export function Tabs({ label, tabs }: { label: string; tabs: { to: string; label: string; end?: boolean }[] }) {
  return (
    <nav aria-label={label} className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end={tab.end}
          className={({ isActive }) =>
            `-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${isActive ? "border-indigo-600 text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"}`
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** Links to each wave of a series, the current one highlighted. */
export function WavePills({ waves, current, hrefFor }: { waves: { id: string; number: number }[]; current: string; hrefFor: (wave: { id: string; number: number }) => string }) {
  if (waves.length < 2) return null;
  return (
    <nav aria-label="Waves" className="mb-6 flex flex-wrap gap-2">
      {waves.map((wave) => (
        <Link
          key={wave.id}
          to={hrefFor(wave)}
          aria-current={wave.id === current ? "page" : undefined}
          className={`rounded-full px-3 py-1 text-sm ring-1 ring-inset ${wave.id === current ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white ring-slate-300 hover:bg-slate-50"}`}
        >
          Wave {wave.number}
        </Link>
      ))}
    </nav>
  );
}
