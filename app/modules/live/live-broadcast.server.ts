// Telling open sockets about a change made outside the live channel: room settings changed on the
// staff page (/admin/events/:id/live) reach every phone, projector and moderator at once. The live
// channel (server/live.ts) registers what to do: read the room and broadcast `room:changed` through
// its Socket.IO server, which reaches the sockets on every process through the Redis adapter. The
// hook lives on globalThis, like the revocation hook (decision 002): the Remix build and the server
// are separate bundles.
const KEY = Symbol.for("samhandling.liveBroadcast");

export type LiveBroadcast = {
  /** The room's settings changed: send its new state to everyone in it. */
  roomChanged(roomId: string): Promise<void>;
  // ---- poll library: polls prepared on the staff page reach the moderators (and, once open, everyone).
  /** A poll was created or changed outside the live channel: send it to those who may see it. */
  pollChanged?(roomId: string, pollId: string): Promise<void>;
  /** A poll was deleted: every screen drops it; `screenCleared`: the projector went back to the join slide. */
  pollRemoved?(roomId: string, pollId: string, screenCleared: boolean): Promise<void>;
};

type Holder = { [KEY]?: Set<LiveBroadcast> };
const hooks = () => ((globalThis as Holder)[KEY] ??= new Set());

export function registerLiveBroadcast(hook: LiveBroadcast): () => void {
  hooks().add(hook);
  return () => hooks().delete(hook);
}

export async function broadcastRoomChanged(roomId: string) {
  // Without a live channel in this process (a script, a unit test) there is no one to tell.
  for (const hook of hooks()) {
    try {
      await hook.roomChanged(roomId);
    } catch (err) {
      // The change is committed; clients see it at their next join.
      console.error(`Live: broadcasting a room change failed: ${(err as Error).message}`);
    }
  }
}

// ---- poll library
export async function broadcastPollChanged(roomId: string, pollId: string) {
  for (const hook of hooks()) {
    try {
      await hook.pollChanged?.(roomId, pollId);
    } catch (err) {
      console.error(`Live: broadcasting a poll change failed: ${(err as Error).message}`);
    }
  }
}

export async function broadcastPollRemoved(roomId: string, pollId: string, screenCleared: boolean) {
  for (const hook of hooks()) {
    try {
      await hook.pollRemoved?.(roomId, pollId, screenCleared);
    } catch (err) {
      console.error(`Live: broadcasting a deleted poll failed: ${(err as Error).message}`);
    }
  }
}
