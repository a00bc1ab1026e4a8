export type RouteHandle = {
  /** false: render on the server only, without React in the browser. */
  hydrate?: boolean;
  /** Plain scripts (paths under public/) for pages that do not hydrate. */
  scripts?: string[];
};
