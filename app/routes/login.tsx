import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { AuthLayout } from "~/components/auth-layout";
import { FormError, SubmitButton, TextField } from "~/components/forms";
import { db } from "~/db.server";
import { requireFormData } from "~/modules/http.server";
import { LogInForm, safeRedirect } from "~/modules/accounts/account-form";
import { findSignedIn, startSession } from "~/modules/accounts/auth.server";
import { logIn } from "~/modules/accounts/login.server";
import { landingPath } from "~/modules/accounts/membership.server";
import { fieldErrors, formValues } from "~/modules/forms";
import { clientAddress } from "~/modules/request.server";

export const meta: MetaFunction = () => [{ title: "Log in · Earned" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await findSignedIn(request);
  if (signedIn) throw redirect(await landingPath(db, signedIn.user.id));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await requireFormData(request));
  const form = LogInForm.safeParse(values);
  const email = values.email ?? "";
  if (!form.success) return data({ errors: fieldErrors(form.error), email }, { status: 400 });
  const outcome = await logIn(db, form.data.email, form.data.password, clientAddress(context));
  if (outcome.outcome === "rate-limited") {
    return data(
      { errors: { form: [`Too many attempts. Try again in ${waitSentence(outcome.retryAfterSeconds)}.`] }, email },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  if (outcome.outcome === "invalid") {
    return data({ errors: { form: ["That email and password do not match an account."] }, email }, { status: 401 });
  }
  const target = form.data.redirectTo ? safeRedirect(form.data.redirectTo) : await landingPath(db, outcome.userId);
  return redirect(target, { headers: { "Set-Cookie": await startSession(outcome.userId) } });
}

function waitSentence(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

export default function LogIn() {
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = result?.errors as Record<string, string[] | undefined> | undefined;
  return (
    <AuthLayout title="Log in to Earned">
      <Form method="post" className="space-y-5" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <FormError errors={errors?.form} />
        <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={result?.email} errors={errors?.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
        <SubmitButton className="btn-primary w-full" pendingText="Logging in…">
          Log in
        </SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm text-slate-600">
        New to Earned?{" "}
        <Link to="/signup" className="link">
          Create an organization
        </Link>
      </p>
    </AuthLayout>
  );
}
