import { useEffect, useState } from "react";
import { useApp } from "../app/context";
import { batchProgress } from "../app/store";

const LABEL: Record<string, string> = {
  queued: "waiting",
  decoding: "decoding",
  measuring: "measuring",
  naming: "naming",
  aggregating: "aggregating",
  saved: "saved",
};

/**
 * The running batch of the open project, with each image's phase; once finished it folds to one
 * line (details on demand) so the views get the room. Below it, the images of the project that
 * failed earlier, remembered across restarts, with a retry.
 */
export function BatchPanel() {
  const batch = useApp((s) => s.batch);
  const queue = useApp((s) => s.queue);
  const current = useApp((s) => s.current);
  const cancel = useApp((s) => s.cancelBatch);
  const dismiss = useApp((s) => s.dismissBatch);
  const [open, setOpen] = useState(false);
  const job = batch?.job;
  useEffect(() => setOpen(false), [job]);
  const mine = batch && batch.project === current?.project.name ? batch : null;
  const running = !!mine && !mine.summary;
  return (
    <>
      {mine && (
        <section className={`batch${running || open ? "" : " folded"}`} aria-label="Extraction">
          <div className="batch-head">
            <progress id="batch-progress" max={100} value={Math.round(batchProgress(mine) * 100)} aria-label="Batch progress" />
            <span id="batch-percent">{Math.round(batchProgress(mine) * 100)} %</span>
            {running ? (
              <button onClick={cancel} disabled={mine.cancelling}>
                {mine.cancelling ? "Cancelling…" : "Cancel"}
              </button>
            ) : (
              mine.summary && (
                <>
                  <span className="muted small" id="batch-summary">
                    {mine.summary.saved} saved
                    {mine.summary.failed > 0 && ` · ${mine.summary.failed} failed`}
                    {mine.summary.skipped > 0 && ` · ${mine.summary.skipped} skipped`}
                    {mine.summary.cancelled > 0 && ` · ${mine.summary.cancelled} cancelled`}
                  </span>
                  <button className="link" id="batch-details" aria-expanded={open} onClick={() => setOpen(!open)}>
                    {open ? "Hide details" : "Details"}
                  </button>
                  <button className="link" aria-label="Close the batch summary" onClick={dismiss}>
                    ✕
                  </button>
                </>
              )
            )}
            {queue.length > 0 && (
              <span className="muted small" id="batch-queue">
                {queue.length} more waiting
              </span>
            )}
          </div>
          {mine.error && (
            <p role="alert" className="error">
              {mine.error}
            </p>
          )}
          <ul className="batch-images" hidden={!running && !open}>
            {mine.images.map((i) => (
              <li key={i.index} data-file={i.fileName} data-phase={i.error ? "failed" : i.phase} className={i.error ? "failed" : i.phase}>
                <span className="file">{i.fileName}</span>
                <span className="phase">{i.error ? "failed" : i.phase === "naming" && mine.asking ? `asking ${mine.asking}…` : LABEL[i.phase]}</span>
                {i.error && <span className="reason">{i.error}</span>}
                {!i.error && i.note && <span className="reason note">{i.note}</span>}
              </li>
            ))}
            {mine.skipped.map((s) => (
              <li key={`skip-${s.path}`} data-file={s.fileName} data-phase="skipped" className="failed">
                <span className="file">{s.fileName}</span>
                <span className="phase">skipped</span>
                <span className="reason">{s.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <Failures busy={running} />
    </>
  );
}

const NONE: never[] = [];

/** The open project's images that could not be measured, until a retry measures them. */
function Failures({ busy }: { busy: boolean }) {
  const failures = useApp((s) => s.current?.failures) ?? NONE;
  const retry = useApp((s) => s.retryFailed);
  if (failures.length === 0) return null;
  return (
    <section className="failures" id="failures" aria-label="Images that failed">
      <span className="error small">
        {failures.length === 1 ? "1 image" : `${failures.length} images`} could not be measured:
      </span>
      <ul>
        {failures.map((f) => (
          <li key={f.id} data-file={f.file_name} title={f.path}>
            <span className="file">{f.file_name}</span> <span className="reason muted small">{f.reason}</span>
          </li>
        ))}
      </ul>
      <button id="retry-failed" onClick={retry} disabled={busy}>
        Retry
      </button>
    </section>
  );
}
