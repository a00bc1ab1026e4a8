import { NavLink } from "@remix-run/react";

export function PeopleTabs({ orgSlug }: { orgSlug: string }) {
  const tabs = [
    { to: `/o/${orgSlug}/people`, label: "Directory", end: true },
    { to: `/o/${orgSlug}/people/chart`, label: "Org chart", end: false },
  ];
  return (
    <nav aria-label="People views" className="mb-6 flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          end={tab.end}
          className={({ isActive }) =>
            `-mb-px border-b-2 px-3 py-2 text-sm font-medium ${isActive ? "border-indigo-600 text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"}`
          }
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
