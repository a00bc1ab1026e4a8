import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState, PageHeader } from "~/components/layout";
import { StatusBadge } from "~/components/status-badge";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/membership.server";
import { formatDate } from "~/modules/dates";
import { describeParticipation } from "~/modules/anonymity/participation";
import { listSurveys } from "~/modules/surveys/surveys.server";

export const meta: MetaFunction = () => [{ title: "Surveys · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  return { orgSlug: member.orgSlug, surveys: await listSurveys(db, member.orgId) };
}

export default function Surveys() {
  const { orgSlug, surveys } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Surveys"
        description="Pulse surveys run in waves: each wave invites the audience once, and every chart compares waves."
        actions={
          <Link to={`/o/${orgSlug}/surveys/new`} className="btn-primary">
            New survey
          </Link>
        }
      />
      {surveys.length === 0 ? (
        <EmptyState
          title="No surveys yet"
          action={
            <Link to={`/o/${orgSlug}/surveys/new`} className="btn-primary">
              Start from the Influence & Authority Pulse
            </Link>
          }
        >
          The Influence & Authority Pulse asks whom people would follow, whom they ask for advice, and how positional or earned the
          authority around them feels. About five minutes per person.
        </EmptyState>
      ) : (
        <div className="card overflow-x-auto">
          <table className="table-base">
            <thead>
              <tr>
                <th scope="col">Survey</th>
                <th scope="col">Latest wave</th>
                <th scope="col">Status</th>
                <th scope="col" className="text-right">
                  Responses
                </th>
                <th scope="col">Opened</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {surveys.map((survey) => (
                <tr key={survey.id}>
                  <td>
                    <Link to={`/o/${orgSlug}/surveys/${survey.id}`} className="link">
                      {survey.name}
                    </Link>
                    {survey.repeat_every_weeks ? <div className="text-xs text-slate-600">Repeats every {survey.repeat_every_weeks} weeks</div> : null}
                  </td>
                  <td>Wave {survey.waveNumber}</td>
                  <td>
                    <StatusBadge status={survey.status} />
                  </td>
                  <td className="text-right tabular-nums">{survey.participation.invited > 0 ? describeParticipation(survey.participation) : <span className="text-slate-500">Not sent yet</span>}</td>
                  <td>{formatDate(survey.opened_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
