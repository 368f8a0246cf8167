// The OpenID Connect provider for the browser tests (started by playwright.config.ts as a
// webServer): test/oidc-provider.ts on E2E_OIDC_PORT, accepting the app at E2E_PORT.
// Sign in there with an account's subject (e.g. entra-admin-0001, whose e-mail is
// admin@samhandling.test) and any password.
import { startOidcProvider } from "../../test/oidc-provider";

const port = Number(process.env.E2E_OIDC_PORT ?? 2528);
const appPort = Number(process.env.E2E_PORT ?? 3210);

const provider = await startOidcProvider({
  port,
  issuerHost: "localhost",
  redirectUris: [`http://localhost:${appPort}/admin/oidc/callback`],
  claimsInIdToken: true,
});
console.log(`OpenID Connect test provider: ${provider.issuer}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void provider.close().then(() => process.exit(0)));
}
