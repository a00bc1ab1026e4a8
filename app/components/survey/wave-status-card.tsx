import { Form, Link } from "@remix-run/react";
import { Notice } from "~/components/layout";
import { LocalTime } from "~/components/local-time";
import { DISTRIBUTION_LABEL } from "~/modules/surveys/distribution";
import type { SurveyPageLaunch, SurveyPageWave } from "./types";

type Props = { wave: SurveyPageWave; launch: SurveyPageLaunch; waveBase: string; wavePage: string; busy: boolean; confirm: string | null; smtp: boolean };

/** Where the wave stands and what can be done next; launching and closing ask first. */
export function WaveStatusCard({ wave, launch, waveBase, wavePage, busy, confirm, smtp }: Props) {
  const blocked = (launch?.problems.length ?? 0) > 0;
  const waveInput = <input type="hidden" name="waveId" value={wave.id} />;
  return (
    <section className="card p-5" aria-labelledby="status-heading">
      <h2 id="status-heading" className="font-semibold">
        {wave.status === "draft" ? "Ready to launch?" : wave.status === "scheduled" ? "Scheduled" : wave.status === "open" ? "Collecting answers" : "Closed"}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-5">
        <div>
          <dt className="text-slate-600">Audience</dt>
          <dd>
            {wave.distribution === "open" ? "Anyone with the open link" : wave.audienceDescription}
            {launch && wave.distribution !== "open" ? ` (${launch.audienceSize} ${launch.audienceSize === 1 ? "person" : "people"} now)` : ""}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Links</dt>
          <dd>{DISTRIBUTION_LABEL[wave.distribution]}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Minimum group size</dt>
          <dd>{wave.min_group_size} people who answered</dd>
        </div>
        <div>
          <dt className="text-slate-600">{wave.status === "open" || wave.status === "closed" ? "Opened" : "Opens"}</dt>
          <dd>
            <LocalTime value={wave.opened_at ?? wave.opens_at} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Closes</dt>
          <dd>
            <LocalTime value={wave.closed_at ?? wave.closes_at} fallback="When you close it" />
          </dd>
        </div>
      </dl>
      {launch && blocked ? (
        <div className="mt-4">
          <Notice tone="warning">
            <p className="font-medium">Before this wave can open:</p>
            <ul className="mt-1 list-disc pl-5">
              {launch.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </Notice>
        </div>
      ) : null}
      {confirm === "open" && (wave.status === "draft" || wave.status === "scheduled") && launch && !blocked ? (
        <LaunchConfirmation wave={wave} audienceSize={launch.audienceSize} smtp={smtp} busy={busy} waveInput={waveInput} wavePage={wavePage} />
      ) : null}
      {confirm === "close" && wave.status === "open" ? (
        <div className="mt-4 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
          <p className="text-sm text-slate-800">
            Closing ends the wave for everyone: unused links stop working, and answers still waiting for their group are placed now, in wider groups where
            needed. Answers that could never be shown without exposing someone are deleted. This cannot be undone.
          </p>
          <Form method="post" className="mt-3 flex flex-wrap gap-2">
            {waveInput}
            <button type="submit" name="intent" value="close" className="btn-danger" disabled={busy}>
              Close wave {wave.number} now
            </button>
            <Link to={wavePage} className="btn-ghost">
              Keep it open
            </Link>
          </Form>
        </div>
      ) : null}
      {confirm ? null : (
        <div className="mt-4 flex flex-wrap gap-2">
          {wave.editable ? (
            <>
              <Link to={`${waveBase}/audience`} className="btn-secondary">
                Choose audience
              </Link>
              <Link to={`${waveBase}/settings`} className="btn-secondary">
                Settings and schedule
              </Link>
            </>
          ) : null}
          {(wave.status === "draft" || wave.status === "scheduled") && !blocked ? (
            <Link to={`${wavePage}&confirm=open`} className="btn-primary">
              {wave.status === "scheduled" ? "Open now…" : "Launch now…"}
            </Link>
          ) : null}
          {(wave.status === "draft" || wave.status === "scheduled") && blocked ? (
            <button type="button" className="btn-primary" disabled>
              Launch now…
            </button>
          ) : null}
          <Form method="post" className="flex flex-wrap gap-2">
            {waveInput}
            {wave.status === "draft" && wave.opens_at ? (
              <button type="submit" name="intent" value="schedule" className="btn-secondary" disabled={busy || blocked}>
                Schedule for <LocalTime value={wave.opens_at} />
              </button>
            ) : null}
            {wave.status === "scheduled" ? (
              <button type="submit" name="intent" value="unschedule" className="btn-secondary" disabled={busy}>
                Back to draft
              </button>
            ) : null}
          </Form>
          {wave.status === "open" ? (
            <Link to={`${wavePage}&confirm=close`} className="btn-secondary">
              Close wave…
            </Link>
          ) : null}
          {wave.isLatest && (wave.status === "open" || wave.status === "closed") ? (
            <Form method="post">
              <button type="submit" name="intent" value="next-wave" className="btn-secondary" disabled={busy}>
                Prepare wave {wave.number + 1}
              </button>
            </Form>
          ) : null}
        </div>
      )}
    </section>
  );
}

function LaunchConfirmation({ wave, audienceSize, smtp, busy, waveInput, wavePage }: { wave: SurveyPageWave; audienceSize: number; smtp: boolean; busy: boolean; waveInput: JSX.Element; wavePage: string }) {
  const how =
    wave.distribution === "open"
      ? "Nobody is emailed: you share one open link. Anyone holding it can answer, so those answers are reported apart, as unverified."
      : wave.distribution === "links"
        ? `You will download a list of ${audienceSize} personal links and hand them out. Respondents are told that the survey's administrators hold their link.`
        : smtp
          ? `${audienceSize} people get their personal link by email. Nobody else can see or download those links.`
          : `Trial mode: there is no email server, so the ${audienceSize} invitations wait in the outbox, where administrators can read their links. Respondents are told so.`;
  return (
    <div className="mt-4 rounded-lg bg-indigo-50 p-4 ring-1 ring-indigo-200" role="region" aria-label="Confirm launch">
      <p className="font-medium text-slate-900">Launch wave {wave.number} now?</p>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
        {wave.distribution === "open" ? null : <li>{audienceSize.toLocaleString("en")} people invited ({wave.audienceDescription}).</li>}
        <li>{how}</li>
        <li>
          {wave.closes_at ? (
            <>
              Closes <LocalTime value={wave.closes_at} />.
            </>
          ) : (
            "Stays open until you close it."
          )}
        </li>
        <li>Results appear for groups once {wave.min_group_size} of their people have answered. The questions are locked from now on.</li>
      </ul>
      <Form method="post" className="mt-3 flex flex-wrap gap-2">
        {waveInput}
        <button type="submit" name="intent" value="open" className="btn-primary" disabled={busy}>
          Launch to {wave.distribution === "open" ? "the open link" : `${audienceSize.toLocaleString("en")} people`}
        </button>
        <Link to={wavePage} className="btn-ghost">
          Not yet
        </Link>
      </Form>
    </div>
  );
}
