// The camera scanner on the check-in page. Everything here runs in the browser only: the
// camera is opened on request (a button press, so the permission prompt has a clear cause)
// and the decoder (jsqr) is loaded on first use. Without a camera, permission or JavaScript
// the page still works with the code field and the search.
import { Alert, Button } from "@digdir/designsystemet-react";
import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n";

type ScannerState = "idle" | "starting" | "running" | "no-camera" | "denied" | "insecure" | "error";

const MESSAGES = {
  "no-camera": "staff-tools:checkin.scanner.no-camera",
  denied: "staff-tools:checkin.scanner.denied",
  insecure: "staff-tools:checkin.scanner.insecure",
  error: "staff-tools:checkin.scanner.error",
} as const;

const SCAN_EVERY_MS = 200;
const SAME_CODE_PAUSE_MS = 4000;

export function QrScanner({ onCode }: { onCode: (code: string) => void }) {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  const [state, setState] = useState<ScannerState>("idle");
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const frameRef = useRef<number | null>(null);
  const lastRef = useRef<{ code: string; at: number }>({ code: "", at: 0 });
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    setHydrated(true);
    return () => stop();
  }, []);

  function stop() {
    if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
    frameRef.current = null;
    streamRef.current?.getTracks().forEach((t) => t.stop());
    streamRef.current = null;
  }

  async function start() {
    if (!window.isSecureContext) return setState("insecure");
    if (!navigator.mediaDevices?.getUserMedia) return setState("no-camera");
    setState("starting");
    try {
      const [{ default: jsQR }, stream] = await Promise.all([
        import("jsqr"),
        navigator.mediaDevices.getUserMedia({
          video: { facingMode: "environment" },
          audio: false,
        }),
      ]);
      streamRef.current = stream;
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      setState("running");
      let lastScan = 0;
      const tick = (now: number) => {
        frameRef.current = requestAnimationFrame(tick);
        if (now - lastScan < SCAN_EVERY_MS || video.readyState < video.HAVE_ENOUGH_DATA) return;
        lastScan = now;
        const canvas = canvasRef.current!;
        const scale = Math.min(1, 640 / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        const ctx = canvas.getContext("2d", { willReadFrequently: true });
        if (!ctx) return;
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
        const found = jsQR(image.data, image.width, image.height, {
          inversionAttempts: "dontInvert",
        });
        if (!found?.data) return;
        const code = found.data.trim();
        // The same code stays in view for a while: send it once, not five times a second.
        if (code === lastRef.current.code && Date.now() - lastRef.current.at < SAME_CODE_PAUSE_MS) return;
        lastRef.current = { code, at: Date.now() };
        onCodeRef.current(code);
      };
      frameRef.current = requestAnimationFrame(tick);
    } catch (err) {
      stop();
      const name = (err as { name?: string })?.name;
      if (name === "NotAllowedError" || name === "SecurityError") setState("denied");
      else if (name === "NotFoundError" || name === "OverconstrainedError" || name === "NotReadableError") setState("no-camera");
      else setState("error");
    }
  }

  if (!hydrated) {
    return <p>{t("staff-tools:checkin.scanner.noJs")}</p>;
  }
  const message = state in MESSAGES ? t(MESSAGES[state as keyof typeof MESSAGES]) : null;
  return (
    <div className="qr-scanner">
      {state === "running" || state === "starting" ? (
        <p>
          <Button
            type="button"
            onClick={() => {
              stop();
              setState("idle");
            }}
            variant="secondary"
          >
            {t("staff-tools:checkin.scanner.stop")}
          </Button>
        </p>
      ) : (
        <p>
          <Button type="button" onClick={start} variant="primary">
            {t("staff-tools:checkin.scanner.start")}
          </Button>
        </p>
      )}
      {message ? (
        <Alert data-color="warning" role="alert">
          {message}
        </Alert>
      ) : null}
      <video
        ref={videoRef}
        muted
        playsInline
        aria-label={t("staff-tools:checkin.scanner.video")}
        // Visible while starting too: some phones do not decode frames of a hidden video.
        hidden={state !== "running" && state !== "starting"}
      />
      <canvas ref={canvasRef} hidden aria-hidden="true" />
    </div>
  );
}
