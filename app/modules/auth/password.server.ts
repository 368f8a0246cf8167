import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (OWASP-level memory cost).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash to verify against when the account does not exist, so that sign-in takes the
// same time whether or not an address is known.
let dummy: Promise<string> | undefined;

export async function verifyPassword(hashed: string | null | undefined, password: string): Promise<boolean> {
  if (!hashed) {
    await verify(await (dummy ??= hash("not-a-real-password-but-same-cost")), password).catch(() => false);
    return false;
  }
  return verify(hashed, password).catch(() => false);
}
