export const PEOPLE_PAGE_SIZE = 50;

export type PeopleQuery = { search: string; department: string; page: number; includeInactive: boolean };
