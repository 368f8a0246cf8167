// The live channel's budgets as plain logic: buckets refill at their rate, addresses are who we think.
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";
import { clientAddress, DEFAULT_LIVE_LIMITS, liveLimitsFromEnv, TokenBuckets } from "./live-limits";

describe("token buckets", () => {
  it("give a burst, then refill at their rate, per key", () => {
    const buckets = new TokenBuckets(3, 2); // 3 at once, 2 per second
    const t = 1_000_000;
    expect([1, 2, 3, 4].map(() => buckets.take("a", t))).toEqual([true, true, true, false]);
    expect(buckets.take("b", t)).toBe(true);
    expect(buckets.has("a", t + 400)).toBe(false);
    expect(buckets.take("a", t + 500)).toBe(true);
    expect(buckets.take("a", t + 500)).toBe(false);
    expect(buckets.take("a", t + 10_000)).toBe(true);
  });

  it("stay bounded in memory", () => {
    const buckets = new TokenBuckets(1, 1, 100);
    for (let i = 0; i < 1000; i++) buckets.take(`k${i}`, 0);
    expect((buckets as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(100);
  });
});

describe("client address", () => {
  const handshake = (address: string, xff?: string) => ({ address, headers: xff ? { "x-forwarded-for": xff } : {} });
  it("is the peer unless we trust the proxy, then the last X-Forwarded-For entry", () => {
    expect(clientAddress(handshake("::ffff:10.0.0.1", "1.2.3.4"), false)).toBe("10.0.0.1");
    expect(clientAddress(handshake("127.0.0.1", "6.6.6.6, 1.2.3.4"), true)).toBe("1.2.3.4");
    expect(clientAddress(handshake("127.0.0.1"), true)).toBe("127.0.0.1");
  });
  it("counts IPv6 per /64", () => {
    expect(clientAddress(handshake("2001:db8:1:2::5"), false)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(handshake("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), false)).toBe("2001:db8:1:2::/64");
  });
});

it("limits come from the environment with defaults", () => {
  expect(liveLimitsFromEnv(parseEnv({}))).toEqual(DEFAULT_LIVE_LIMITS);
  expect(liveLimitsFromEnv(parseEnv({ LIVE_JOIN_CODE_MISSES_PER_MINUTE: "2" })).joinMissesPerMinute).toBe(2);
  expect(() => parseEnv({ LIVE_MAX_IN_FLIGHT: "0" })).toThrow(/LIVE_MAX_IN_FLIGHT/);
});
