import type { AppLoadContext } from "@remix-run/node";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { redactPath } from "~/modules/logging";
import { submitResponse } from "~/modules/responses/responses.server";
import { updateWaveSettings } from "~/modules/surveys/surveys.server";
import { closeWave, openWave } from "~/modules/surveys/wave-lifecycle.server";
import { addMember, call, makeRequest } from "../../test/fixtures.server";
import { createOrgWithSurvey, openWithLinks, questionIds, templateAnswers } from "../../test/survey-fixtures.server";
import * as overview from "./o.$orgSlug.dashboards.$waveId._index";
import * as outbox from "./o.$orgSlug.settings.outbox";
import * as surveyPage from "./o.$orgSlug.surveys.$surveyId._index";
import * as surveysList from "./o.$orgSlug.surveys._index";
import * as links from "./o.$orgSlug.surveys.$surveyId.waves.$waveId.links";
import * as openLink from "./r.open.$token";
import * as openLinkSearch from "./r.open.$token.people";

/**
 * An admin (or owner) trying, through the app's own pages and downloads, to learn who answered,
 * to answer for someone, to pad a group with answers of their own, or to read comments of a group
 * smaller than the comment minimum by comparing views.
 */

afterEach(() => {
  delete process.env.SMTP_URL;
});

const params = (s: Awaited<ReturnType<typeof createOrgWithSurvey>>) => ({ orgSlug: s.org.slug, surveyId: s.surveyId, waveId: s.waveId });
type Handler<T> = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<T>;
const run = <T,>(handler: Handler<T>, path: string, p: Record<string, string>, cookie: string, form?: Record<string, string>) =>
  call(() => handler({ request: makeRequest(path, { cookie, form }), params: p, context: { clientAddress: "203.0.113.9" } }));

describe("an admin, when links go by email", () => {
  it("can get no respondent's link anywhere, so can neither test whether they answered nor answer for them", async () => {
    process.env.SMTP_URL = "smtp://unused.invalid";
    const s = await createOrgWithSurvey();
    const tokens = await openWithLinks(s.org.id, s.waveId);
    const q = await questionIds(s.waveId);
    await submitResponse(db, tokens.get("eng1@acme.test")!, templateAnswers(q));

    const seen = [
      await run(links.action, "/", params(s), s.cookie),
      await run(outbox.loader, "/", params(s), s.cookie),
      await run(surveyPage.loader, "/", params(s), s.cookie),
      await run(surveysList.loader, "/", params(s), s.cookie),
    ];
    expect(seen.map((reply) => reply.status)).toEqual([409, 404, 200, 200]);
    const text = JSON.stringify(seen.map((reply) => reply.data));
    for (const token of tokens.values()) expect(text).not.toContain(token);
    // Nor who answered: the pages name nobody in connection with answering.
    for (const person of s.people) expect(JSON.stringify(seen[2]!.data)).not.toContain(person.email);
  });

  it("cannot add an open link to a wave with personal links, to pad its groups with answers of their own", async () => {
    const s = await createOrgWithSurvey();
    await openWithLinks(s.org.id, s.waveId);
    const reply = await run(surveyPage.action, "/", params(s), s.cookie, { intent: "open-link", waveId: s.waveId });
    expect(reply.status).toBe(409);
    expect(await db.selectFrom("survey_wave").select("open_link_token_hash").where("id", "=", s.waveId).executeTakeFirstOrThrow()).toEqual({ open_link_token_hash: null });
  });
});

describe("comparing the organization's comments with a leader's", () => {
  it("only ever differs by whole groups of at least the comment minimum", async () => {
    const s = await createOrgWithSurvey({ teamSize: 7 });
    await db.updateTable("organization").set({ comment_min_group_size: 5 }).where("id", "=", s.org.id).execute();
    const tokens = await openWithLinks(s.org.id, s.waveId);
    const q = await questionIds(s.waveId);
    const writers = [...[1, 2, 3, 4, 5].map((i) => `eng${i}@acme.test`), ...[1, 2, 3, 4, 5].map((i) => `sales${i}@acme.test`), "ceo@acme.test", "cfo@acme.test", "coo@acme.test", "cto@acme.test", "eng6@acme.test"];
    for (const email of writers) {
      const { answers, nominations } = templateAnswers(q);
      expect((await submitResponse(db, tokens.get(email)!, { answers: [...answers, { questionId: q.comment!, kind: "text", value: `comment by ${email}` }], nominations })).outcome).toBe("stored");
    }
    await closeWave(db, s.org.id, s.waveId);
    const { refreshStaleSnapshots } = await import("~/modules/analytics/analytics.server");
    await refreshStaleSnapshots(db);
    const engHead = s.people.find((person) => person.email === "eng-head@acme.test")!;
    const leader = await addMember(s.org.id, "leader", engHead.id);
    const commentsFor = async (cookie: string) => {
      const reply = await run(overview.loader, "/", { orgSlug: s.org.slug, waveId: s.waveId }, cookie);
      const comments = (reply.data as { view: { comments: { state: string; items?: string[] } } }).view.comments;
      return comments.items ?? [];
    };
    const all = await commentsFor(s.cookie);
    const engOnly = await commentsFor(leader.cookie);
    expect(all.length).toBe(writers.length);
    const difference = all.filter((comment) => !engOnly.includes(comment));
    expect(difference.length === 0 || difference.length >= 5).toBe(true);
    expect(engOnly.every((comment) => /comment by eng\d@/.test(comment))).toBe(true);
  });
});

describe("the open link's people search", () => {
  it("matches names only, from two characters, a few at a time, and slows down a flood", async () => {
    const s = await createOrgWithSurvey();
    await updateWaveSettings(db, s.org.id, s.waveId, { minGroupSize: 5, distribution: "open", reminderDays: [], opensAt: null, closesAt: null, repeatEveryWeeks: null });
    await openWave(db, s.org.id, s.waveId, { baseUrl: "https://earned.test" });
    const created = await run(surveyPage.action, "/", params(s), s.cookie, { intent: "open-link", waveId: s.waveId });
    const token = (created.data as { openLink: string }).openLink.split("/").pop()!;
    const search = (query: string, address = "198.51.100.1") =>
      call(() => openLinkSearch.loader({ request: makeRequest(`/r/open/${token}/people?q=${encodeURIComponent(query)}`), params: { token }, context: { clientAddress: address } }));
    expect((await search("acme.test")).data).toEqual([]);
    expect((await search("e")).data).toEqual([]);
    expect(((await search("Person")).data as unknown[]).length).toBeLessThanOrEqual(8);
    let status = 200;
    for (let i = 0; i < 40 && status === 200; i++) status = (await search("Eng", "198.51.100.2")).status;
    expect(status).toBe(429);
    expect((await search("Eng", "198.51.100.3")).status).toBe(200);
    const page = await run(openLink.loader, `/r/open/${token}`, { token }, "");
    expect(JSON.stringify(page.data)).toContain('"openLink":true');
  });
});

describe("logs", () => {
  it("never carry a respondent's token, personal or open", () => {
    expect(redactPath("/r/abc123")).toBe("/r/[token]");
    expect(redactPath("/r/abc123/people")).toBe("/r/[token]/people");
    expect(redactPath("/r/open/xyz789")).toBe("/r/open/[token]");
    expect(redactPath("/r/open/xyz789/people")).toBe("/r/open/[token]/people");
    expect(redactPath("/r/thanks")).toBe("/r/thanks");
    expect(redactPath("/join/tok")).toBe("/join/[token]");
    expect(redactPath("/me/report-token")).toBe("/me/[token]");
  });
});
