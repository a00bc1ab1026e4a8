import { describe, expect, it } from "vitest";
import { computeWaveAnalytics } from "./engine";
import { smallOrg } from "./fixtures/small-org";
import { personIndex } from "./person-index";

describe("a view's person index", () => {
  it("holds every person, block and edge of the view under its key, and is made once per view", () => {
    const analytics = computeWaveAnalytics(smallOrg());
    const index = personIndex(analytics);
    expect(personIndex(analytics)).toBe(index);
    expect([...index.people.values()]).toEqual(analytics.people);
    expect([...index.blocks.values()]).toEqual(analytics.blocks);
    for (const person of analytics.people) {
      expect(index.edgesTo.get(person.id) ?? []).toEqual(analytics.edges.filter((edge) => edge.personId === person.id));
    }
    expect([...index.edgesTo.values()].flat()).toHaveLength(analytics.edges.length);
    expect(analytics.edges.length).toBeGreaterThan(0);
  });

  it("is a new one for another view, even of the same wave", () => {
    const first = computeWaveAnalytics(smallOrg());
    const second = { ...first, people: first.people.slice(1) };
    expect(personIndex(second).people.size).toBe(first.people.length - 1);
    expect(personIndex(first).people.size).toBe(first.people.length);
  });
});
