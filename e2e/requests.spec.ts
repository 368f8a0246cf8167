// An organisation asks for a slot or a dialogue meeting, follows it through its personal link,
// and staff triage it: accepted into a seeded dialogue meeting's programme, or declined.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoA11yViolations, uniqueEmail, waitForMail, type Mail } from "./support/helpers";
import { signInAsAdmin } from "./support/staff";

const kind = (k: string) => (mail: Mail) => mail.headers["X-Samhandling-Kind"] === k;

function requestLink(mail: Mail): string {
  const m = /https?:\/\/[^\s]+\/foresporsel\/[A-Za-z0-9_-]{20,}/.exec(mail.text);
  if (!m) throw new Error(`No request link in "${mail.subject}":\n${mail.text}`);
  return m[0];
}

/** "Alle (n)" on the staff list: how many requests are stored. */
async function storedRequests(staff: Page): Promise<number> {
  await staff.goto("/admin/requests");
  const text = await staff.getByRole("navigation", { name: "Filtrer på status" }).getByRole("link", { name: /^Alle/ }).innerText();
  return Number(/\((\d+)\)/.exec(text)![1]);
}

test("a welfare association asks for a slot, staff accept it into a dialogue meeting, and the sender follows it", async ({ page, browser, request }) => {
  const tag = randomBytes(3).toString("hex");
  const organisation = `Bakken velforening ${tag}`;
  const topic = `Trygg skolevei over Bakken ${tag}`;
  const email = uniqueEmail("velforening");

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAsAdmin(staff);
  const storedBefore = await storedRequests(staff);

  // The form is linked from every footer.
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Be om dialogmøte" }).click();
  await expect(page).toHaveURL(/\/foresporsel$/);
  await expect(page.getByRole("heading", { level: 1, name: "Be om dialogmøte eller innlegg" })).toBeVisible();
  await expect(page.getByText("Kontaktopplysningene slettes ett år etter at forespørselen er avgjort.")).toBeVisible();
  await expectNoA11yViolations(page);

  // Bad input: readable errors in the browser …
  await page.getByLabel("Organisasjonsnummer (valgfritt)").fill("123 456 789");
  await page.getByLabel("E-postadresse").fill("ikke-en-adresse");
  await page.getByRole("button", { name: "Send forespørselen" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Velg om dere ber om et innlegg eller et dialogmøte.");
  await expect(alert).toContainText("Skriv inn navnet på organisasjonen.");
  await expect(alert).toContainText("Organisasjonsnummeret er ikke gyldig.");
  await expect(alert).toContainText("Skriv inn en gyldig e-postadresse");
  await expect(alert).toContainText("Du må godta at vi bruker opplysningene");
  await expect(alert).toBeFocused();
  await expectNoA11yViolations(page, { label: "the request form with errors" });

  // … and from the server without JavaScript, a 400 page that says what is wrong.
  const bad = await request.post("/foresporsel", {
    form: { kind: "SLOT", eventId: "", organisationName: organisation, contactName: "Kari", contactEmail: email, topic, description: "x", privacyConsent: "on", website: "" },
    maxRedirects: 0,
  });
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("Velg dialogmøtet dere vil ha innlegg på.");
  expect(await storedRequests(staff)).toBe(storedBefore);

  // A proper request for a slot at the first upcoming dialogue meeting.
  await page.getByLabel("Et innlegg (om lag 5 minutter) på et planlagt dialogmøte").check();
  const meetingSelect = page.getByLabel("Dialogmøte", { exact: true });
  // The first seeded meeting (other specs add short meetings of their own that have no programme).
  const seeded = meetingSelect.locator("option", { hasText: "Dialogmøte med formannskapet" }).first();
  const meetingLabel = (await seeded.innerText()).trim();
  await meetingSelect.selectOption({ value: (await seeded.getAttribute("value"))! });
  const meetingTitle = meetingLabel.split(",")[0];
  await page.getByLabel("Navn på organisasjonen").fill(organisation);
  await page.getByLabel("Organisasjonsnummer (valgfritt)").fill("963 296 746");
  await page.getByLabel("Kontaktperson").fill("Kari Bakken");
  await page.getByLabel("E-postadresse").fill(email);
  await page.getByLabel("Telefon (valgfritt)").fill("+47 912 34 567");
  await page.getByLabel("Tema (må fylles ut)").fill(topic);
  await page.getByLabel("Beskrivelse").fill("Barna krysser fylkesveien uten fotgjengerfelt. Vi vil fortelle formannskapet om det.");
  await page.getByLabel("Jeg har lest om personvern").check();
  await page.getByRole("button", { name: "Send forespørselen" }).click();

  await expect(page).toHaveURL(/\/foresporsel\/[A-Za-z0-9_-]+\?sendt=1$/);
  await expect(page.getByRole("status")).toContainText("Takk! Forespørselen er sendt.");
  await expect(page.getByText("Status: Mottatt")).toBeVisible();
  await expectNoA11yViolations(page, { label: "the status page after sending" });

  const receipt = await waitForMail(email, kind("REQUEST_RECEIVED"));
  expect(receipt.subject).toBe(`Vi har mottatt forespørselen: ${topic}`);
  const link = requestLink(receipt);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Forespørselen deres" })).toBeVisible();
  await expect(page.getByText("Status: Mottatt")).toBeVisible();
  await expect(page.getByText(email)).toHaveCount(0);
  expect(await storedRequests(staff)).toBe(storedBefore + 1);

  // The staff overview counts it among what waits for them, and links to the list.
  await staff.goto("/admin");
  const queue = staff.getByRole("region", { name: "Venter på behandling" });
  await expect(queue).toContainText(/Forespørsler som ikke er avgjort: [1-9]/);
  await expectNoA11yViolations(staff, { label: "the staff overview" });

  // Staff open it from the list and accept it into that meeting's programme.
  await queue.getByRole("link", { name: "Forespørsler som ikke er avgjort" }).click();
  await expect(staff).toHaveURL(/\/admin\/requests$/);
  await staff.goto("/admin/requests?status=RECEIVED");
  await expect(staff.getByRole("heading", { level: 1, name: "Forespørsler fra organisasjoner" })).toBeVisible();
  await expectNoA11yViolations(staff, { label: "the staff list of requests" });
  await staff.getByRole("link", { name: organisation }).click();
  await expect(staff.getByRole("heading", { level: 1, name: `Forespørsel fra ${organisation}` })).toBeVisible();
  await expect(staff.getByText(email)).toBeVisible();
  await expect(staff.getByText("91 23 45 67")).toBeVisible();
  await expectNoA11yViolations(staff, { label: "a request for staff" });

  const accept = staff.getByRole("region", { name: "Godta og legg inn i programmet" });
  await expect(accept.getByLabel("Arrangement")).toHaveValue(/.+/);
  expect(await accept.getByLabel("Arrangement").locator("option:checked").innerText()).toContain(meetingTitle);
  // The seeded programme fills the evening: the suggested time clashes, and staff are told so.
  const startInput = accept.getByLabel("Starter");
  const suggested = await startInput.inputValue();
  await startInput.fill(suggested.replace(/T\d\d:\d\d$/, "T18:00"));
  await accept.getByLabel("Varighet i minutter").fill("6");
  await accept.getByLabel("Melding til avsenderen (valgfritt)").fill("Velkommen! Dere har ordet i seks minutter.");
  await accept.getByRole("button", { name: "Godta og legg inn i programmet" }).click();
  await expect(staff.getByRole("alert")).toContainText("Tiden overlapper med");
  await expectNoA11yViolations(staff, { label: "the accept form refusing a clash" });
  await staff.getByLabel("Legg inn likevel om tiden overlapper med en annen post").check();
  await staff.getByRole("button", { name: "Godta og legg inn i programmet" }).click();
  await expect(staff.getByRole("status")).toContainText("Forespørselen er godtatt og lagt inn i programmet.");
  await expect(staff.getByText("Forespørselen er avgjort og kan ikke endres.")).toBeVisible();
  await expectNoA11yViolations(staff, { label: "an accepted request for staff" });

  // The sender gets a mail and the personal page shows the slot.
  const accepted = await waitForMail(email, kind("REQUEST_ACCEPTED"));
  expect(accepted.subject).toBe(`Forespørselen er godtatt: ${topic}`);
  expect(accepted.text).toContain("Melding fra Demokratienheten: Velkommen! Dere har ordet i seks minutter.");
  expect(accepted.text).toContain("kl. 18.00–18.06");
  expect(requestLink(accepted)).toBe(link);
  await page.goto(link);
  await expect(page.getByText("Status: Godtatt")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Innlegget deres i programmet" })).toBeVisible();
  await expect(page.getByText(/kl\. 18\.00–18\.06/)).toBeVisible();
  await expectNoA11yViolations(page, { label: "the status page of an accepted request" });

  // … with a link to the event, whose public programme shows the organisation's slot.
  await page.getByRole("link", { name: "Se møtet og programmet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: meetingTitle })).toBeVisible();
  await expect(page.getByRole("heading", { name: `${organisation}: ${topic}` })).toBeVisible();
  await expect(page.getByText("Kari Bakken")).toHaveCount(0);
  await expectNoA11yViolations(page, { label: "the event page with the new slot" });
  await staffContext.close();
});

test("a request in English is declined only with a reason, and the reason reaches the sender", async ({ page, browser }) => {
  const tag = randomBytes(3).toString("hex");
  const organisation = `Grim Friends of the Park ${tag}`;
  const topic = `A dialogue meeting on Grim ${tag}`;
  const email = uniqueEmail("grim");

  await page.goto("/foresporsel");
  await page.getByRole("button", { name: "Nynorsk" }).click();
  await expect(page.getByRole("button", { name: "Send førespurnaden" })).toBeVisible();
  await expect(page.getByText("Kontaktopplysningane blir sletta eitt år etter at førespurnaden er avgjord.")).toBeVisible();
  await expectNoA11yViolations(page, { label: "the request form in nynorsk" });
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ask for a dialogue meeting or a slot" })).toBeVisible();
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Ask for a dialogue meeting" })).toBeVisible();
  await page.getByLabel("A dialogue meeting in our district").check();
  await page.getByLabel("District", { exact: true }).selectOption("Grim");
  await page.getByLabel("Name of the organisation").fill(organisation);
  await page.getByLabel("Contact person").fill("Sam Smith");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Topic (required)").fill(topic);
  await page.getByLabel("Description (required)").fill("Many new citizens in Grim would like to meet the politicians.");
  await page.getByLabel("I have read about privacy").check();
  await expectNoA11yViolations(page, { label: "the request form in English" });
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByRole("status")).toContainText("Thank you! The request has been sent.");
  await expect(page.getByText("Status: Received")).toBeVisible();
  const link = requestLink(await waitForMail(email, kind("REQUEST_RECEIVED")));

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAsAdmin(staff);
  await staff.getByRole("navigation", { name: "Arbeidsflate for ansatte" }).getByRole("link", { name: "Forespørsler" }).click();
  await staff.getByRole("link", { name: organisation }).click();
  await expect(staff.getByRole("heading", { level: 1, name: `Forespørsel fra ${organisation}` })).toBeVisible();

  // An empty reason is refused with an error, and nothing changes.
  const decline = staff.getByRole("region", { name: "Avslå" });
  await decline.getByRole("button", { name: "Avslå forespørselen" }).click();
  await expect(staff.getByRole("alert")).toContainText("Skriv en begrunnelse for avslaget.");
  await expectNoA11yViolations(staff, { label: "the decline form refusing an empty reason" });
  await staff.reload();
  await expect(staff.locator("dt", { hasText: /^Status$/ }).locator("+ dd")).toHaveText("Mottatt");

  const reason = "We held a dialogue meeting on Grim in the spring; the next one is planned for next year.";
  await staff.getByRole("region", { name: "Avslå" }).getByLabel("Begrunnelse").fill(reason);
  await staff.getByRole("button", { name: "Avslå forespørselen" }).click();
  await expect(staff.getByRole("status")).toContainText("Forespørselen er avslått.");
  await expectNoA11yViolations(staff, { label: "a declined request for staff" });

  const declined = await waitForMail(email, kind("REQUEST_DECLINED"));
  expect(declined.subject).toBe(`Your request has been declined: ${topic}`);
  expect(declined.text).toContain(`Reason: ${reason}`);
  expect(requestLink(declined)).toBe(link);

  await page.goto(link);
  await expect(page.getByText("Status: Declined")).toBeVisible();
  await expect(page.getByText(reason).first()).toBeVisible();
  await expectNoA11yViolations(page, { label: "the status page of a declined request" });

  // A wrong link is a plain 404 page.
  const wrong = await page.goto("/foresporsel/dette-er-ikke-en-gyldig-lenke-123456");
  expect(wrong?.status()).toBe(404);
  await expect(page.getByText("We cannot find a request with this link.")).toBeVisible();
  await expectNoA11yViolations(page, { label: "the 404 page for a wrong link" });
  await staffContext.close();
});

test("an upcoming dialogue meeting's page links to the request form with that meeting chosen", async ({ page }) => {
  await page.goto("/");
  const meetingLink = page.getByRole("link", { name: /^Dialogmøte med formannskapet/ }).first();
  const title = (await meetingLink.innerText()).trim();
  await meetingLink.click();
  await page.getByRole("region", { name: "Send innspill" }).getByRole("link", { name: "Be om et innlegg" }).click();
  await expect(page).toHaveURL(/\/foresporsel\?moete=/);
  await expect(page.getByRole("radio", { name: /^Et innlegg/ })).toBeChecked();
  await expect(page.getByLabel(/^Dialogmøte/).locator("option:checked")).toContainText(title);
  await expectNoA11yViolations(page);
});
