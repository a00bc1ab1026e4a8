/**
 * Respondent links (/r/<token>, /r/open/<token>) and member invitations (/join/<token>) carry
 * secrets in their path: a log line must not carry one.
 */
export function redactPath(path: string): string {
  return path
    .replace(/^\/r\/open\/[^/?#]+/, "/r/open/[token]")
    .replace(/^\/r\/(?!open\/\[token\])[^/?#]+/, "/r/[token]")
    .replace(/^\/join\/[^/?#]+/, "/join/[token]");
}
