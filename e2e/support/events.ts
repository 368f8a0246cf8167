// A published event of a spec's own, written straight to the database: the fields every such
// event shares (venue, status, two hours long, 50 seats), with what the spec cares about given.
export function publishedEventData(e: {
  slug: string;
  kind: "CONFERENCE" | "DIALOGUE_MEETING" | "WORKSHOP";
  title: string;
  summary: string;
  startsAt: Date;
  privacyNotice: string;
}) {
  return {
    ...e,
    status: "PUBLISHED",
    publishedAt: new Date(),
    venueName: "Rådhuset",
    venueAddress: "Rådhusgata 18",
    venuePostcode: "4611",
    venueCity: "Eksempelby",
    endsAt: new Date(e.startsAt.getTime() + 2 * 3600_000),
    capacity: 50,
  };
}
