import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FormError, SubmitButton, TextField } from "~/components/forms";
import { Notice } from "~/components/layout";
import { db } from "~/db.server";
import { changeMemberRole, inviteMember, listMembers, listPendingInvitations, removeMember, revokeInvitation } from "~/modules/accounts/members.server";
import { ChangeRoleForm, InvitationIdForm, InviteMemberForm, MembershipIdForm } from "~/modules/accounts/member-form";
import { requireMember } from "~/modules/accounts/membership.server";
import { hasRole, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "~/modules/accounts/roles";
import { fieldErrors, formValues, type FieldErrors } from "~/modules/forms";
import { findActivePersonIdByEmail } from "~/modules/people/people.server";
import { notFound, requireFormData } from "~/modules/http.server";
import { publicBaseUrl } from "~/modules/request-url.server";

export const meta: MetaFunction = () => [{ title: "Members · Earned" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const [members, invitations] = await Promise.all([listMembers(db, member.orgId), listPendingInvitations(db, member.orgId)]);
  return { orgSlug: member.orgSlug, isOwner: member.role === "owner", myUserId: member.userId, members, invitations };
}

type ActionResult = { intent: string; errors?: FieldErrors; values?: Record<string, string>; notice?: string };

const leaderPersonMessage = (email: string) =>
  `No one in the roster has the email ${email}. Enter the email this leader has in the roster, or import them first.`;

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, params.orgSlug, "admin");
  const values = formValues(await requireFormData(request));
  const reply = (result: ActionResult, status = 200) => data(result, { status });
  switch (values.intent) {
    case "invite": {
      const form = InviteMemberForm.safeParse(values);
      if (!form.success) return reply({ intent: "invite", errors: fieldErrors(form.error), values }, 400);
      let personId: string | null = null;
      if (form.data.role === "leader") {
        const personEmail = form.data.personEmail ?? form.data.email;
        personId = (await findActivePersonIdByEmail(db, member.orgId, personEmail)) ?? null;
        if (!personId) return reply({ intent: "invite", errors: { personEmail: [leaderPersonMessage(personEmail)] }, values }, 400);
      }
      const outcome = await inviteMember(db, {
        orgId: member.orgId,
        orgName: member.orgName,
        invitedBy: { id: member.userId, name: member.userName },
        email: form.data.email,
        role: form.data.role,
        personId,
        baseUrl: publicBaseUrl(request),
      });
      if (outcome === "already-member") return reply({ intent: "invite", errors: { email: ["This person is already a member."] }, values }, 409);
      if (outcome === "person-not-found") return reply({ intent: "invite", errors: { personEmail: [leaderPersonMessage(form.data.email)] }, values }, 400);
      return reply({ intent: "invite", notice: `Invitation sent to ${form.data.email}.` });
    }
    case "revoke": {
      const form = InvitationIdForm.safeParse(values);
      if (!form.success) return reply({ intent: "revoke", errors: { form: ["That invitation no longer exists."] } }, 400);
      const outcome = await revokeInvitation(db, member.orgId, form.data.invitationId);
      if (outcome === "not-found") throw notFound();
      if (outcome === "accepted") return reply({ intent: "revoke", errors: { form: ["This invitation has already been accepted."] } }, 409);
      return reply({ intent: "revoke", notice: "Invitation revoked." });
    }
    case "change-role": {
      if (!hasRole(member.role, "owner")) throw new Response("Only owners change roles.", { status: 403 });
      const form = ChangeRoleForm.safeParse(values);
      if (!form.success) return reply({ intent: "change-role", errors: fieldErrors(form.error) }, 400);
      let personId: string | null = null;
      if (form.data.role === "leader") {
        if (!form.data.personEmail) return reply({ intent: "change-role", errors: { form: ["A leader needs the email of their person in the roster."] } }, 400);
        personId = (await findActivePersonIdByEmail(db, member.orgId, form.data.personEmail)) ?? null;
        if (!personId) return reply({ intent: "change-role", errors: { form: [leaderPersonMessage(form.data.personEmail)] } }, 400);
      }
      const outcome = await changeMemberRole(db, member.orgId, form.data.membershipId, form.data.role, personId);
      if (outcome === "not-found") throw notFound();
      if (outcome === "last-owner") return reply({ intent: "change-role", errors: { form: ["The organization needs at least one owner. Make someone else an owner first."] } }, 409);
      if (outcome !== "changed") return reply({ intent: "change-role", errors: { form: ["A leader needs their person in the roster."] } }, 400);
      return reply({ intent: "change-role", notice: "Role changed." });
    }
    case "remove": {
      if (!hasRole(member.role, "owner")) throw new Response("Only owners remove members.", { status: 403 });
      const form = MembershipIdForm.safeParse(values);
      if (!form.success) return reply({ intent: "remove", errors: { form: ["That member no longer exists."] } }, 400);
      const outcome = await removeMember(db, member.orgId, form.data.membershipId);
      if (outcome === "not-found") throw notFound();
      if (outcome === "last-owner") return reply({ intent: "remove", errors: { form: ["The last owner cannot be removed."] } }, 409);
      return redirect(`/o/${member.orgSlug}/settings/members`);
    }
    default:
      return reply({ intent: "unknown", errors: { form: ["Unknown action."] } }, 400);
  }
}

