import type { LinksFunction, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
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
import { ErrorPage } from "~/components/error-page";

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
        <a href="#main" className="skip-link">
          Skip to content
        </a>
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

export function ErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
