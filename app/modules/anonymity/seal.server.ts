import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "~/modules/secret.server";

/**
 * What the app keeps sealed from anyone holding only the database: AES-256-GCM under a key
 * derived from the app secret, one key per purpose. Layout: iv (12 bytes) ‖ tag (16) ‖ ciphertext.
 */
export type SealPurpose = "response-pool-v1" | "ballot-claims-v1" | "report-claims-v1";

export function seal(purpose: SealPurpose, payload: unknown): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(purpose), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal<T>(purpose: SealPurpose, sealed: Uint8Array): T {
  const buffer = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", derivedKey(purpose), buffer.subarray(0, 12));
  decipher.setAuthTag(buffer.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(buffer.subarray(28)), decipher.final()]).toString("utf8")) as T;
}