export default function Members() {
  const { orgSlug, isOwner, myUserId, members, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [searchParams] = useSearchParams();
  const confirmRemove = searchParams.get("remove");
  const inviteErrors = result?.intent === "invite" ? result.errors : undefined;
  const inviteValues = result?.intent === "invite" && result.errors ? result.values : undefined;
  return (
    <div className="space-y-8">
      {result?.notice ? <Notice tone="success">{result.notice}</Notice> : null}
      {result && result.intent !== "invite" ? <FormError errors={result.errors?.form} /> : null}
      <section className="card overflow-x-auto" aria-labelledby="members-heading">
        <h2 id="members-heading" className="px-5 pt-5 font-semibold">
          Members
        </h2>
        <table className="table-base mt-3">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Sees</th>
              {isOwner ? <th scope="col">Change role</th> : null}
              {isOwner ? <th scope="col"><span className="sr-only">Remove</span></th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.map((m) => (
              <tr key={m.id}>
                <td>
                  <div className="font-medium">{m.name}</div>
                  <div className="text-xs text-slate-600">{m.email}</div>
                </td>
                <td>{ROLE_LABELS[m.role]}</td>
                <td className="text-slate-700">{m.role === "leader" ? `The part of the org chart under ${m.personName ?? "their person"}` : "The whole organization"}</td>
                {isOwner ? (
                  <td>
                    <Form method="post" className="flex flex-wrap items-end gap-2">
                      <input type="hidden" name="intent" value="change-role" />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <label className="sr-only" htmlFor={`role-${m.id}`}>
                        Role of {m.name}
                      </label>
                      <select id={`role-${m.id}`} name="role" defaultValue={m.role} className="input w-32">
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {ROLE_LABELS[role]}
                          </option>
                        ))}
                      </select>
                      <label className="sr-only" htmlFor={`person-${m.id}`}>
                        Roster email, for a leader
                      </label>
                      <input id={`person-${m.id}`} name="personEmail" placeholder="Roster email (leaders)" defaultValue={m.role === "leader" ? undefined : ""} className="input w-52" />
                      <button type="submit" className="btn-secondary">
                        Save
                      </button>
                    </Form>
                  </td>
                ) : null}
                {isOwner ? (
                  <td>
                    {m.userId === myUserId ? null : confirmRemove === m.id ? (
                      <Form method="post" className="flex items-center gap-2">
                        <input type="hidden" name="membershipId" value={m.id} />
                        <button type="submit" name="intent" value="remove" className="btn-danger">
                          Remove {m.name}
                        </button>
                        <Link to={`/o/${orgSlug}/settings/members`} className="btn-ghost">
                          Keep
                        </Link>
                      </Form>
                    ) : (
                      <Link to={`/o/${orgSlug}/settings/members?remove=${m.id}`} className="btn-ghost text-red-700">
                        Remove…
                      </Link>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card p-5" aria-labelledby="invite-heading">
        <h2 id="invite-heading" className="font-semibold">
          Invite a member
        </h2>
        <p className="mt-1 text-sm text-slate-600">They get a single-use link by email that expires in 7 days.</p>
        <Form method="post" className="mt-4 grid gap-4 sm:grid-cols-2" noValidate key={result?.notice}>
          <input type="hidden" name="intent" value="invite" />
          <TextField label="Email" name="email" type="email" required defaultValue={inviteValues?.email} errors={inviteErrors?.email} />
          <fieldset>
            <legend className="label">Role</legend>
            <div className="mt-2 space-y-2">
              {(["admin", "analyst", "leader"] as const).map((role) => (
                <label key={role} className="flex items-start gap-2 text-sm">
                  <input type="radio" name="role" value={role} defaultChecked={(inviteValues?.role ?? "leader") === role} className="mt-1" />
                  <span>
                    <strong>{ROLE_LABELS[role]}</strong> — {ROLE_DESCRIPTIONS[role]}
                  </span>
                </label>
              ))}
            </div>
            {inviteErrors?.role ? <p className="field-error">{inviteErrors.role[0]}</p> : null}
          </fieldset>
          <TextField
            label="Roster email (leaders, if different)"
            name="personEmail"
            type="email"
            defaultValue={inviteValues?.personEmail}
            errors={inviteErrors?.personEmail}
            hint="A leader sees the part of the org chart under their own person in the roster, found by this email."
          />
          <div className="flex items-end">
            <SubmitButton pendingText="Sending…" name="intent" value="invite">
              Send invitation
            </SubmitButton>
          </div>
        </Form>
      </section>

      <section className="card p-5" aria-labelledby="pending-heading">
        <h2 id="pending-heading" className="font-semibold">
          Pending invitations
        </h2>
        {invitations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No invitations waiting.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
                <span>
                  <strong>{invitation.email}</strong> as {ROLE_LABELS[invitation.role].toLowerCase()}
                  {invitation.personName ? ` (${invitation.personName})` : ""} · expires{" "}
                  {new Date(invitation.expires_at).toISOString().slice(0, 10)}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <button type="submit" className="btn-ghost">
                    Revoke
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
