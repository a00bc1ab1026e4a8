import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useParams } from "@remix-run/react";
import { z } from "zod";
import { AuthLayout } from "~/components/auth-layout";
import { FormError, SubmitButton, TextField } from "~/components/forms";
import { db } from "~/db.server";
import { requireFormData } from "~/modules/http.server";
import { NewPassword, PersonName } from "~/modules/accounts/account-form";
import { findSignedIn, startSession } from "~/modules/accounts/auth.server";
import { acceptInvitation, findInvitationByToken } from "~/modules/accounts/members.server";
import { ROLE_LABELS } from "~/modules/accounts/roles";
import { fieldErrors, formValues, type FieldErrors } from "~/modules/forms";

export const meta: MetaFunction = () => [{ title: "Join an organization · Earned" }];

const NewAccountForm = z.object({ name: PersonName, password: NewPassword });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = params.token ? await findInvitationByToken(db, params.token) : undefined;
  const signedIn = await findSignedIn(request);
  if (!invitation) return { state: "unknown" as const };
  return {
    state: invitation.state,
    orgName: invitation.orgName,
    role: invitation.role,
    email: invitation.email,
    hasAccount: invitation.hasAccount,
    signedInAs: signedIn?.user.email ?? null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const signedIn = await findSignedIn(request);
  const values = formValues(await requireFormData(request));
  let outcome;
  if (signedIn) {
    outcome = await acceptInvitation(db, token, { userId: signedIn.user.id });
  } else {
    const form = NewAccountForm.safeParse(values);
    if (!form.success) return data({ errors: fieldErrors(form.error), name: values.name ?? "" }, { status: 400 });
    outcome = await acceptInvitation(db, token, form.data);
  }
  const problem = (message: string) => data({ errors: { form: [message] } as FieldErrors, name: values.name ?? "" }, { status: 409 });
  switch (outcome.outcome) {
    case "joined":
      return redirect(`/o/${outcome.orgSlug}`, signedIn ? undefined : { headers: { "Set-Cookie": await startSession(outcome.userId) } });
    case "wrong-account":
      return problem("This invitation is for another email address. Log out, then open the link again.");
    case "account-exists":
      return problem("An account with this email already exists. Log in first, then open the link again.");
    case "invalid":
      return problem("This invitation has already been used or has expired. Ask for a new one.");
  }
}

export default function Join() {
  const invitation = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { token } = useParams();
  if (invitation.state !== "open") {
    const message =
      invitation.state === "used"
        ? "This invitation has already been used. If it was you, log in."
        : invitation.state === "expired"
          ? "This invitation has expired. Ask an admin of the organization for a new one."
          : "This invitation link is not valid. Check that you copied all of it, or ask for a new one.";
    return (
      <AuthLayout title="Invitation unavailable">
        <p className="text-sm text-slate-700">{message}</p>
        <Link to="/login" className="btn-primary mt-6">
          Log in
        </Link>
      </AuthLayout>
    );
  }
  const heading = `Join ${invitation.orgName}`;
  const subtitle = `You are invited as ${ROLE_LABELS[invitation.role].toLowerCase()} (${invitation.email}).`;
  if (invitation.signedInAs) {
    return (
      <AuthLayout title={heading} subtitle={subtitle}>
        <Form method="post" className="space-y-4">
          <FormError errors={result?.errors.form} />
          {invitation.signedInAs === invitation.email ? (
            <SubmitButton className="btn-primary w-full" pendingText="Joining…">
              Accept and join
            </SubmitButton>
          ) : (
            <p className="text-sm text-slate-700">
              You are logged in as {invitation.signedInAs}, but this invitation is for {invitation.email}. Log out, then open the
              link again.
            </p>
          )}
        </Form>
      </AuthLayout>
    );
  }
  if (invitation.hasAccount) {
    return (
      <AuthLayout title={heading} subtitle={subtitle}>
        <p className="text-sm text-slate-700">You already have an account. Log in to accept the invitation.</p>
        <Link to={`/login?redirectTo=${encodeURIComponent(`/join/${token}`)}`} className="btn-primary mt-6">
          Log in to accept
        </Link>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={heading} subtitle={subtitle}>
      <Form method="post" className="space-y-5" noValidate>
        <FormError errors={result?.errors.form} />
        <TextField label="Your name" name="name" autoComplete="name" required defaultValue={result?.name} errors={result?.errors.name} />
        <TextField label="Choose a password" name="password" type="password" autoComplete="new-password" required errors={result?.errors.password} hint="At least 10 characters." />
        <SubmitButton className="btn-primary w-full" pendingText="Joining…">
          Create account and join
        </SubmitButton>
      </Form>
    </AuthLayout>
  );
}
