// Runs the outbox: delivers due mail on a timer and whenever a transaction queued some.
import type { Transporter } from "nodemailer";
import { deliverDueMail, mailWaitingForConnection, resumeMailAfterOutage } from "../app/modules/mail/outbox.server.js";

/**
 * While mail waits because the SMTP server could not be reached, the worker asks the server
 * every `probeSeconds` whether it answers (`transport.verify()`: connect, EHLO, quit; no mail)
 * and, when it does, makes that mail due at once, so delivery resumes within seconds of the
 * server coming back rather than at the next back-off step (up to an hour).
 */
export function startOutboxWorker(
  transport: Transporter,
  pollSeconds: number,
  log: Pick<Console, "info" | "error"> = console,
  probeSeconds = 3,
) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let probe: ReturnType<typeof setInterval> | null = null;
  let probing = false;

  function stopProbing() {
    if (probe) clearInterval(probe);
    probe = null;
  }

  function startProbing() {
    if (probe || stopped || typeof transport.verify !== "function") return;
    probe = setInterval(async () => {
      if (probing) return;
      probing = true;
      try {
        await transport.verify();
        stopProbing();
        const resumed = await resumeMailAfterOutage();
        if (resumed > 0) log.info?.(`outbox: the SMTP server answers again; ${resumed} waiting message(s) due now`);
        nudge();
      } catch {
        // still unreachable: try again at the next probe
      } finally {
        probing = false;
      }
    }, probeSeconds * 1000);
    probe.unref();
  }

  async function drain() {
    do {
      again = false;
      try {
        const report = await deliverDueMail(transport);
        if (report.sent + report.retrying + report.failed > 0) {
          log.info?.(`outbox: sent ${report.sent}, retrying ${report.retrying}, failed ${report.failed}`);
        }
        if (report.due === 50) again = true; // a full batch: there may be more
        if (report.retrying > 0 && (await mailWaitingForConnection()) > 0) startProbing();
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
      stopProbing();
      await running;
    },
  };
}
