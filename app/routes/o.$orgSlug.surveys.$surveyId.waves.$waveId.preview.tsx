import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Notice, PageHeader } from "~/components/layout";
import { PrivacyNote, RespondentForm } from "~/components/respondent-form";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { commentMinimum } from "~/modules/anonymity/policy";
import { smtpConfigured } from "~/modules/email/email.server";
import { adminsHoldLinks } from "~/modules/surveys/distribution";
import { listQuestions } from "~/modules/surveys/surveys.server";
import { requireWave } from "~/modules/surveys/wave-access.server";

export const meta: MetaFunction = () => [{ title: "Preview · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const wave = await requireWave(member.orgId, params);
  const disclosure = {
    k: wave.min_group_size,
    commentMinimum: commentMinimum(wave.min_group_size, member.commentMinGroupSize),
    adminsHoldLink: adminsHoldLinks(wave.distribution, smtpConfigured()),
    openLink: wave.distribution === "open",
    privateReport: wave.distribution !== "open" && smtpConfigured(),
  };
  return { orgSlug: member.orgSlug, wave, disclosure, questions: await listQuestions(db, member.orgId, wave.id) };
}

export default function Preview() {
  const { orgSlug, wave, disclosure, questions } = useLoaderData<typeof loader>();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link to={`/o/${orgSlug}/surveys/${wave.surveyId}?wave=${wave.number}`} className="link">
          {wave.surveyName}, wave {wave.number}
        </Link>
      </nav>
      <PageHeader title="Preview" description="Exactly what respondents see. Nothing here can be sent." />
      <div className="mx-auto max-w-2xl space-y-6">
        <Notice>This is a preview: answers entered here go nowhere.</Notice>
        <h2 className="text-2xl font-bold tracking-tight">{wave.surveyName}</h2>
        <PrivacyNote disclosure={disclosure} />
        <RespondentForm questions={questions} submittable={false} />
      </div>
    </>
  );
}
