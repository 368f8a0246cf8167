// What the three live pages (audience, moderator, projector) load: the room by its code (404
// when unknown), the participant cookie of this browser and the room's current snapshot, so the
// page renders fully before JavaScript takes over with the socket.
import QRCode from "qrcode";
import { hasRole } from "~/modules/auth/roles";
import { getStaff, requireStaff } from "~/modules/auth/session.server";
import { absoluteUrl } from "~/utils/config.server";
import { moderationState } from "./moderation.server";
import { getOrCreateParticipant } from "./participant.server";
import type { LiveRole, RoomState } from "./protocol";
import { getRoomByCode, isRoomPublic, roomState, verifySpeakerKey } from "./rooms.server";

const CODE = /^[A-Z2-9]{6}$/;
/** Moderators and the presenter (the speaker's view) get in with the speaker's key or a moderator's staff session. */
const privileged = (role: LiveRole) => role === "moderator" || role === "presenter";

/** The room for a code; 404 when unknown, and for the audience and projector also while its event is not public. */
export async function requireRoom(code: string | undefined, role: LiveRole = "audience") {
  const normalised = (code ?? "").trim().toUpperCase();
  const room = CODE.test(normalised) ? await getRoomByCode(normalised) : null;
  if (!room || (!privileged(role) && !isRoomPublic(room))) {
    // The error boundary shows the catalog key in the page's language.
    throw new Response("live:join.notFound", { status: 404 });
  }
  return room;
}

/**
 * Loads a live page. For the moderator view, a valid `?key=` (the speaker's secret link) is
 * enough; otherwise a staff member with the moderator role (or higher) must be signed in.
 */
export async function loadLivePage(
  request: Request,
  code: string | undefined,
  role: LiveRole,
): Promise<{ snapshot: RoomState; speakerKey: string | null; headers: HeadersInit }> {
  const room = await requireRoom(code, role);
  let speakerKey: string | null = null;
  if (privileged(role)) {
    const key = new URL(request.url).searchParams.get("key");
    if (key && (await verifySpeakerKey(room, key))) speakerKey = key;
    else await requireStaff(request, "MODERATOR");
  }
  const { participantId, setCookie } = await getOrCreateParticipant(request);
  const snapshot = await roomState(room.id, participantId, role);
  if (role === "moderator") snapshot.moderation = await moderationState(room.id);
  const headers: Record<string, string> = { "Cache-Control": "private, no-store" };
  if (setCookie) headers["Set-Cookie"] = setCookie;
  return { snapshot, speakerKey, headers };
}

/** Whether the signed-in staff member (if any) may moderate: the audience page then links to the moderator view. */
export async function canModerate(request: Request): Promise<boolean> {
  const staff = await getStaff(request);
  return staff !== null && hasRole(staff.role, "MODERATOR");
}

/** The audience address of a room and its QR code as a data: URL (for the projector and staff). */
export async function roomLink(code: string): Promise<{ url: string; qr: string }> {
  const url = absoluteUrl(`/live/${code}`);
  const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 2, width: 480, type: "image/png" });
  return { url, qr };
}

/** The projector's join bar: the address, the same without "https://" and a QR code as SVG (sharp at any size). */
export async function screenLink(code: string): Promise<{ url: string; short: string; qr: string }> {
  const url = absoluteUrl(`/live/${code}`);
  const svg = await QRCode.toString(url, { errorCorrectionLevel: "M", margin: 2, type: "svg", color: { dark: "#000000", light: "#ffffff" } });
  return { url, short: url.replace(/^https?:\/\//, ""), qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}
