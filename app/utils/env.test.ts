import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("environment", () => {
  it("starts with nothing set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.BASE_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBe("file:./data/app.db");
    expect(env.SMTP_URL).toBeUndefined();
  });
  it("explains every wrong variable", () => {
    expect(() => parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", BASE_URL: "not a url" })).toThrowError(
      /PORT[\s\S]*DATABASE_URL[\s\S]*BASE_URL|PORT[\s\S]*BASE_URL[\s\S]*DATABASE_URL/,
    );
  });
  it("drops a trailing slash from BASE_URL", () => {
    expect(parseEnv({ BASE_URL: "https://example.org/" }).BASE_URL).toBe("https://example.org");
  });
});
