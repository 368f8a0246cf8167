// The programme every new dialogue meeting starts with, the same shape as the demo meetings:
// welcome, the organisations' slots, pupils, a break, open floor and a summary. Durations are
// for a 150-minute evening (17.00–19.30) and scale to the meeting's actual length.
const MINUTE = 60_000;

type Part = { kind: string; title: string; description: string; minutes: number };

function parts(district: string): Part[] {
  return [
    { kind: "OTHER", title: "Velkommen ved ordføreren", description: `Ordføreren ønsker velkommen og forteller hvorfor formannskapet kommer til ${district}.`, minutes: 10 },
    {
      kind: "ORGANISATION_SLOT",
      title: "Lag og foreninger har ordet",
      description: "Lokale velforeninger, bydelsrådet, idrettslag og andre organisasjoner får om lag fem minutter hver. Rekkefølgen kommer.",
      minutes: 40,
    },
    { kind: "PUPILS", title: "Elever har ordet", description: "Elever forteller hva som er bra med å vokse opp i bydelen, og hva de ønsker seg.", minutes: 10 },
    { kind: "BREAK", title: "Pause med kaffe", description: "Kaffe, te og noe å bite i. En god anledning til å snakke med politikerne.", minutes: 15 },
    { kind: "OPEN_FLOOR", title: "Åpen post: ordet er fritt", description: "Alle kan ta ordet eller stille spørsmål til formannskapet.", minutes: 60 },
    {
      kind: "OTHER",
      title: "Oppsummering og veien videre",
      description: "Ordføreren oppsummerer kvelden. Arrangøren forteller hvordan innspillene blir fulgt opp og når referatet publiseres.",
      minutes: 15,
    },
  ];
}

export function defaultDialogueProgramme(startsAt: Date, endsAt: Date, district: string) {
  const total = Math.round((endsAt.getTime() - startsAt.getTime()) / MINUTE);
  const list = parts(district);
  const base = list.reduce((sum, p) => sum + p.minutes, 0);
  let t = 0;
  return list.map((p, i) => {
    // The last item ends exactly at the end, whatever rounding did before it.
    const minutes = i === list.length - 1 ? total - t : Math.max(1, Math.round((p.minutes * total) / base));
    const item = {
      kind: p.kind,
      title: p.title,
      description: p.description,
      startsAt: new Date(startsAt.getTime() + t * MINUTE),
      endsAt: new Date(startsAt.getTime() + (t + minutes) * MINUTE),
      room: null as string | null,
    };
    t += minutes;
    return item;
  });
}
