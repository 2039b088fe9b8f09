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

export function BatchPanel() {
  const batch = useApp((s) => s.batch);
  const cancel = useApp((s) => s.cancelBatch);
  if (!batch) return null;
  const pct = Math.round(batchProgress(batch) * 100);
  const running = !batch.summary;
  return (
    <section className="batch" aria-label="Extraction">
      <div className="batch-head">
        <progress id="batch-progress" max={100} value={pct} aria-label="Batch progress" />
        <span id="batch-percent">{pct} %</span>
        {running ? (
          <button onClick={cancel} disabled={batch.cancelling}>
            {batch.cancelling ? "Cancelling…" : "Cancel"}
          </button>
        ) : (
          batch.summary && (
            <span className="muted small" id="batch-summary">
              {batch.summary.saved} saved
              {batch.summary.failed > 0 && ` · ${batch.summary.failed} failed`}
              {batch.summary.skipped > 0 && ` · ${batch.summary.skipped} skipped`}
              {batch.summary.cancelled > 0 && ` · ${batch.summary.cancelled} cancelled`}
            </span>
          )
        )}
      </div>
      {batch.error && (
        <p role="alert" className="error">
          {batch.error}
        </p>
      )}
      <ul className="batch-images">
        {batch.images.map((i) => (
          <li key={i.index} data-file={i.fileName} data-phase={i.error ? "failed" : i.phase} className={i.error ? "failed" : i.phase}>
            <span className="file">{i.fileName}</span>
            <span className="phase">{i.error ? "failed" : LABEL[i.phase]}</span>
            {i.error && <span className="reason">{i.error}</span>}
            {!i.error && i.note && <span className="reason note">{i.note}</span>}
          </li>
        ))}
        {batch.skipped.map((s) => (
          <li key={`skip-${s.path}`} data-file={s.fileName} data-phase="skipped" className="failed">
            <span className="file">{s.fileName}</span>
            <span className="phase">skipped</span>
            <span className="reason">{s.reason}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
