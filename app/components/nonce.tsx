import { createContext, useContext } from "react";

/**
 * This response's Content-Security-Policy nonce, set by entry.server for the inline scripts Remix
 * writes. In the browser it stays undefined: by then those scripts have run.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
