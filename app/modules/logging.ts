/**
 * What never reaches a log line. Respondent and report links (/r/<token>, /r/open/<token>,
 * /me/<token>) and member invitations (/join/<token>) carry secrets in their path; and any request
 * a respondent's page makes (its own script included) would record when someone opened their survey.
 */
export function redactPath(path: string): string {
  return path
    .replace(/^\/r\/open\/[^/?#]+/, "/r/open/[token]")
    .replace(/^\/r\/(?!open\/\[token\]|thanks$)[^/?#]+/, "/r/[token]")
    .replace(/^\/me\/[^/?#]+/, "/me/[token]")
    .replace(/^\/join\/[^/?#]+/, "/join/[token]");
}

/** Paths the access log leaves out altogether. */
export function isRespondentTraffic(path: string): boolean {
  return path.startsWith("/r/") || path.startsWith("/me/") || path === "/respondent.js" || path.startsWith("/assets/");
}
