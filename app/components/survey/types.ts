import type { loadSurveyPage } from "~/modules/surveys/survey-page.server";

/** What the survey page's loader gives its sections (single fetch keeps dates as dates). */
type Page = NonNullable<Awaited<ReturnType<typeof loadSurveyPage>>>;

export type SurveyPageWave = Page["wave"];
export type SurveyPageProgress = NonNullable<Page["progress"]>;
export type SurveyPageQuestion = Page["questions"][number];
export type SurveyPageLaunch = Page["launch"];
