import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { call } from "../../test/fixtures.server";
import { keepingAnswersThroughOutages, NOTHING_SAVED, withOutagePages } from "./outage.server";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const args = { request: new Request("http://localhost/o/acme/dashboards"), params: {}, context: {} };

function buildWith(module: Record<string, unknown>): ServerBuild {
  return { routes: { "routes/page": { id: "routes/page", path: "page", module } } } as unknown as ServerBuild;
}

describe("withOutagePages", () => {
  it("turns a loader's or an action's lost database into a 503 to retry, for the ErrorBoundary", async () => {
    const build = withOutagePages(buildWith({ loader: async () => Promise.reject(refused()), action: async () => Promise.reject(refused()) }));
    const { loader, action } = build.routes["routes/page"]!.module;
    for (const handler of [loader!, action!]) {
      const response = await call(() => handler(args) as Promise<unknown>);
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("10");
      expect(response.data).toEqual({ reason: "database-unavailable" });
    }
  });

  it("leaves bugs, thrown responses, results and the rest of the module as they were", async () => {
    const bug = new TypeError("a bug");
    const notFound = new Response("Not found", { status: 404 });
    const Component = () => null;
    const build = withOutagePages(
      buildWith({ loader: async () => Promise.reject(bug), action: async () => Promise.reject(notFound), default: Component, handle: { hydrate: false } }),
    );
    const { module } = build.routes["routes/page"]!;
    await expect(module.loader!(args)).rejects.toBe(bug);
    await expect(module.action!(args)).rejects.toBe(notFound);
    expect(module.default).toBe(Component);
    expect(module.handle).toEqual({ hydrate: false });
    const fine = withOutagePages(buildWith({ loader: async () => ({ ok: true }) })).routes["routes/page"]!.module;
    expect(await fine.loader!(args)).toEqual({ ok: true });
    expect(fine.action).toBeUndefined();
  });
});

describe("keepingAnswersThroughOutages", () => {
  const form = () => {
    const formData = new FormData();
    formData.append("intent", "submit");
    formData.append("q-1", "4");
    formData.append("q-2", "A comment, with <markup> & ünïcode");
    formData.append("n-3", "7d3e9f7c-1111-4222-8333-944455556666");
    formData.append("n-3", "7d3e9f7c-1111-4222-8333-944455556667");
    return formData;
  };

  it("answers 503 with the respondent's answers as they came and a message that nothing was saved", async () => {
    const response = await call(() =>
      keepingAnswersThroughOutages(form(), () =>
        Promise.reject(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })),
      ),
    );
    expect(response.status).toBe(503);
    expect(response.data).toEqual({
      kind: "form",
      status: 503,
      values: {
        intent: ["submit"],
        "q-1": ["4"],
        "q-2": ["A comment, with <markup> & ünïcode"],
        "n-3": ["7d3e9f7c-1111-4222-8333-944455556666", "7d3e9f7c-1111-4222-8333-944455556667"],
      },
      errors: { form: NOTHING_SAVED },
      chosen: [
        { id: "7d3e9f7c-1111-4222-8333-944455556666", name: "Someone you chose", title: null, department: null },
        { id: "7d3e9f7c-1111-4222-8333-944455556667", name: "Someone you chose", title: null, department: null },
      ],
    });
  });

  it("passes other outcomes and other failures through", async () => {
    expect(await keepingAnswersThroughOutages(form(), async () => "stored")).toBe("stored");
    const bug = new TypeError("a bug");
    await expect(keepingAnswersThroughOutages(form(), () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
