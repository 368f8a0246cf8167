// Small rules of the audience page, kept apart from its components so they can be tested alone.
import type { Ack } from "./protocol";

/** A refusal for going too fast holds for the limit's window (ms); after that its message goes. Null: not a rate limit. */
export function rateLimitMs(ack: Ack<unknown>): number | null {
  if (ack.ok || ack.code !== "rate-limited") return null;
  const seconds = Number(ack.values?.seconds);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : 60) * 1000;
}

/** The first words of a question, for a button's accessible name: whole words, an ellipsis when cut. */
export function firstWords(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
