import { Tabs } from "./tabs";

export function PeopleTabs({ orgSlug }: { orgSlug: string }) {
  return (
    <Tabs
      label="People views"
      tabs={[
        { to: `/o/${orgSlug}/people`, label: "Directory", end: true },
        { to: `/o/${orgSlug}/people/chart`, label: "Org chart" },
      ]}
    />
  );
}
