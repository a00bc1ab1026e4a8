import { Form, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { ShareCell } from "~/components/share-cell";
import { CONFIDENCE_LABEL } from "~/modules/analytics/confidence";
import { STABILITY_LABEL } from "~/modules/analytics/stability";
import { BAND_LABEL, originsSentence, type PersonalReport } from "~/modules/reports/personal-report";
import type { ReportPage } from "~/modules/reports/report-page.server";
import { RespondentLayout } from "../respondent-layout";

type Ready = Extract<PersonalReport, { state: "ready" }>;

/** A person's private report: what colleagues' choices say about them, and who can see it. */
export function PersonalReportPage({ page }: { page: ReportPage }) {
  const { report } = page;
  return (
    <RespondentLayout orgName={page.orgName} kind="Private report">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">Your report: {page.surveyName}</h1>
      <p className="mt-2 text-slate-700">
        For {page.personName}, wave {page.waveNumber}. Only you received this link. Everyone invited got a report like this, whether or not they answered, so
        it says nothing about whether you did.
      </p>
      <div className="mt-6 space-y-6">
        {report.state === "preparing" ? (
          <Section title="Being prepared">
            <p>The figures are computed a few minutes after the survey closes. Come back to this link a little later.</p>
          </Section>
        ) : report.state === "too-few" ? (
          <Section title="Nothing is published this time">
            <p>Fewer than {report.k} people answered in every group, so no figure is shown about anyone, you included.</p>
          </Section>
        ) : report.state === "not-in-wave" ? (
          <Section title="You are not in this wave’s figures">
            <p>Your organization’s list of people no longer includes you, so nothing about you is shown.</p>
          </Section>
        ) : (
          <ReadyReport report={report} />
        )}
      </div>
    </RespondentLayout>
  );
}

function ReadyReport({ report }: { report: Ready }) {
  const primary = report.questions.find((question) => question.primary);
  return (
    <>
      <Section title="How often colleagues chose you">
        <p className="text-sm text-slate-600">Counted only from groups of at least {report.k} answers. Who chose you is never stored with a name, and never shown.</p>
        <ul className="mt-4 space-y-4">
          {report.questions.map((question) => (
            <li key={question.id} className="rounded-lg bg-slate-50 p-4">
              <p className="text-sm text-slate-700">“{question.prompt}”</p>
              <p className="mt-1 text-2xl font-bold text-slate-900">{question.chosenBy === 0 ? "Nobody chose you" : `${question.chosenBy} ${question.chosenBy === 1 ? "person" : "people"} chose you`}</p>
              {question.chosenBy > 0 ? <p className="text-sm text-slate-700">{originsSentence(question.from)}</p> : null}
              <p className="text-sm text-slate-700">{BAND_LABEL[question.band]}</p>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Where this places you">
        <p className="text-lg font-semibold text-slate-900">{report.quadrant.title}</p>
        <p className="mt-1 text-slate-700">{report.quadrant.prompt}</p>
        {report.quadrant.stability ? <p className="mt-2 text-sm text-slate-700">{STABILITY_LABEL[report.quadrant.stability]}: {stabilityMeaning(report.quadrant.stability)}</p> : null}
        <details className="mt-3 text-sm text-slate-700">
          <summary className="cursor-pointer font-medium">The rule, in full</summary>
          <p className="mt-2">{report.quadrant.rule}</p>
        </details>
        {primary && primary.chosenBy > 0 ? (
          <p className="mt-3 text-sm text-slate-700">
            Of the people who chose you, the share from outside your reporting line: <ShareCell figure={report.earnedShare} />
          </p>
        ) : null}
        {report.followBack ? (
          <p className="mt-2 text-sm text-slate-700">
            Of your team’s answers that form a group of their own, the share who chose you: <ShareCell figure={report.followBack} />
          </p>
        ) : null}
        {report.confidence ? (
          <p className="mt-3 text-sm text-slate-600">
            {CONFIDENCE_LABEL[report.confidence.level].title}
            {report.confidence.rate !== null ? ` (${Math.round(report.confidence.rate * 100)}% of those invited answered)` : ""}: {CONFIDENCE_LABEL[report.confidence.level].text}
          </p>
        ) : null}
      </Section>
      {report.trend.length > 1 ? <Trend trend={report.trend} prompt={primary?.prompt} /> : null}
      <WhoSees visibility={report.visibility} />
    </>
  );
}

function stabilityMeaning(stability: NonNullable<Ready["quadrant"]["stability"]>): string {
  return stability === "stable"
    ? "this place holds with any one group of answers left out, and in nine resamples of the answers out of ten."
    : "leaving out one group of answers, or resampling them, can move you to another place.";
}

function Trend({ trend, prompt }: { trend: Ready["trend"]; prompt: string | undefined }) {
  return (
    <Section title="Across waves">
      <table className="table-base w-full">
        <caption className="mb-2 text-left text-sm text-slate-600">People who chose you{prompt ? ` on “${prompt}”` : ""}</caption>
        <thead>
          <tr>
            <th scope="col">Wave</th>
            <th scope="col">Chose you</th>
          </tr>
        </thead>
        <tbody>
          {trend.map((point) => (
            <tr key={point.wave}>
              <td>{point.wave}</td>
              <td>{point.chosenBy ?? <span className="text-slate-500">not published</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function WhoSees({ visibility }: { visibility: Ready["visibility"] }) {
  const [params] = useSearchParams();
  const seen = (named: boolean) => (named ? "by name, with the figures above" : "as an anonymous point of your department: the figures, never your name");
  return (
    <section id="who-sees" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-labelledby="who-sees-title">
      <h2 id="who-sees-title" className="text-lg font-semibold text-slate-900">
        What leaders can see about you
      </h2>
      {params.get("saved") ? (
        <p role="status" className="mt-3 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
          Saved. Views computed from now on follow your choice.
        </p>
      ) : null}
      <ul className="mt-3 list-disc space-y-1 pl-5 text-slate-700">
        <li>Analysts see you {seen(visibility.namedToAnalysts)}.</li>
        <li>Leaders above you see you {seen(visibility.namedToLeaders)}.</li>
        <li>Nobody sees who chose you, or what you answered.</li>
      </ul>
      {visibility.naming === "consent" ? (
        <Form method="post" className="mt-4">
          <p className="text-sm text-slate-700">
            Your organization names people only with their consent.{" "}
            {visibility.consented ? "You have agreed to be named; you can withdraw at any time." : "You can agree to be named, and withdraw at any time."}
          </p>
          <button type="submit" name="consent" value={visibility.consented ? "withdraw" : "give"} className="btn btn-secondary mt-3">
            {visibility.consented ? "Stop naming me" : "Name me on influence views"}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      <div className="mt-3 space-y-2 text-slate-700">{children}</div>
    </section>
  );
}
