import { hash, verify } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';

/**
 * argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane). `@node-rs/argon2` ships
 * prebuilt binaries without an install script (the `argon2` package's prebuilt crashes here).
 */
const OPTIONS = { algorithm: 2 as Algorithm /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against this when the email is unknown makes a failed login take as long as one with
 * a known email, so timing does not reveal which emails have accounts.
 */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hash('not-a-real-password-for-timing', OPTIONS));

/** Policy beyond the DTO's length limits: returns the i18n key of the first broken rule. */
export function passwordProblem(password: string, email: string): string | undefined {
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'auth.password.contains-email';
  if (new Set(password).size <= 2) return 'auth.password.too-uniform';
  return undefined;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
