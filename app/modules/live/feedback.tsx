// The line under a live form or button that says how it went: a success as a polite status, a
// refusal as an alert, both in Designsystemet's Alert. It can take focus (tabIndex -1), so a
// page can move focus to it after an action instead of leaving it on <body>.
import { Alert } from "@digdir/designsystemet-react";

export type Feedback = { kind: "ok" | "error"; text: string } | null;

export function FeedbackLine({ feedback, id }: { feedback: Feedback; id?: string }) {
  if (!feedback) return null;
  const ok = feedback.kind === "ok";
  return (
    <Alert id={id} tabIndex={-1} className="live-feedback" data-size="sm" data-color={ok ? "success" : "danger"} role={ok ? "status" : "alert"}>
      {feedback.text}
    </Alert>
  );
}

/** Focus an element by id once React has drawn it (after a state change). */
export function focusSoon(id: string) {
  requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById(id)?.focus()));
}
