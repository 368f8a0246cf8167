// The browser side of a live room: one Socket.IO connection to the same origin (the participant
// cookie and a staff session travel with it). On every (re)connect it sends `room:join` and
// replaces the local state with the server's snapshot, so a phone that slept, lost the network
// or met a restarted server never shows a stale room. Between snapshots it applies the server's
// change events. Actions resolve with the server's acknowledgement; a refusal carries a
// catalog key that `liveText` (messages.ts) shows in the page's language.
import { useCallback, useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { useT, type Translate } from "~/i18n";
import { describeInvalid, liveText } from "./messages";
import {
  clientSchemas,
  type Ack,
  type AnswerView,
  type BlockView,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  type LiveRole,
  type PollView,
  type QuestionView,
  type RoomState,
  type ServerToClientEvents,
} from "./protocol";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type AckData<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[1] extends (a: Ack<infer T>) => void ? T : never;

/** "ended": the server closed the connection on purpose (rights taken back, or a flood); only a reload helps. */
export type ConnectionStatus = "connecting" | "online" | "offline" | "ended";

const ACK_TIMEOUT_MS = 10_000;

export function upsertQuestion(questions: QuestionView[], q: QuestionView): QuestionView[] {
  const i = questions.findIndex((x) => x.id === q.id);
  if (i === -1) return [...questions, q];
  const next = questions.slice();
  // A broadcast does not know whose question it is; keep what this connection knew.
  next[i] = { ...q, mine: q.mine ?? questions[i].mine, flagged: q.flagged ?? questions[i].flagged };
  return next;
}

export function upsertPoll(polls: PollView[], p: PollView): PollView[] {
  const i = polls.findIndex((x) => x.id === p.id);
  if (i === -1) return [...polls, p];
  const next = polls.slice();
  const old = polls[i];
  next[i] = { ...p, results: p.results ?? old.results, myAnswer: p.myAnswer !== undefined ? p.myAnswer : old.myAnswer };
  return next;
}

/** Moderators: one answer replaced or added (newest first). */
export function upsertAnswer(answers: AnswerView[], a: AnswerView): AnswerView[] {
  const i = answers.findIndex((x) => x.id === a.id);
  if (i === -1) return [a, ...answers];
  const next = answers.slice();
  next[i] = a;
  return next;
}

function upsertBlock(blocks: BlockView[], b: BlockView & { active?: boolean }): BlockView[] {
  const rest = blocks.filter((x) => x.id !== b.id);
  return b.active === false ? rest : [...rest, { id: b.id, label: b.label, createdAt: b.createdAt }];
}

/** What the audience sees of a question list, in the chosen order (pinned ones first). */
export function sortQuestions(questions: QuestionView[], order: "popular" | "newest"): QuestionView[] {
  return questions.slice().sort((a, b) => {
    if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
    if (order === "popular" && a.upvotes !== b.upvotes) return b.upvotes - a.upvotes;
    const byTime = a.createdAt.localeCompare(b.createdAt);
    return order === "newest" ? -byTime : byTime;
  });
}

function announcementFor(t: Translate, q: QuestionView, role: LiveRole): string | null {
  if (q.mine) return null;
  const short = q.text.length > 80 ? `${q.text.slice(0, 77)}…` : q.text;
  if (q.status === "APPROVED") return t("live:announce.newQuestion", { text: short });
  if (q.status === "PENDING" && role === "moderator") return t("live:announce.pending");
  return null;
}

export function useLiveRoom(initial: RoomState, join: { as: LiveRole; speakerKey?: string }) {
  const [state, setState] = useState<RoomState>(initial);
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [announcement, setAnnouncement] = useState("");
  const socketRef = useRef<LiveSocket | null>(null);
  const announcedQuestion = useRef<string | null>(null);
  // The socket's handlers live as long as the connection; they read the current translator.
  const translate = useT();
  const tRef = useRef(translate);
  tRef.current = translate;
  const code = initial.room.code;
  const { as, speakerKey } = join;

  useEffect(() => {
    const socket: LiveSocket = io({ withCredentials: true });
    socketRef.current = socket;
    let alive = true;

    const rejoin = () => {
      socket.timeout(ACK_TIMEOUT_MS).emit("room:join", { code, as, speakerKey }, (err, ack) => {
        if (!alive) return;
        if (err) {
          // No answer: try again on the same connection (the server may be starting up).
          setTimeout(() => alive && socket.connected && rejoin(), 2000);
          return;
        }
        if (ack.ok) {
          setState(ack.data);
          setStatus("online");
        } else {
          setAnnouncement(liveText(tRef.current, ack));
          setStatus("offline");
        }
      });
    };

    socket.on("connect", rejoin);
    socket.on("disconnect", (reason) => {
      // Socket.IO does not reconnect after the server's own disconnect: say what to do instead.
      if (reason === "io server disconnect") {
        setStatus("ended");
        setAnnouncement(tRef.current("live:announce.serverEnded"));
      } else setStatus("offline");
    });
    socket.on("connect_error", () => setStatus("offline"));

    socket.on("question:changed", (q) => {
      setState((s) => {
        const known = s.questions.find((x) => x.id === q.id);
        const wasVisible = known && (known.status === "APPROVED" || (known.status === "PENDING" && s.role === "moderator"));
        if (!wasVisible) {
          const text = announcementFor(tRef.current, { ...q, mine: q.mine ?? known?.mine }, s.role);
          if (text) {
            setAnnouncement(text);
            announcedQuestion.current = q.id;
          }
        } else if (announcedQuestion.current === q.id && q.status !== "APPROVED" && q.status !== "ANSWERED" && s.role !== "moderator") {
          // A hidden (or blocked) question's text must not linger in the live region either.
          setAnnouncement("");
          announcedQuestion.current = null;
        }
        return { ...s, questions: upsertQuestion(s.questions, q) };
      });
    });
    socket.on("question:counts", (counts) => {
      setState((s) => ({
        ...s,
        questions: s.questions.map((q) => (q.id in counts ? { ...q, upvotes: counts[q.id] } : q)),
      }));
    });
    socket.on("room:changed", (room) => setState((s) => ({ ...s, room })));
    socket.on("poll:changed", (poll) => {
      setState((s) => {
        const known = s.polls.find((p) => p.id === poll.id);
        if (poll.status === "OPEN" && known?.status !== "OPEN") setAnnouncement(tRef.current("live:announce.newPoll", { title: poll.title }));
        return { ...s, polls: upsertPoll(s.polls, poll) };
      });
    });
    socket.on("poll:results", ({ pollId, results }) => {
      setState((s) => ({ ...s, polls: s.polls.map((p) => (p.id === pollId ? { ...p, results } : p)) }));
    });
    // ---- poll library: a deleted poll leaves every screen.
    socket.on("poll:removed", ({ pollId }) => {
      setState((s) => ({ ...s, polls: s.polls.filter((p) => p.id !== pollId) }));
    });
    // Moderators only: text answers (held ones first of all) and blocks.
    socket.on("answer:changed", (answer) => {
      setState((s) => {
        if (!s.moderation) return s;
        const known = s.moderation.answers.find((a) => a.id === answer.id);
        if (answer.status === "HELD" && known?.status !== "HELD") setAnnouncement(tRef.current("live:announce.heldAnswer"));
        return { ...s, moderation: { ...s.moderation, answers: upsertAnswer(s.moderation.answers, answer) } };
      });
    });
    socket.on("block:changed", (block) => {
      setState((s) => (s.moderation ? { ...s, moderation: { ...s.moderation, blocks: upsertBlock(s.moderation.blocks, block) } } : s));
    });

    // The browser knows sooner than a heartbeat that the network is gone (Socket.IO only
    // listens for this away from localhost). Coming back, connect at once: the join brings
    // everything that happened meanwhile.
    const goOffline = () => {
      setStatus("offline");
      socket.disconnect();
    };
    const goOnline = () => {
      if (!socket.connected) socket.connect();
    };
    const onVisible = () => {
      if (document.visibilityState === "visible" && navigator.onLine) goOnline();
    };
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    document.addEventListener("visibilitychange", onVisible);

    return () => {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      document.removeEventListener("visibilitychange", onVisible);
      alive = false;
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [code, as, speakerKey]);

  /** Sends one client event; validates the payload first with the protocol's schema. */
  const call = useCallback(async <E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<Ack<AckData<E>>> => {
    const parsed = clientSchemas[event].safeParse(payload);
    if (!parsed.success) {
      const problem = describeInvalid(parsed.error);
      return { ok: false, code: "invalid", message: problem.key, key: problem.key, values: problem.values };
    }
    const socket = socketRef.current;
    if (!socket || !socket.connected) return { ok: false, code: "server", message: "live:error.notConnected", key: "live:error.notConnected" };
    try {
      // The event name is generic here, which Socket.IO's typings cannot follow; the protocol types the result.
      const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(ev: string, p: unknown): Promise<unknown> };
      const ack = await timed.emitWithAck(event, parsed.data);
      return ack as Ack<AckData<E>>;
    } catch {
      return { ok: false, code: "server", message: "live:error.noAnswer", key: "live:error.noAnswer" };
    }
  }, []);

  const actions = {
    ask: async (p: ClientPayload<"question:ask">) => {
      const ack = await call("question:ask", p);
      if (ack.ok) setState((s) => ({ ...s, questions: upsertQuestion(s.questions, { ...ack.data, mine: true }) }));
      return ack;
    },
    edit: async (p: ClientPayload<"question:edit">) => {
      const ack = await call("question:edit", p);
      if (ack.ok) setState((s) => ({ ...s, questions: upsertQuestion(s.questions, { ...ack.data, mine: true }) }));
      return ack;
    },
    withdraw: async (p: ClientPayload<"question:withdraw">) => {
      const ack = await call("question:withdraw", p);
      if (ack.ok) {
        setState((s) => ({ ...s, questions: upsertQuestion(s.questions, { ...ack.data, mine: true }) }));
        // The question leaves the list (and its own message with it): say so here.
        setAnnouncement(tRef.current("live:announce.withdrawn"));
      }
      return ack;
    },
    upvote: async (p: ClientPayload<"question:upvote">) => {
      const ack = await call("question:upvote", p);
      if (ack.ok) {
        const { questionId, up, upvotes } = ack.data;
        setState((s) => ({
          ...s,
          myUpvotes: up ? [...new Set([...s.myUpvotes, questionId])] : s.myUpvotes.filter((id) => id !== questionId),
          questions: s.questions.map((q) => (q.id === questionId ? { ...q, upvotes } : q)),
        }));
      }
      return ack;
    },
    answerPoll: async (p: ClientPayload<"poll:answer">) => {
      const ack = await call("poll:answer", p);
      if (ack.ok) {
        const myAnswer = { optionIds: p.optionIds ?? [], rating: p.rating ?? null, text: p.text ?? null };
        setState((s) => ({ ...s, polls: s.polls.map((x) => (x.id === p.pollId ? { ...x, myAnswer } : x)) }));
      }
      return ack;
    },
    moderateQuestion: async (p: ClientPayload<"mod:question">) => {
      const ack = await call("mod:question", p);
      if (ack.ok) setState((s) => ({ ...s, questions: upsertQuestion(s.questions, ack.data) }));
      return ack;
    },
    updateRoom: async (p: ClientPayload<"mod:room">) => {
      const ack = await call("mod:room", p);
      if (ack.ok) setState((s) => ({ ...s, room: ack.data }));
      return ack;
    },
    createPoll: async (p: ClientPayload<"mod:poll:create">) => {
      const ack = await call("mod:poll:create", p);
      if (ack.ok) setState((s) => ({ ...s, polls: upsertPoll(s.polls, ack.data) }));
      return ack;
    },
    setPollState: async (p: ClientPayload<"mod:poll:state">) => {
      const ack = await call("mod:poll:state", p);
      if (ack.ok) setState((s) => ({ ...s, polls: upsertPoll(s.polls, ack.data) }));
      return ack;
    },
    // ---- poll library
    updatePoll: async (p: ClientPayload<"mod:poll:update">) => {
      const ack = await call("mod:poll:update", p);
      if (ack.ok) setState((s) => ({ ...s, polls: upsertPoll(s.polls, ack.data) }));
      return ack;
    },
    duplicatePoll: async (p: ClientPayload<"mod:poll:duplicate">) => {
      const ack = await call("mod:poll:duplicate", p);
      if (ack.ok) setState((s) => ({ ...s, polls: upsertPoll(s.polls, ack.data) }));
      return ack;
    },
    deletePoll: async (p: ClientPayload<"mod:poll:delete">) => {
      const ack = await call("mod:poll:delete", p);
      if (ack.ok) setState((s) => ({ ...s, polls: s.polls.filter((x) => x.id !== p.pollId) }));
      return ack;
    },
    // ---- end poll library
    setScreen: async (p: ClientPayload<"mod:screen">) => {
      const ack = await call("mod:screen", p);
      if (ack.ok) setState((s) => ({ ...s, room: ack.data }));
      return ack;
    },
    moderateAnswer: async (p: ClientPayload<"mod:answer">) => {
      const ack = await call("mod:answer", p);
      if (ack.ok) {
        setState((s) => (s.moderation ? { ...s, moderation: { ...s.moderation, answers: upsertAnswer(s.moderation.answers, ack.data) } } : s));
      }
      return ack;
    },
    hideWord: async (p: ClientPayload<"mod:word">) => {
      const ack = await call("mod:word", p);
      if (ack.ok) {
        setState((s) =>
          s.moderation ? { ...s, moderation: { ...s.moderation, answers: ack.data.answers.reduce(upsertAnswer, s.moderation.answers) } } : s,
        );
      }
      return ack;
    },
    block: async (p: ClientPayload<"mod:block">) => {
      const ack = await call("mod:block", p);
      if (ack.ok) setState((s) => (s.moderation ? { ...s, moderation: { ...s.moderation, blocks: upsertBlock(s.moderation.blocks, ack.data) } } : s));
      return ack;
    },
    unblock: async (p: ClientPayload<"mod:unblock">) => {
      const ack = await call("mod:unblock", p);
      if (ack.ok) {
        setState((s) => (s.moderation ? { ...s, moderation: { ...s.moderation, blocks: upsertBlock(s.moderation.blocks, { ...ack.data, active: false }) } } : s));
      }
      return ack;
    },
    // ---- evening: move the event room's session to an item, or back to the programme's times
    setItem: async (p: ClientPayload<"mod:item">) => {
      const ack = await call("mod:item", p);
      if (ack.ok) setState((s) => ({ ...s, room: ack.data }));
      return ack;
    },
  };

  return { state, status, announcement, actions };
}

export type LiveActions = ReturnType<typeof useLiveRoom>["actions"];
