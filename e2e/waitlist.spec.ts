// The waiting list on the first upcoming dialogue meeting (12 seats in the demo content):
// fill it, join the waiting list, a confirmed person cancels through their personal link,
// and the first on the waiting list gets the seat, each step with its mail.
// The only spec that touches this meeting.
import { expect, test } from "@playwright/test";
import {
  expectNoA11yViolations,
  findUpcomingEvent,
  mailCalendar,
  ofKind,
  personalLink,
  registerByPost,
  uniqueEmail,
  waitForMail,
} from "./support/helpers";

// The demo content gives the first upcoming dialogue meeting 12 seats.
const DEMO_CAPACITY = 12;

test("a full meeting puts people on the waiting list and promotes them when a seat is freed", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // From noon the day before that meeting until it starts, its registration is closed; then
  // the next meeting (80 seats, which no other spec touches) is filled instead.
  const slug = await findUpcomingEvent(request, "DIALOGUE_MEETING", { seats: DEMO_CAPACITY }).catch(() =>
    findUpcomingEvent(request, "DIALOGUE_MEETING"),
  );
  await page.goto(`/events/${slug}`);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
  expect(title).toMatch(/^Dialogmøte med formannskapet – /);
  const seats = page.getByText(/^\d+ ledige plasser$/);
  await expect(seats).toBeVisible();
  const capacity = Number(/^(\d+)/.exec((await seats.textContent()) ?? "")?.[1]);
  expect([DEMO_CAPACITY, 80]).toContain(capacity);
  await expectNoA11yViolations(page);

  // Twelve people (as many as there are seats) take every seat, posted as the form posts them.
  const confirmed: Array<{ email: string; location: string }> = [];
  for (let i = 1; i <= capacity; i++) {
    const email = uniqueEmail(`plass${i}`);
    const location = await registerByPost(request, slug, {
      name: `Deltaker ${i}`,
      email,
      organisation: i % 3 === 0 ? "Hånes velforening" : undefined,
      diet: i === 1 ? "Vegansk" : undefined,
    });
    confirmed.push({ email, location });
  }
  const cancelling = confirmed[0];
  const cancellingConfirmation = await waitForMail(cancelling.email, ofKind("CONFIRMATION"));
  await waitForMail(confirmed[capacity - 1].email, ofKind("CONFIRMATION"));

  await page.reload();
  await expect(page.getByText("Fullt – du kan sette deg på venteliste")).toBeVisible();
  await expect(page.getByText(/ledige plasser/)).toHaveCount(0);
  await expectNoA11yViolations(page);

  // The thirteenth person registers through the form and lands on the waiting list.
  const waiting = uniqueEmail("venteliste");
  await page.getByRole("link", { name: "Meld deg på" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Påmelding – ${title}` })).toBeVisible();
  await expect(
    page.getByText("Arrangementet er fullt. Meld deg på, så setter vi deg på ventelisten og gir beskjed på e-post hvis du får plass."),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel("Fullt navn (må fylles ut)").fill("Vera Venter");
  await page.getByLabel("E-postadresse (må fylles ut)").fill(waiting);
  await page.getByLabel(/^Jeg har lest personvernerklæringen/).check();
  await page.getByRole("button", { name: "Sett meg på venteliste" }).click();

  await expect(page).toHaveURL(/\/registrations\/[A-Za-z0-9_-]+\?ny=1$/);
  const waitingPage = new URL(page.url()).pathname;
  await expect(
    page.getByText("Du står på venteliste, som nummer 1. Vi sender deg en e-post med en gang du får plass."),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Fjern meg fra ventelisten" })).toBeVisible();
  await expectNoA11yViolations(page);

  const waitlisted = await waitForMail(waiting, ofKind("WAITLISTED"));
  expect(waitlisted.subject).toBe(`Du står på venteliste: ${title}`);
  expect(waitlisted.text).toContain("så du står på ventelisten som nummer 1.");
  expect(waitlisted.attachments).toHaveLength(0); // no invitation until there is a seat
  expect(new URL(personalLink(waitlisted)).pathname).toBe(waitingPage);

  // A confirmed person cancels through the link in their confirmation mail.
  const cancelLink = personalLink(cancellingConfirmation);
  expect(new URL(cancelLink).pathname).toBe(cancelling.location.replace(/\?.*$/, ""));
  await page.goto(cancelLink);
  await expect(page.getByText("Du er påmeldt. Velkommen!")).toBeVisible();
  await page.getByRole("link", { name: "Meld meg av" }).click();
  await expect(page).toHaveURL(/\?avmeld=1$/);
  await expect(page.getByText("Er du sikker? Plassen din går videre til den første på ventelisten.")).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole("button", { name: "Meld meg av" }).click();

  await expect(page).toHaveURL(/\?avmeldt=1$/);
  await expect(page.getByRole("status")).toHaveText(
    "Du er meldt av. Vi har sendt en bekreftelse på e-post, med en kalenderoppdatering som fjerner arrangementet.",
  );
  await expect(page.getByText("Påmeldingen er avmeldt.")).toBeVisible();
  // Registration is still open, so they may sign up again; the details form is gone.
  await expect(page.getByRole("link", { name: "Meld meg på igjen" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Lagre endringene" })).toHaveCount(0);
  await expectNoA11yViolations(page);

  const cancellation = await waitForMail(cancelling.email, ofKind("CANCELLED"));
  expect(cancellation.subject).toBe(`Du er meldt av: ${title}`);
  const cancelCalendar = mailCalendar(cancellation);
  expect(cancelCalendar.method).toBe("CANCEL");
  expect(cancelCalendar.events).toHaveLength(1);
  expect(cancelCalendar.events[0].status).toBe("CANCELLED");
  expect(cancelCalendar.events[0].summary).toBe(title);
  const invitation = mailCalendar(cancellingConfirmation);
  expect(invitation.method).toBe("REQUEST");
  // The cancellation withdraws the same calendar entry, with a higher SEQUENCE.
  expect(cancelCalendar.events[0].uid).toBe(invitation.events[0].uid);
  expect(cancelCalendar.events[0].sequence).toBeGreaterThan(invitation.events[0].sequence);

  // The first on the waiting list got the seat.
  const promoted = await waitForMail(waiting, ofKind("PROMOTED"));
  expect(promoted.subject).toBe(`Du har fått plass: ${title}`);
  expect(promoted.text).toContain(`en plass ble ledig, og du er nå påmeldt ${title}.`);
  const promotedCalendar = mailCalendar(promoted);
  expect(promotedCalendar.method).toBe("REQUEST");
  expect(promotedCalendar.events[0].summary).toBe(title);
  expect(promotedCalendar.events[0].startTzid).toBe("Europe/Oslo");

  await page.goto(personalLink(promoted));
  await expect(page).toHaveURL(waitingPage);
  await expect(page.getByText("Du er påmeldt. Velkommen!")).toBeVisible();
  await expect(page.getByText(/Du står på venteliste/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Meld meg av" })).toBeVisible();
  await expectNoA11yViolations(page);

  // Still full: the freed seat was taken from the waiting list.
  await page.goto(`/events/${slug}`);
  await expect(page.getByText("Fullt – du kan sette deg på venteliste")).toBeVisible();
});
