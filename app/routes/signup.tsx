import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AuthLayout } from "~/components/auth-layout";
import { FormError, SubmitButton, TextField } from "~/components/forms";
import { db } from "~/db.server";
import { requireFormData } from "~/modules/http.server";
import { SignUpForm } from "~/modules/accounts/account-form";
import { MIN_PASSWORD_LENGTH } from "~/modules/accounts/password-policy";
import { signUp } from "~/modules/accounts/accounts.server";
import { findSignedIn, startSession } from "~/modules/accounts/auth.server";
import { fieldErrors, formValues, type FieldErrors } from "~/modules/forms";

export const meta: MetaFunction = () => [{ title: "Create your organization · Earned" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await findSignedIn(request)) throw redirect("/orgs");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const values = formValues(await requireFormData(request));
  const form = SignUpForm.safeParse(values);
  const typed = { name: values.name ?? "", email: values.email ?? "", organizationName: values.organizationName ?? "" };
  if (!form.success) return data({ errors: fieldErrors(form.error), values: typed }, { status: 400 });
  const outcome = await signUp(db, form.data);
  if (outcome.outcome === "email-taken") {
    return data(
      { errors: { email: ["An account with this email already exists. Log in instead."] } as FieldErrors, values: typed },
      { status: 409 },
    );
  }
  return redirect(`/o/${outcome.orgSlug}`, { headers: { "Set-Cookie": await startSession(outcome.userId) } });
}

export default function SignUp() {
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  return (
    <AuthLayout
      title="Create your organization"
      subtitle="You will be its owner. You can invite admins, analysts and leaders afterwards."
    >
      <Form method="post" className="space-y-5" noValidate>
        <FormError errors={errors?.form} />
        <TextField label="Your name" name="name" autoComplete="name" required maxLength={100} defaultValue={result?.values.name} errors={errors?.name} />
        <TextField label="Work email" name="email" type="email" autoComplete="email" required defaultValue={result?.values.email} errors={errors?.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A short sentence is easy to remember and hard to guess.`}
          errors={errors?.password}
        />
        <TextField
          label="Organization name"
          name="organizationName"
          autoComplete="organization"
          required
          maxLength={100}
          defaultValue={result?.values.organizationName}
          errors={errors?.organizationName}
        />
        <SubmitButton className="btn-primary w-full" pendingText="Creating…">
          Create organization
        </SubmitButton>
      </Form>
      <p className="mt-6 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link to="/login" className="link">
          Log in
        </Link>
      </p>
    </AuthLayout>
  );
}
