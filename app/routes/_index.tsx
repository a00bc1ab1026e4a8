import { GROUP_SIZE } from "~/modules/anonymity/policy";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Logo } from "~/components/layout";
import { findSignedIn } from "~/modules/accounts/auth.server";

export const meta: MetaFunction = () => [
  { title: "Earned · See whom people choose to follow" },
  {
    name: "description",
    content: "Anonymous pulse surveys about earned and positional authority, and the influence network they reveal.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await findSignedIn(request)) throw redirect("/orgs");
  return null;
}

const POINTS = [
  {
    title: "Ask the followers",
    text: "Leaders are only leaders because people choose to follow them. Earned asks, anonymously, whose lead people would follow and whom they go to for advice.",
  },
  {
    title: "Compare the two charts",
    text: "The org chart shows positional authority. The follow network shows earned influence. The differences are where the conversations start.",
  },
  {
    title: "Anonymity you can prove",
    text: `No answer can be traced to a person: not by a column, an order, a timestamp or a log line. Every figure covers at least ${GROUP_SIZE.default} people who answered (an organization's choice, never fewer than ${GROUP_SIZE.floor}).`,
  },
];

export default function Index() {
  return (
    <div className="min-h-full bg-gradient-to-b from-indigo-50 to-slate-50">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-6 py-6">
        <Logo />
        <nav className="flex items-center gap-3" aria-label="Account">
          <Link to="/login" className="btn-ghost">
            Log in
          </Link>
          <Link to="/signup" className="btn-primary">
            Get started
          </Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-6 pb-24 pt-12">
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl">
          Authority is given. Leadership is earned.
        </h1>
        <p className="mt-6 max-w-2xl text-lg text-slate-700">
          Earned runs short anonymous pulse surveys about whom people voluntarily follow, and charts the influence
          network beside your org chart, so you can see where leadership really lives and how it moves.
        </p>
        <div className="mt-10 flex gap-3">
          <Link to="/signup" className="btn-primary px-5 py-3 text-base">
            Create your organization
          </Link>
        </div>
        <ul className="mt-20 grid gap-6 sm:grid-cols-3">
          {POINTS.map((point) => (
            <li key={point.title} className="card p-6">
              <h2 className="font-semibold text-slate-900">{point.title}</h2>
              <p className="mt-2 text-sm text-slate-700">{point.text}</p>
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
