import { Form } from "@remix-run/react";
import { Notice } from "~/components/layout";
import type { SurveyPageWave } from "./types";

/** How this wave's links reach people, and the list or open link where there is one. */
export function WaveLinksCard({ wave, waveBase, busy, openLink }: { wave: SurveyPageWave; waveBase: string; busy: boolean; openLink?: string }) {
  const waveInput = <input type="hidden" name="waveId" value={wave.id} />;
  return (
    <section className="card p-5" aria-labelledby="distribution-heading">
      <h2 id="distribution-heading" className="font-semibold">
        Links
      </h2>
      {wave.distribution === "email" ? (
        <p className="mt-1 text-sm text-slate-700">
          {wave.admins_hold_links
            ? "Trial mode: there is no email server, so each person's link waits in the outbox (Settings → Outbox). Respondents are told that administrators can read it."
            : "Each person received their own link by email. Nobody else can see or download these links, so nobody can answer for them."}
        </p>
      ) : null}
      {wave.distribution === "links" ? (
        <>
          <p className="mt-1 text-sm text-slate-700">
            Download the list of personal links and share each one privately. It holds the same links every time. Respondents are told that the survey's
            administrators hold their link.
          </p>
          <form method="post" action={`${waveBase}/links`} className="mt-3">
            <button type="submit" className="btn-secondary">
              Download personal links (CSV)
            </button>
          </form>
        </>
      ) : null}
      {wave.distribution === "open" ? (
        <>
          <p className="mt-1 text-sm text-slate-700">
            One link for everyone. Anyone holding it can answer, administrators included, so its answers are reported apart as unverified.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Form method="post">
              {waveInput}
              <button type="submit" name="intent" value="open-link" className="btn-secondary" disabled={busy}>
                {wave.hasOpenLink ? "Replace the open link" : "Create the open link"}
              </button>
            </Form>
            {wave.hasOpenLink ? (
              <Form method="post">
                {waveInput}
                <button type="submit" name="intent" value="remove-open-link" className="btn-ghost" disabled={busy}>
                  Turn off the open link
                </button>
              </Form>
            ) : null}
          </div>
          {openLink ? (
            <div className="mt-3">
              <Notice tone="success">
                Open link (shown once: copy it now): <code className="break-all">{openLink}</code>
              </Notice>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
