// How hard a password guesser is slowed down (decision 008, "Sign-in"). The client address comes
// from the load context (Express's req.ip, which reads X-Forwarded-For only when TRUST_PROXY is
// set), never from a header the client chooses.
//   - address + account: 10 failed attempts per 15 minutes, then refused (the strict limit);
//   - address, across accounts: 50 failed attempts per 15 minutes, then refused;
//   - account, from anywhere: never refused (a stranger must not be able to lock the real person
//     out), but after 20 failures in 15 minutes each attempt waits a little longer, up to 3 s.
// Every attempt takes its points before the password is checked, so parallel guesses count too;
// a successful sign-in gives back the address+account points.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type LoginLimitOptions = {
  perAddressAndAccount: number;
  perAddress: number;
  accountBrakeAfter: number;
  accountDelayStepMs: number;
  accountDelayMaxMs: number;
  windowSeconds: number;
};

export const LOGIN_LIMITS: LoginLimitOptions = {
  perAddressAndAccount: 10,
  perAddress: 50,
  accountBrakeAfter: 20,
  accountDelayStepMs: 250,
  accountDelayMaxMs: 3_000,
  windowSeconds: 15 * 60,
};

export type AttemptVerdict = { allowed: false } | { allowed: true; delayMs: number };

export function createLoginLimit(options: LoginLimitOptions = LOGIN_LIMITS) {
  const duration = options.windowSeconds;
  const pair = new RateLimiterMemory({ keyPrefix: "login-pair", points: options.perAddressAndAccount, duration });
  const address = new RateLimiterMemory({ keyPrefix: "login-address", points: options.perAddress, duration });
  // Counts only; its "limit" is never reached in practice.
  const account = new RateLimiterMemory({ keyPrefix: "login-account", points: Number.MAX_SAFE_INTEGER, duration });
  const pairKey = (clientAddress: string, email: string) => `${clientAddress}|${email.trim().toLowerCase()}`;

  return {
    /** Takes the attempt's points; says whether to check the password, and after how long a pause. */
    async attempt(clientAddress: string, email: string): Promise<AttemptVerdict> {
      const results = await Promise.allSettled([
        pair.consume(pairKey(clientAddress, email)),
        address.consume(clientAddress),
        account.consume(email.trim().toLowerCase()),
      ]);
      if (results[0].status === "rejected" || results[1].status === "rejected") return { allowed: false };
      const failures = results[2].status === "fulfilled" ? (results[2].value as RateLimiterRes).consumedPoints : 0;
      const over = failures - options.accountBrakeAfter;
      return { allowed: true, delayMs: over > 0 ? Math.min(over * options.accountDelayStepMs, options.accountDelayMaxMs) : 0 };
    },
    /** A correct password: this address's attempts on this account no longer count against it. */
    async succeeded(clientAddress: string, email: string) {
      await Promise.all([
        pair.delete(pairKey(clientAddress, email)),
        address.reward(clientAddress, 1),
        account.reward(email.trim().toLowerCase(), 1),
      ]);
    },
  };
}

/** The process's one sign-in limit. */
export const loginLimit = createLoginLimit();

export const pause = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));
