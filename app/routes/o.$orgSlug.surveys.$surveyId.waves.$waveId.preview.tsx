import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Notice, PageHeader } from "~/components/layout";
import { PrivacyNote, RespondentForm } from "~/components/respondent-form";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { listQuestions } from "~/modules/surveys/surveys.server";
import { requireWave } from "~/modules/surveys/wave-access.server";

export const meta: MetaFunction = () => [{ title: "Preview · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const wave = await requireWave(member.orgId, params);
  return { orgSlug: member.orgSlug, wave, questions: await listQuestions(db, member.orgId, wave.id) };
}

export default function Preview() {
  const { orgSlug, wave, questions } = useLoaderData<typeof loader>();
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
        <PrivacyNote />
        <RespondentForm questions={questions} submittable={false} />
      </div>
    </>
  );
}
