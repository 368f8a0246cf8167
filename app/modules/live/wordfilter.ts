// A small word filter for live questions. It never rejects anything: a match only sends the
// question to a moderator first (Question.flagged). So it may err on the side of caution,
// and a clever spelling that slips through is still caught by people.

// Stems in nb, nn and en, written already normalised (see normalise): lowercase, æ→ae, ø→o,
// å→a, no repeated letters. "*" at the end matches any word that starts with the stem.
const WORDS: readonly string[] = [
  // bokmål / nynorsk
  "faen", "fanden", "javla", "jaevla", "jaevel*", "jaevl*", "helvete", "hore*", "horunge*",
  "fite*", "fita", "kuk", "kuken", "pik", "drit*", "rashol*", "kod", "mongo*",
  "neger*", "svartin*", "pako*", "idiot*", "tulling*", "evnevei*", "hold kjeft", "drep deg",
  // english
  "fuck*", "fuk*", "shit*", "bitch*", "cunt*", "ashole*", "bastard*", "retard*", "nigger*", "fagot*",
  "wanker*", "moron*", "dick", "dickhead*", "kill yourself",
];

const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", $: "s" };

/** Lowercase, strip diacritics and leetspeak, letters only, collapse repeats ("fuuuck" → "fuck"). */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[013457@$]/g, (c) => LEET[c] ?? c)
    .replace(/[^a-z]+/g, " ")
    .replace(/([a-z])\1+/g, "$1")
    .trim();
}

const single = WORDS.filter((w) => !w.includes(" "));
const exact = new Set(single.filter((w) => !w.endsWith("*")));
const prefixes = single.filter((w) => w.endsWith("*")).map((w) => w.slice(0, -1));
const phrases = WORDS.filter((w) => w.includes(" ")).map((w) => normalise(w));

/** True when the text should be seen by a moderator before the audience sees it. */
export function needsModeration(text: string): boolean {
  const norm = normalise(text);
  if (!norm) return false;
  const padded = ` ${norm} `;
  if (phrases.some((p) => padded.includes(` ${p} `))) return true;
  return norm.split(" ").some((word) => exact.has(word) || prefixes.some((p) => word.startsWith(p)));
}
