import { GROUP_SIZE } from "~/modules/anonymity/policy";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { Logo } from "~/components/layout";
import { db } from "~/db.server";
import { findSignedIn } from "~/modules/accounts/auth.server";
import { landingPath } from "~/modules/accounts/membership.server";

export const meta: MetaFunction = () => [
  { title: "Earned · See whom people choose to follow" },
  {
    name: "description",
    content: "Anonymous pulse surveys about earned and positional authority, and the influence network they reveal.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await findSignedIn(request);
  if (signedIn) throw redirect(await landingPath(db, signedIn.user.id));
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
        <figure className="mt-14">
          <div className="overflow-hidden rounded-xl bg-white shadow-xl ring-1 ring-slate-200">
            <div className="flex items-center gap-1.5 border-b border-slate-200 bg-slate-50 px-4 py-2.5" aria-hidden="true">
              <span className="h-2.5 w-2.5 rounded-full bg-slate-300" />
              <span className="h-2.5 w-2.5 rounded-full bg-slate-300" />
              <span className="h-2.5 w-2.5 rounded-full bg-slate-300" />
              <span className="ml-3 text-xs text-slate-500">Influence network</span>
            </div>
            <img
              src="/landing/influence-network.png"
              width={784}
              height={560}
              className="block h-auto w-full"
              alt="Earned's influence network for a 146-person demo company: squares are anonymous groups of at least five answers, circles the people those groups chose to follow, sized by how many chose them and coloured by department."
            />
          </div>
          <figcaption className="mt-3 text-sm text-slate-600">
            From the demo company: the people others choose to follow stand out, whatever their title. Answers stay anonymous: lines run through groups
            of at least {GROUP_SIZE.default} responses, never from one person to another.
          </figcaption>
        </figure>
        <ul className="mt-16 grid gap-6 sm:grid-cols-3">
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
