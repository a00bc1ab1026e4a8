import { Link, useNavigation } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

type TextFieldProps = {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input that shows its own error beside it and keeps what was typed. */
export function TextField({ label, name, errors, hint, id, className, ...input }: TextFieldProps) {
  const inputId = id ?? name;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="label">
        {label}
      </label>
      <input id={inputId} name={name} className="input mt-1" {...fieldAria(inputId, errors, hint)} {...input} />
      <FieldMessages id={inputId} errors={errors} hint={hint} />
    </div>
  );
}

type TextAreaFieldProps = { label: string; name: string; errors?: string[] } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">;

/** TextField's multi-line sibling. */
export function TextAreaField({ label, name, errors, id, ...textarea }: TextAreaFieldProps) {
  const inputId = id ?? name;
  return (
    <div>
      <label htmlFor={inputId} className="label">
        {label}
      </label>
      <textarea id={inputId} name={name} className="input mt-1" {...fieldAria(inputId, errors)} {...textarea} />
      <FieldMessages id={inputId} errors={errors} />
    </div>
  );
}

function fieldAria(id: string, errors: string[] | undefined, hint?: ReactNode) {
  const describedBy = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return { "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy || undefined };
}

function FieldMessages({ id, errors, hint }: { id: string; errors?: string[]; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors[0]}
        </p>
      ) : null}
    </>
  );
}

/** Save and cancel at the foot of an edit page. */
export function FormActions({ submit, pending, cancelTo }: { submit: string; pending: string; cancelTo: string }) {
  return (
    <div className="flex gap-2">
      <SubmitButton pendingText={pending}>{submit}</SubmitButton>
      <Link to={cancelTo} className="btn-ghost">
        Cancel
      </Link>
    </div>
  );
}

export function FormError({ errors }: { errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-inset ring-red-200">
      {errors.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

/** Shows that the form is on its way when JavaScript runs; a plain submit button otherwise. */
export function SubmitButton({
  children,
  pendingText,
  className = "btn-primary",
  name,
  value,
}: {
  children: ReactNode;
  pendingText?: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" && (name === undefined || navigation.formData?.get(name) === value);
  return (
    <button type="submit" className={className} disabled={pending} name={name} value={value}>
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
