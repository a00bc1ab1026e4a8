import type { GroupKind } from "./groups";

/**
 * Comments say more about their writer than any score, so they are published in larger groups
 * (the comment minimum), and only once the wave has closed, so that no later state differs from an
 * earlier one by a single comment. A view shows a comment group's comments only when every group
 * in it is in the view: the organization's comments minus a leader's can then only ever be whole
 * comment groups, each of at least the comment minimum.
 *
 * Comment groups: a segment with enough responses on its own; else its department's groups
 * together; else the rest of the organization; if that is short, the smallest department comment
 * groups join it; if still short, those comments are not shown. Open-link answers stay apart.
 */

export type CommentBlock = { key: string; kind: GroupKind; department: string | null; responses: number };

export type CommentGroup = { key: string; blocks: string[]; responses: number };

export function formCommentGroups(blocks: readonly CommentBlock[], minimum: number): CommentGroup[] {
  const groups: CommentGroup[] = [];
  const byDepartment = new Map<string, CommentBlock[]>();
  const organization: CommentBlock[] = [];
  for (const block of blocks) {
    if (block.kind === "open-link") {
      if (block.responses >= minimum) groups.push({ key: `comments:${block.key}`, blocks: [block.key], responses: block.responses });
    } else if (block.responses >= minimum && (block.kind === "team" || block.kind === "department")) {
      groups.push({ key: `comments:${block.key}`, blocks: [block.key], responses: block.responses });
    } else if (block.department !== null && block.kind !== "organization" && block.kind !== "organization-pool") {
      byDepartment.set(block.department, [...(byDepartment.get(block.department) ?? []), block]);
    } else {
      organization.push(block);
    }
  }
  const departmentGroups: CommentGroup[] = [];
  for (const [department, members] of [...byDepartment].sort(([a], [b]) => a.localeCompare(b))) {
    const responses = members.reduce((sum, block) => sum + block.responses, 0);
    if (responses >= minimum) departmentGroups.push({ key: `comments:department:${department}`, blocks: members.map((block) => block.key), responses });
    else organization.push(...members);
  }
  const rest: CommentGroup = { key: "comments:organization", blocks: organization.map((block) => block.key), responses: organization.reduce((sum, block) => sum + block.responses, 0) };
  const joinable = [...departmentGroups].sort((a, b) => a.responses - b.responses || a.key.localeCompare(b.key));
  while (rest.responses > 0 && rest.responses < minimum && joinable.length > 0) {
    const joined = joinable.shift()!;
    departmentGroups.splice(departmentGroups.indexOf(joined), 1);
    rest.blocks.push(...joined.blocks);
    rest.responses += joined.responses;
  }
  return [...groups, ...departmentGroups, ...(rest.responses >= minimum ? [rest] : [])];
}
