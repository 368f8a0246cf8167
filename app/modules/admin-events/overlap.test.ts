import { describe, expect, it } from "vitest";
import { findClash, withinEvent } from "./overlap";

const at = (hhmm: string) => new Date(`2027-03-10T${hhmm}:00Z`);
const item = (id: string, from: string, to: string, room: string | null) => ({ id, title: id, startsAt: at(from), endsAt: at(to), room });

describe("findClash", () => {
  const existing = [item("a", "17:00", "17:10", "Gymsal"), item("b", "17:10", "17:15", "Gymsal"), item("c", "17:00", "18:00", null)];

  it("finds an overlap in the same room, ignoring case and spaces", () => {
    expect(findClash(item("x", "17:05", "17:12", " gymsal "), existing)?.id).toBe("a");
  });

  it("lets items touch end to start", () => {
    expect(findClash(item("x", "17:15", "17:20", "Gymsal"), existing)).toBeNull();
  });

  it("does not clash across rooms, but items without a room clash with each other", () => {
    expect(findClash(item("x", "17:00", "17:10", "Klasserom"), existing)).toBeNull();
    expect(findClash(item("x", "17:30", "17:40", null), existing)?.id).toBe("c");
    expect(findClash(item("x", "17:30", "17:40", "Gymsal"), existing)).toBeNull();
  });

  it("ignores the item itself when it is edited", () => {
    expect(findClash(item("a", "17:00", "17:09", "Gymsal"), existing)).toBeNull();
  });
});

describe("withinEvent", () => {
  it("accepts items inside and refuses items outside the event", () => {
    const event = { startsAt: at("17:00"), endsAt: at("19:30") };
    expect(withinEvent(item("x", "17:00", "19:30", null), event)).toBe(true);
    expect(withinEvent(item("x", "16:55", "17:10", null), event)).toBe(false);
    expect(withinEvent(item("x", "19:00", "19:31", null), event)).toBe(false);
  });
});
