// A small word filter for live questions and for word-cloud and open-text poll answers. It never
// rejects anything: a match only sends the text to a moderator first (Question.flagged, a HELD
// poll answer). So it may err on the side of caution, and a clever spelling that slips through is
// still caught by people. Besides the built-in lists the organisation adds its own words in the
// settings (OrgSettings.liveFilterWords), written as people write them; they are normalised here.

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

type WordList = { exact: Set<string>; prefixes: string[]; phrases: string[] };

/** Words as written (a trailing "*" matches any word starting with it), normalised into a list. */
export function compileWords(words: readonly string[]): WordList {
  const list: WordList = { exact: new Set(), prefixes: [], phrases: [] };
  for (const raw of words) {
    const prefix = raw.trim().endsWith("*");
    const norm = normalise(raw);
    if (!norm) continue;
    if (norm.includes(" ")) list.phrases.push(norm);
    else if (prefix) list.prefixes.push(norm);
    else list.exact.add(norm);
  }
  return list;
}

const BUILT_IN = compileWords(WORDS);

// The organisation's words change rarely; their compiled list is kept until they do.
let extraKey = "";
let extraList: WordList = compileWords([]);
function organisationList(extra: readonly string[]): WordList {
  const key = extra.join("\n");
  if (key !== extraKey) {
    extraKey = key;
    extraList = compileWords(extra);
  }
  return extraList;
}

function matches(list: WordList, norm: string): boolean {
  const padded = ` ${norm} `;
  if (list.phrases.some((p) => padded.includes(` ${p} `))) return true;
  return norm.split(" ").some((word) => list.exact.has(word) || list.prefixes.some((p) => word.startsWith(p)));
}

/** True when the text should be seen by a moderator before the audience sees it. `extra`: the organisation's own words. */
export function needsModeration(text: string, extra: readonly string[] = []): boolean {
  const norm = normalise(text);
  if (!norm) return false;
  return matches(BUILT_IN, norm) || (extra.length > 0 && matches(organisationList(extra), norm));
}
