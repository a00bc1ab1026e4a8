/**
 * How large a roster upload may be: the form's hint, the upload's check and the server's body
 * limit (server/body-limits.ts) all read it here. No imports, so the browser bundle can use it.
 */
export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;
export const MAX_ROSTER_ROWS = 100_000;

const megabytes = MAX_ROSTER_BYTES / (1024 * 1024);

export const rosterLimitsSentence = `Up to ${megabytes} MB and ${MAX_ROSTER_ROWS.toLocaleString("en")} rows, UTF-8.`;
export const rosterTooLargeMessage = `The file is larger than ${megabytes} MB. Remove unneeded columns or split it.`;

/** People listed per page of an import preview. */
export const CHANGES_PER_PAGE = 50;
