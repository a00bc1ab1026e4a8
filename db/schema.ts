import type { ColumnType, Generated } from "kysely";

type CreatedAt = ColumnType<Date, never, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type Role = "owner" | "admin" | "analyst" | "leader";

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  created_at: CreatedAt;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  expires_at: Date;
}

export interface OrganizationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  min_group_size: Generated<number>;
  comment_min_group_size: Generated<number>;
  dp_epsilon: number | null;
  /** Who appears by name on influence views (app/modules/analytics/naming.ts). */
  naming: Generated<Naming>;
  created_at: CreatedAt;
}

export type Naming = "everyone" | "formal-roles" | "consent";

export interface NamingConsentTable {
  organization_id: string;
  person_id: string;
}

export interface MembershipTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  role: Role;
  person_id: string | null;
  created_at: CreatedAt;
}

export interface RateLimitTable {
  key: string;
  window_started_at: Timestamp;
  hits: number;
}

export interface PersonTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  name: string;
  title: string | null;
  department: string | null;
  location: string | null;
  level: string | null;
  manager_id: string | null;
  attributes: ColumnType<Record<string, string>, string | undefined, string>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** Moved by triggers on every write to an organization's people (see its migration). */
export interface RosterVersionTable {
  organization_id: string;
  version: ColumnType<string, never, never>;
}

export interface MemberInvitationTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  role: Exclude<Role, "owner">;
  person_id: string | null;
  token_hash: string;
  invited_by: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  created_at: CreatedAt;
}

export type EmailStatus = "outbox" | "queued" | "sent" | "failed";

export interface EmailMessageTable {
  id: Generated<string>;
  organization_id: string | null;
  /** Survey emails: whose link to put in the body when it is sent (never stored in the body). */
  invitation_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  body_text: string | null;
  status: EmailStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Date | null;
}

export interface RosterImportTable {
  id: Generated<string>;
  organization_id: string;
  file_name: string;
  deactivate_missing: boolean;
  status: "previewed" | "applied" | "discarded";
  summary: ColumnType<unknown, string, string>;
  /** The roster's version (roster_version) when the preview was made; the name is from when it was a fingerprint of the rows. */
  roster_fingerprint: string;
  created_by: string | null;
  created_at: CreatedAt;
  applied_at: Date | null;
}

export interface RosterImportRowTable {
  import_id: string;
  line: number;
  email: string;
  name: string;
  title: string | null;
  department: string | null;
  location: string | null;
  level: string | null;
  manager_email: string | null;
  attributes: ColumnType<Record<string, string>, string, string>;
  change: "new" | "updated" | "unchanged";
  /** What the row changes (app/modules/people/roster-check.ts FieldChange[]). */
  changed_fields: ColumnType<unknown, string, string>;
}

export interface RosterImportProblemTable {
  import_id: string;
  line: number;
  email: string | null;
  message: string;
}

export interface SurveyTemplateTable {
  id: Generated<string>;
  key: string;
  name: string;
  description: string;
  position: number;
  questions: ColumnType<unknown, string, string>;
}

export interface SurveyTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  repeat_every_weeks: number | null;
  created_at: CreatedAt;
}

export type WaveStatus = "draft" | "scheduled" | "open" | "closed";

export type Distribution = "email" | "links" | "open";

export interface SurveyWaveTable {
  id: Generated<string>;
  organization_id: string;
  survey_id: string;
  number: number;
  status: WaveStatus;
  opens_at: Date | null;
  closes_at: Date | null;
  opened_at: Date | null;
  closed_at: Date | null;
  min_group_size: number;
  audience: ColumnType<unknown, string, string>;
  distribution: Distribution;
  /** Fixed at launch: a link list, or email without a mail server, puts links in admins' hands. */
  admins_hold_links: Generated<boolean>;
  reminder_days: ColumnType<number[], string | undefined, string>;
  open_link_token_hash: string | null;
  base_url: string | null;
  created_at: CreatedAt;
}

export type QuestionKind = "likert" | "scale" | "single_choice" | "multiple_choice" | "text" | "nomination";

export interface QuestionTable {
  id: Generated<string>;
  organization_id: string;
  wave_id: string;
  position: number;
  key: string;
  kind: QuestionKind;
  prompt: string;
  description: string | null;
  required: boolean;
  construct: string | null;
  options: ColumnType<unknown, string | undefined, string>;
}

export interface InvitationTable {
  id: Generated<string>;
  organization_id: string;
  wave_id: string;
  person_id: string;
  segment: string;
}

/** A person's private report of a wave, tied to nobody in the clear (see its migration). */
export interface ReportLinkTable {
  token_hash: string;
  organization_id: string;
  wave_id: string;
  claims: Uint8Array;
}

/** A single-use right to answer, tied to nobody in the clear (see the ballot migration). */
export interface BallotTable {
  token_hash: string;
  organization_id: string;
  wave_id: string;
  claims: Uint8Array;
  spent: Generated<boolean>;
}

export interface WaveReminderTable {
  wave_id: string;
  reminder_day: number;
  sent_on: ColumnType<string, string | undefined, never>;
  recipients: number;
}

export interface ResponsePoolTable {
  id: Generated<string>;
  organization_id: string;
  wave_id: string;
  sealed: Uint8Array;
}

export interface ResponseTable {
  id: Generated<string>;
  organization_id: string;
  wave_id: string;
  /** The group it was released under (app/modules/anonymity/groups.ts). */
  group_key: string;
}

export interface AnswerTable {
  response_id: string;
  question_id: string;
  value_number: number | null;
  value_choices: ColumnType<number[] | null, string | null, string | null>;
  value_text: string | null;
}

/** How many of a release's responses in a group chose a person in a question: never per response. */
export interface NominationCountTable {
  id: Generated<string>;
  organization_id: string;
  wave_id: string;
  group_key: string;
  question_id: string;
  nominee_id: string;
  count: number;
}

export interface AnalyticsSnapshotTable {
  wave_id: string;
  organization_id: string;
  computed_at: Generated<Date>;
  released_responses: number;
  min_group_size: number;
  dp_epsilon: number | null;
  compute_ms: number;
  version: number;
  closed: boolean;
  answered: number;
  data: ColumnType<unknown, string, string>;
}

export interface Database {
  app_user: AppUserTable;
  user_session: UserSessionTable;
  organization: OrganizationTable;
  membership: MembershipTable;
  rate_limit: RateLimitTable;
  person: PersonTable;
  roster_version: RosterVersionTable;
  member_invitation: MemberInvitationTable;
  email_message: EmailMessageTable;
  roster_import: RosterImportTable;
  roster_import_row: RosterImportRowTable;
  roster_import_problem: RosterImportProblemTable;
  survey_template: SurveyTemplateTable;
  survey: SurveyTable;
  survey_wave: SurveyWaveTable;
  question: QuestionTable;
  invitation: InvitationTable;
  ballot: BallotTable;
  report_link: ReportLinkTable;
  naming_consent: NamingConsentTable;
  wave_reminder: WaveReminderTable;
  response_pool: ResponsePoolTable;
  response: ResponseTable;
  answer: AnswerTable;
  nomination_count: NominationCountTable;
  analytics_snapshot: AnalyticsSnapshotTable;
}
