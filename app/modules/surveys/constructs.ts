/**
 * The construct tags the dashboards understand and their names: the one home for both, read by
 * the question editor's picker and by every chart. Any other lower-case tag is a custom
 * construct, shown under its own tag.
 */
export const KNOWN_CONSTRUCTS = [
  { tag: "authority.positional", label: "Positional authority" },
  { tag: "authority.earned", label: "Earned authority" },
  { tag: "leadership.moments", label: "Leadership moments" },
  { tag: "open_space", label: "Open space" },
  { tag: "engagement", label: "Engagement" },
  { tag: "followership", label: "Followership (nominations)" },
  { tag: "advice", label: "Advice (nominations)" },
] as const;

const LABELS = new Map<string, string>(KNOWN_CONSTRUCTS.map((construct) => [construct.tag, construct.label]));

export function constructLabel(tag: string): string {
  return LABELS.get(tag) ?? tag;
}
