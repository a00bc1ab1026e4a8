import { useEffect, useState } from "react";
import { formatDateTime } from "~/modules/dates";

/**
 * A moment shown in the viewer's own time zone. The server cannot know that zone, so the page
 * arrives in UTC (correct, and labelled so) and the browser rewrites it once loaded.
 */
export function LocalTime({ value, fallback = "—" }: { value: Date | string | null | undefined; fallback?: string }) {
  const [local, setLocal] = useState<string | null>(null);
  const iso = value ? new Date(value).toISOString() : null;
  useEffect(() => {
    if (iso) setLocal(formatInViewerZone(new Date(iso)));
  }, [iso]);
  if (!iso) return <>{fallback}</>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {local ?? formatDateTime(iso)}
    </time>
  );
}

function formatInViewerZone(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(date);
}

/**
 * The viewer's time zone once the page runs in a browser; null on the server and without
 * JavaScript, where forms read times as UTC and say so.
 */
export function useViewerTimeZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return zone;
}
