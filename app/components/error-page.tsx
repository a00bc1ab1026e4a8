import { Link } from "@remix-run/react";

/** An error as a page of its own, or inside an organization's app shell (`orgHome` given). */
export function ErrorPage({ status, orgHome }: { status: number; orgHome?: string }) {
  const inShell = orgHome !== undefined;
  const { title, detail } = errorPage(status);
  const content = (
    <>
      <p className="text-sm font-semibold text-indigo-700">{status}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-4 text-slate-700">{detail}</p>
      <p className="mt-8">
        <Link to={orgHome ?? "/"} className="link">
          {inShell ? "Go to the overview" : "Go to the start page"}
        </Link>
      </p>
    </>
  );
  if (inShell) return <div className="max-w-xl py-8">{content}</div>;
  return (
    <main id="main" tabIndex={-1} className="mx-auto flex min-h-full max-w-xl flex-col justify-center px-6 py-16">
      {content}
    </main>
  );
}

function errorPage(status: number): { title: string; detail: string } {
  if (status === 404) {
    return { title: "Page not found", detail: "The page you asked for does not exist, or you are not a member of the organization it belongs to." };
  }
  if (status === 403) {
    return { title: "You don't have access to this page", detail: "Your role in this organization does not include this page. An owner or admin can change your role." };
  }
  if (status >= 400 && status < 500) {
    return { title: "That request could not be read", detail: "Go back to the page and send the form from there again." };
  }
  if (status === 503) {
    return {
      title: "Temporarily unavailable",
      detail: "Earned cannot reach its database at the moment. This usually passes within a minute: please try again shortly. If you had just sent a form, check whether your change is there before sending it again.",
    };
  }
  return { title: "Something went wrong", detail: "We could not complete this request. It has been logged; please try again in a moment." };
}

