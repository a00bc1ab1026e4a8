import { db } from "~/db.server";
import { notFound, requireId } from "~/modules/http.server";
import { findWave } from "./surveys.server";

/** The wave named in the URL, which must belong to the survey in the URL and to the organization. */
export async function requireWave(orgId: string, params: { surveyId?: string; waveId?: string }) {
  const surveyId = requireId(params.surveyId);
  const wave = await findWave(db, orgId, requireId(params.waveId));
  if (!wave || wave.surveyId !== surveyId) throw notFound();
  return wave;
}
