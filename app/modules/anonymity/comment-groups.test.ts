import { describe, expect, it } from "vitest";
import { formCommentGroups, type CommentBlock } from "./comment-groups";

const team = (key: string, department: string, responses: number): CommentBlock => ({ key, kind: "team", department, responses });

describe("formCommentGroups", () => {
  it("keeps a large team apart, gathers small ones by department, and the rest organization-wide", () => {
    const groups = formCommentGroups(
      [team("t1", "Eng", 12), team("t2", "Eng", 6), team("t3", "Eng", 5), team("t4", "Sales", 6), { key: "organization", kind: "organization", department: null, responses: 5 }],
      10,
    );
    expect(groups).toEqual([
      { key: "comments:t1", blocks: ["t1"], responses: 12 },
      { key: "comments:department:Eng", blocks: ["t2", "t3"], responses: 11 },
      { key: "comments:organization", blocks: ["organization", "t4"], responses: 11 },
    ]);
  });

  it("lets a department join a short organization group, and shows nothing it cannot cover", () => {
    expect(formCommentGroups([team("t2", "Eng", 6), team("t3", "Eng", 5), { key: "organization", kind: "organization", department: null, responses: 5 }], 10)).toEqual([
      { key: "comments:organization", blocks: ["organization", "t2", "t3"], responses: 16 },
    ]);
    expect(formCommentGroups([team("t2", "Eng", 6)], 10)).toEqual([]);
  });

  it("never puts open-link comments with anyone else's", () => {
    const groups = formCommentGroups([team("t1", "Eng", 10), { key: "open-link", kind: "open-link", department: null, responses: 4 }], 10);
    expect(groups.map((group) => group.blocks)).toEqual([["t1"]]);
  });
});
