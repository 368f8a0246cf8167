// A published conference tomorrow with one live room, for the benchmarks. Imports the database
// module lazily, like the benchmarks do, so it is loaded after their environment is set.
export async function createBenchRoom(title: string, slugPrefix = "bench") {
  const { db } = await import("../app/utils/db.server.js");
  const { ensureRoomsForEvent } = await import("../app/modules/live/rooms.server.js");
  const startsAt = new Date(Date.now() + 86400_000);
  const event = await db().event.create({
    data: {
      slug: `${slugPrefix}-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${Date.now()}`,
      kind: "CONFERENCE",
      status: "PUBLISHED",
      title,
      summary: "Benchmark",
      venueName: "Kulturhuset",
      venueAddress: "Torget 1",
      venuePostcode: "0001",
      venueCity: "Eksempelby",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 7200_000),
      capacity: 10_000,
      privacyNotice: "Benchmark",
    },
  });
  return (await ensureRoomsForEvent(event.id))[0]!;
}
