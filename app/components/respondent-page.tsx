import { useActionData, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/modules/dates";
import type { RespondentReply, RespondentView } from "~/modules/responses/respondent-page.server";
import { PrivacyNote, RespondentForm } from "./respondent-form";
import { RespondentLayout, RespondentMessage } from "./respondent-layout";

type PageData = { form: RespondentView };

/** The page behind a personal link or an open link: the form, or why there is none. */
export function RespondentPage({ unverified = false }: { unverified?: boolean }) {
  const { form } = useLoaderData<PageData>();
  const reply = useActionData<Extract<RespondentReply, { kind: "form" }>>();
  switch (form.state) {
    case "unknown":
      return (
        <RespondentMessage title="This link does not work">
          <p>Check that you opened the whole link from your message. If it still does not work, ask the person who sent the survey for a new one.</p>
        </RespondentMessage>
      );
    case "answered":
      return (
        <RespondentMessage orgName={form.orgName} title="You have already answered">
          <p>Your answers to “{form.surveyName}” arrived. Each link works once, so there is nothing more to do. Thank you.</p>
        </RespondentMessage>
      );
    case "closed":
      return (
        <RespondentMessage orgName={form.orgName} title="This survey has closed">
          <p>“{form.surveyName}” no longer takes answers. Thank you for your interest; the next wave will come with a new link.</p>
        </RespondentMessage>
      );
    case "not-open":
      return (
        <RespondentMessage orgName={form.orgName} title="This survey has not opened yet">
          <p>“{form.surveyName}” is not open yet. Please come back when you are told it has started.</p>
        </RespondentMessage>
      );
    case "open":
      return (
        <RespondentLayout orgName={form.orgName}>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{form.surveyName}</h1>
          <p className="mt-2 text-slate-700">
            About five minutes. Your answers are stored without your name and only ever shown combined with those of at least {form.disclosure.k} people who
            answered.
            {form.closesAt ? ` Open until ${formatDate(form.closesAt)}.` : ""}
          </p>
          {unverified ? <p className="mt-2 text-sm text-slate-600">You are answering through a shared link, so your answers count as unverified.</p> : null}
          <div className="mt-4">
            <PrivacyNote disclosure={form.disclosure} />
          </div>
          <div className="mt-6">
            <RespondentForm
              questions={form.questions}
              values={reply?.values}
              errors={reply?.errors}
              chosen={reply?.chosen}
              searches={reply?.searches}
              searchedIn={reply?.searchedIn}
              nearby={form.nearby}
            />
          </div>
        </RespondentLayout>
      );
  }
}
