// A job that runs in this process now and every `pollSeconds` (reminders, retention). A round
// never overlaps the previous one and never throws (errors are logged by `name`); the timer does
// not keep the process alive; stop() waits for a running round.
export type Periodic = { stop(): Promise<void> };

export function runPeriodically(
  name: string,
  pollSeconds: number,
  round: () => Promise<void>,
  log: Pick<Console, "error"> = console,
): Periodic {
  let running: Promise<void> | null = null;
  let stopped = false;

  function tick() {
    if (stopped || running) return;
    running = round()
      .catch((err) => log.error(`${name}: round failed`, err))
      .finally(() => {
        running = null;
      });
  }

  const timer = setInterval(tick, Math.max(10, pollSeconds * 1000));
  timer.unref();
  tick();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
