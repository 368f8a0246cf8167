// Runs the outbox: delivers due mail on a timer and whenever a transaction queued some.
import type { Transporter } from "nodemailer";
import { deliverDueMail } from "../app/modules/mail/outbox.server.js";

export function startOutboxWorker(
  transport: Transporter,
  pollSeconds: number,
  log: Pick<Console, "info" | "error"> = console,
) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function drain() {
    do {
      again = false;
      try {
        const report = await deliverDueMail(transport);
        if (report.sent + report.retrying + report.failed > 0) {
          log.info?.(`outbox: sent ${report.sent}, retrying ${report.retrying}, failed ${report.failed}`);
        }
        if (report.sent === 50) again = true; // a full batch: there may be more
      } catch (err) {
        log.error?.("outbox: delivery round failed", err);
      }
    } while (again && !stopped);
  }

  function nudge() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => {
      running = null;
    });
  }

  const timer = setInterval(nudge, pollSeconds * 1000);
  timer.unref();
  nudge();

  return {
    nudge,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
