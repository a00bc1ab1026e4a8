import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as the server determined it (honouring TRUST_PROXY). */
    clientAddress?: string;
    /** This response's Content-Security-Policy nonce, for the inline scripts Remix writes. */
    cspNonce?: string;
  }
}

export function clientAddress(context: AppLoadContext | undefined): string {
  return context?.clientAddress ?? "unknown";
}
