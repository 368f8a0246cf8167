// Budgets for the live channel: token buckets per connection and per client address, checked
// in server/live.ts before a payload is parsed or the database is touched. In memory, per
// process: a limit is a brake on one machine's work, not an accounting (decision 008).
import type { IncomingHttpHeaders } from "node:http";

export type LiveLimits = {
  /** Events per second one connection may send (bursts up to 4× this). */
  connectionEventsPerSecond: number;
  /** Events per second all connections from one address may send together (bursts up to 5× this). */
  addressEventsPerSecond: number;
  /** New participant ids one address may bring into acting use per minute (the same as a burst). */
  addressNewParticipantsPerMinute: number;
  /** Unknown join codes one address may try per minute, after a burst of 20. */
  joinMissesPerMinute: number;
  /** Events one connection may have in flight (waiting for the database) at once. */
  maxInFlight: number;
  /** Refusals for flooding in a row after which the connection is closed. */
  floodDisconnectAfter: number;
};

export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  connectionEventsPerSecond: 5,
  addressEventsPerSecond: 200,
  addressNewParticipantsPerMinute: 600,
  joinMissesPerMinute: 6,
  maxInFlight: 8,
  floodDisconnectAfter: 50,
};

/** The limits from the validated environment (app/utils/env.server.ts). */
export function liveLimitsFromEnv(env: {
  LIVE_CONNECTION_EVENTS_PER_SECOND: number;
  LIVE_ADDRESS_EVENTS_PER_SECOND: number;
  LIVE_ADDRESS_NEW_PARTICIPANTS_PER_MINUTE: number;
  LIVE_JOIN_CODE_MISSES_PER_MINUTE: number;
  LIVE_MAX_IN_FLIGHT: number;
}): LiveLimits {
  return {
    ...DEFAULT_LIVE_LIMITS,
    connectionEventsPerSecond: env.LIVE_CONNECTION_EVENTS_PER_SECOND,
    addressEventsPerSecond: env.LIVE_ADDRESS_EVENTS_PER_SECOND,
    addressNewParticipantsPerMinute: env.LIVE_ADDRESS_NEW_PARTICIPANTS_PER_MINUTE,
    joinMissesPerMinute: env.LIVE_JOIN_CODE_MISSES_PER_MINUTE,
    maxInFlight: env.LIVE_MAX_IN_FLIGHT,
  };
}

/** Token buckets by key: `capacity` tokens, refilled at `perSecond`. Idle full buckets are forgotten. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly capacity: number,
    readonly perSecond: number,
    private readonly maxKeys = 100_000,
  ) {}

  private refill(key: string, now: number) {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    return bucket;
  }

  /** Whether at least one token is left, without taking it. */
  has(key: string, now = Date.now()): boolean {
    return this.refill(key, now).tokens >= 1;
  }

  /** Takes one token; false (and nothing taken) when the bucket is empty. */
  take(key: string, now = Date.now()): boolean {
    const bucket = this.refill(key, now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      this.buckets.set(key, bucket);
    }
    return true;
  }

  forget(key: string) {
    this.buckets.delete(key);
  }

  /** Drops buckets that have refilled completely (they hold no information). */
  private prune(now: number) {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(key);
    }
    // Still full of busy keys (an attack from very many addresses): start over rather than grow.
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}

/** Remembers which (address, participant) pairs have acted lately, so only new ids cost a token. */
export class RecentPairs {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60_000,
    private readonly maxKeys = 200_000,
  ) {}

  /** True when the pair is known (and refreshes it); false when it is new. */
  known(key: string, now = Date.now()): boolean {
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.ttlMs) return true;
    return false;
  }

  remember(key: string, now = Date.now()) {
    this.seen.delete(key);
    this.seen.set(key, now);
    if (this.seen.size > this.maxKeys) {
      // Map keeps insertion order: the first entries are the longest unseen.
      const drop = this.seen.size - this.maxKeys;
      let i = 0;
      for (const k of this.seen.keys()) {
        if (i++ >= drop) break;
        this.seen.delete(k);
      }
    }
  }
}

/**
 * The client address a budget is kept for: the socket's peer, or (behind our own reverse proxy,
 * TRUST_PROXY) the last address in X-Forwarded-For, which is the one the proxy saw, as Express's
 * `trust proxy 1` does. IPv6 addresses count per /64: one household or phone gets a whole /64.
 */
export function clientAddress(handshake: { address: string; headers: IncomingHttpHeaders }, trustProxy: boolean): string {
  let address = handshake.address;
  if (trustProxy) {
    const header = handshake.headers["x-forwarded-for"];
    const value = Array.isArray(header) ? header.join(",") : header;
    const last = value?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
    if (last) address = last;
  }
  if (address.startsWith("::ffff:")) address = address.slice(7);
  if (address.includes(":")) {
    const groups = expandIpv6(address);
    if (groups) return `${groups.slice(0, 4).join(":")}::/64`;
  }
  return address;
}

function expandIpv6(address: string): string[] | null {
  const [head, tail] = address.split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  if (tail === undefined && left.length !== 8) return null;
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => "0");
  const groups = [...left, ...zeros, ...right];
  return groups.length === 8 ? groups.map((g) => g.toLowerCase()) : null;
}
