/**
 * Respondent links (/r/<token>) are secrets that identify a person: a log line must not carry one.
 */
export function redactPath(path: string): string {
  return path.replace(/^\/r\/[^/?#]+/, "/r/[token]").replace(/^\/join\/[^/?#]+/, "/join/[token]");
}
