import type { Db } from "~/db.server";
import { deleteExpiredRateLimits } from "~/modules/accounts/rate-limit.server";
import { deliverDueEmails, smtpConfigured } from "~/modules/email/email.server";
import { deleteStaleRosterPreviews } from "~/modules/people/roster.server";
import { sendDueReminders } from "~/modules/surveys/distribution.server";
import { processDueWaves } from "~/modules/surveys/wave-scheduler.server";
import { refreshStaleSnapshots } from "~/modules/analytics/analytics.server";

export type JobDefinition = {
  run: (db: Db, data: Record<string, unknown>) => Promise<void>;
  /** Cron expression (UTC) for a recurring run. */
  cron?: string;
  retryLimit?: number;
  pollingIntervalSeconds?: number;
};

const definitions = {
  "clean-up": {
    cron: "17 * * * *",
    run: async (db) => {
      await db.deleteFrom("user_session").where("expires_at", "<=", new Date()).execute();
      await deleteExpiredRateLimits(db);
      await deleteStaleRosterPreviews(db);
    },
  },
  "deliver-email": {
    cron: "* * * * *",
    pollingIntervalSeconds: 1,
    run: async (db) => {
      if (smtpConfigured()) await deliverDueEmails(db);
    },
  },
  "survey-schedule": {
    cron: "* * * * *",
    run: async (db) => {
      await processDueWaves(db);
      await sendDueReminders(db);
    },
  },
  "compute-analytics": {
    cron: "*/5 * * * *",
    run: async (db) => {
      await refreshStaleSnapshots(db);
    },
  },
} satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof definitions;
export const JOBS: Record<JobName, JobDefinition> = definitions;
