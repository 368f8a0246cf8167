// A real OpenID Connect provider for the tests (node-oidc-provider, certified by the OpenID
// Foundation), standing in for the municipality's Entra ID: one confidential client, a few
// accounts, and the library's development sign-in and consent pages (any password is
// accepted; the login is an account's subject, e.g. entra-admin-0001).
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";

export type TestAccount = { sub: string; email: string; email_verified?: boolean; name: string };

export const TEST_CLIENT = { clientId: "samhandling-test", clientSecret: "test-client-secret-not-for-production-use" };

export const TEST_ACCOUNTS: TestAccount[] = [
  { sub: "entra-admin-0001", email: "admin@samhandling.test", email_verified: true, name: "Administrator" },
  { sub: "entra-unknown-0002", email: "ukjent@kristiansand.test", email_verified: true, name: "Ukjent Person" },
];

export type RunningProvider = { issuer: string; close: () => Promise<void> };

export async function startOidcProvider(options: {
  port: number;
  /** Where to listen; all interfaces when unset (so that both localhost and 127.0.0.1 work). */
  host?: string;
  /** The issuer's host name, as the app will be configured with it. */
  issuerHost?: string;
  redirectUris: string[];
  accounts?: TestAccount[];
  /** Put the e-mail claims in the ID token, as Entra ID does, instead of only at userinfo. */
  claimsInIdToken?: boolean;
}): Promise<RunningProvider> {
  const accounts = options.accounts ?? TEST_ACCOUNTS;
  const issuer = `http://${options.issuerHost ?? "127.0.0.1"}:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: !options.claimsInIdToken,
    ttl: { IdToken: 3600 },
    cookies: { keys: ["test-provider-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      // The provider uses the account id as the subject, so the login is the subject.
      const account = accounts.find((a) => a.sub === id);
      if (!account) return undefined;
      return {
        accountId: account.sub,
        claims: () => {
          const { sub, email, email_verified, name } = account;
          return email_verified === undefined ? { sub, email, name } : { sub, email, email_verified, name };
        },
      };
    },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port, options.host, () => ok());
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
