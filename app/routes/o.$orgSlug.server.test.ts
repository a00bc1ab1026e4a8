import { describe, expect, it } from "vitest";
import { call, createOwner, makeRequest } from "../../test/fixtures.server";
import { loader } from "./o.$orgSlug";

const load = (slug: string, cookie?: string) =>
  call(() => loader({ request: makeRequest(`/o/${slug}`, { cookie }), params: { orgSlug: slug }, context: {} }));

describe("organization shell", () => {
  it("sends visitors without a session to log in, and back afterwards", async () => {
    const { org } = await createOwner("Visible Org");
    const response = await load(org.slug);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/o/${org.slug}`)}`);
  });

  it("shows members their organization and lists their other ones", async () => {
    const owner = await createOwner("First Org");
    const response = await load(owner.org.slug, owner.cookie);
    expect(response.status).toBe(200);
    expect(response.data).toMatchObject({ org: { slug: owner.org.slug, name: "First Org" }, role: "owner" });
  });

  it("answers 404 for another organization, exactly as for one that does not exist", async () => {
    const mine = await createOwner("Mine");
    const theirs = await createOwner("Theirs");
    expect((await load(theirs.org.slug, mine.cookie)).status).toBe(404);
    expect((await load("no-such-org", mine.cookie)).status).toBe(404);
  });
});
