import type { MetaFunction } from "@remix-run/node";
import { RespondentMessage } from "~/components/respondent-layout";
import type { RouteHandle } from "~/modules/route-handle";

export const handle: RouteHandle = { hydrate: false, scripts: ["/respondent.js"] };

export const meta: MetaFunction = () => [{ title: "Thank you" }, { name: "robots", content: "noindex" }];

export default function Thanks() {
  return (
    <RespondentMessage title="Thank you: your answers are in">
      <p>They were stored without your name, your link or the time, and will only ever be shown combined with others'.</p>
      <p>Results are shared with the people who lead your organization once enough people have answered. You can close this page.</p>
    </RespondentMessage>
  );
}
