export const EVENT_KINDS = ["CONFERENCE", "DIALOGUE_MEETING", "WORKSHOP"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const PROGRAMME_ITEM_KINDS = ["TALK", "PANEL", "BREAK", "ORGANISATION_SLOT", "PUPILS", "OPEN_FLOOR", "OTHER"] as const;
export type ProgrammeItemKind = (typeof PROGRAMME_ITEM_KINDS)[number];
