/** The people table's orders: shared by the server that sorts and the headers that link to them, so the page's JavaScript needs nothing else. */
export const PEOPLE_SORTS = ["followers", "earned", "reports", "pagerank", "name"] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
export type SortDirection = "asc" | "desc";

/** Figures first from the highest, names from A. */
export const defaultDirection = (sort: PeopleSort): SortDirection => (sort === "name" ? "asc" : "desc");
