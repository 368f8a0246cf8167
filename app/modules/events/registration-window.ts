// Whether an event takes registrations right now. Pure, so pages and the action agree.
export type RegistrationState = "open" | "not-open" | "closed" | "cancelled" | "past" | "not-found";

export type WindowedEvent = {
  status: string;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

export function registrationState(e: WindowedEvent | null, now: Date): RegistrationState {
  if (!e || e.status === "DRAFT") return "not-found";
  if (e.status === "CANCELLED") return "cancelled";
  if (now >= e.endsAt) return "past";
  if (e.registrationOpensAt && now < e.registrationOpensAt) return "not-open";
  // Without a deadline, registration closes when the event starts.
  if (now >= (e.registrationClosesAt ?? e.startsAt)) return "closed";
  return "open";
}

export function seatsLeft(e: { capacity: number | null; confirmedCount: number }): number | null {
  return e.capacity === null ? null : Math.max(0, e.capacity - e.confirmedCount);
}
