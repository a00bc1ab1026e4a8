import { checkDatabase } from "~/modules/health.server";

export async function loader() {
  const healthy = await checkDatabase();
  return new Response(JSON.stringify({ status: healthy ? "ok" : "database unreachable" }), {
    status: healthy ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
