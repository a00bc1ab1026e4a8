import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { derivedKey } from "~/modules/secret.server";

const PURPOSE = "response-pool-v1";

/** AES-256-GCM: iv (12 bytes) ‖ tag (16) ‖ ciphertext. */
export function seal(payload: unknown): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey(PURPOSE), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal<T>(sealed: Uint8Array): T {
  const buffer = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", derivedKey(PURPOSE), buffer.subarray(0, 12));
  decipher.setAuthTag(buffer.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(buffer.subarray(28)), decipher.final()]).toString("utf8")) as T;
}
