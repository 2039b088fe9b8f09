import { useEffect, useState } from "react";
import { describe } from "../app/api";
import { useApp } from "../app/context";
import { px, wholePercent } from "../app/format";
import { SETTING_LIMITS, type ThresholdPreview } from "../bindings";

const { threshold: LIMITS } = SETTING_LIMITS;

/**
 * The open project's merge threshold, in its header. Changing it shows what would merge (a live
 * preview the engine builds without saving) before Apply re-merges the library.
 */
export function ThresholdControl() {
  const current = useApp((s) => s.current);
  const previewThreshold = useApp((s) => s.previewThreshold);
  const setThreshold = useApp((s) => s.setThreshold);
  const saved = current ? wholePercent(current.project.threshold ?? 0.1) : 10;
  const [value, setValue] = useState(saved);
  const [preview, setPreview] = useState<ThresholdPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const project = current?.project.name ?? "";
  const valid = Number.isFinite(value) && value >= wholePercent(LIMITS.min) && value <= wholePercent(LIMITS.max);
  const changed = valid && value !== saved;

  useEffect(() => setValue(saved), [project, saved]);
  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!changed || !project) return;
    let live = true;
    // Typing 1, 5 asks once, for 15.
    const timer = setTimeout(() => {
      previewThreshold(project, value / 100)
        .then((p) => live && setPreview(p))
        .catch((e) => live && setError(describe(e)));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [project, value, changed, previewThreshold]);

  if (!current) return null;
  const apply = async () => {
    setBusy(true);
    const why = await setThreshold(value / 100);
    setBusy(false);
    if (why) setError(why);
  };
  return (
    <div className="threshold" id="threshold">
      <label title="Values closer than this share one token">
        Merge within
        <input
          id="threshold-input"
          aria-label="Merge threshold (%)"
          type="number"
          min={wholePercent(LIMITS.min)}
          max={wholePercent(LIMITS.max)}
          value={Number.isFinite(value) ? value : ""}
          onChange={(e) => setValue(e.target.valueAsNumber)}
        />
        %
      </label>
      {changed && (
        // A card under the field, so the toolbar keeps its width while a change is pending.
        <div className="threshold-pending" role="group" aria-label="Pending merge threshold">
          {preview ? (
            <span id="threshold-preview" className="small" aria-live="polite">
              {`${current.library.tokens.length} → ${preview.token_count} tokens`}
              {preview.merged.length > 0 && ` · merges ${preview.merged.map((m) => `${px(m.from_px)}→${px(m.into_px)}`).join(", ")}`}
              {preview.new_px.length > 0 && ` · splits out ${preview.new_px.map(px).join(", ")}`}
            </span>
          ) : (
            <span className="muted small">{error ? "" : "working out what merges…"}</span>
          )}
          <button id="threshold-apply" onClick={apply} disabled={busy || !preview}>
            Apply
          </button>
          <button onClick={() => setValue(saved)} disabled={busy}>
            Cancel
          </button>
        </div>
      )}
      {!valid && <span className="error small">Between {wholePercent(LIMITS.min)} and {wholePercent(LIMITS.max)} %</span>}
      {error && (
        <span role="alert" className="error small">
          {error}
        </span>
      )}
    </div>
  );
}
