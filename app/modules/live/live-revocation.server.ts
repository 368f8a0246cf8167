// Ending moderator rights on open sockets the moment they are taken away. The staff domain
// (removing a member, changing a role, signing out) and the speaker-key rotation call these
// functions; the live channel (server/live.ts) registers what they do: it disconnects the
// sockets in the Socket.IO room `staff:<id>`, `staff-session:<hash>` or `speaker-key:<roomId>`,
// on every process through the Redis adapter. The hook lives on globalThis, like the database
// client (decision 002), because the Remix build and the server are separate bundles.
const KEY = Symbol.for("samhandling.liveRevocation");

export type LiveRevocation = {
  /** The staff member's moderator sockets (every session) must go. */
  staff(staffId: string): Promise<void>;
  /** One staff session (by its stored id, the token's SHA-256) ended. */
  session(sessionId: string): Promise<void>;
  /** The room's speaker key changed: sockets that joined with the old one must go. */
  speakerKey(roomId: string): Promise<void>;
};

// A set, not one: a process has one Socket.IO server, but a test may run several.
type Holder = { [KEY]?: Set<LiveRevocation> };
const hooks = () => ((globalThis as Holder)[KEY] ??= new Set());

export function registerLiveRevocation(hook: LiveRevocation): () => void {
  hooks().add(hook);
  return () => hooks().delete(hook);
}

async function run(call: (hook: LiveRevocation) => Promise<void>) {
  // Without a live channel in this process (a script, a unit test) there is nothing to end.
  for (const hook of hooks()) {
    try {
      await call(hook);
    } catch (err) {
      // The change itself is committed; the live channel's own re-check catches up within seconds.
      console.error(`Live: ending moderator connections failed: ${(err as Error).message}`);
    }
  }
}

export const revokeLiveStaff = (staffId: string) => run((h) => h.staff(staffId));
export const revokeLiveSession = (sessionId: string) => run((h) => h.session(sessionId));
export const revokeLiveSpeakerKey = (roomId: string) => run((h) => h.speakerKey(roomId));
