import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP-recommended cost (19 MiB, 2 passes, 1 lane); the library's defaults.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown keeps the response time the same as for a
// wrong password, so timing does not reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hash("decoy-password-for-unknown-accounts");
  await verifyPassword(await decoyHash, password);
  return false;
}
