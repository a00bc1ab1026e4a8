import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import stylesheet from "~/tailwind.css?url";
import { useNonce } from "~/components/nonce";
import type { RouteHandle } from "~/modules/route-handle";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Earned" }];

/**
 * Pages whose route handle says `hydrate: false` ship no React at all (the respondent pages):
 * they render on the server and may name small plain scripts of their own.
 */
function usePageScripts(): { hydrate: boolean; scripts: string[] } {
  const matches = useMatches();
  const handles = matches.map((match) => (match.handle ?? {}) as RouteHandle);
  return {
    hydrate: !handles.some((handle) => handle.hydrate === false),
    scripts: handles.flatMap((handle) => handle.scripts ?? []),
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const { hydrate, scripts } = usePageScripts();
  const nonce = useNonce();
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="h-full">
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          scripts.map((src) => <script key={src} src={src} defer />)
        )}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
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

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const { title, detail } = errorPage(status);
  return (
    <main className="mx-auto flex min-h-full max-w-xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold text-indigo-700">{status}</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-4 text-slate-700">{detail}</p>
      <p className="mt-8">
        <Link to="/" className="link">
          Go to the start page
        </Link>
      </p>
    </main>
  );
}
