import { useLayoutEffect, useRef, useState } from "react";
import { useApp } from "../app/context";
import { baseUnitDoubt, percent, px } from "../app/format";

/** Room the step labels take beside the bars (the grid's first column and gap). */
const LABEL_PX = 232;
/** Where a bar starts in its row: the labels, plus the step button's border and padding. */
const BAR_START_PX = LABEL_PX + 11;

/** A ruler step: the base unit doubled until the largest value needs at most 12 marks. */
export function rulerStep(base: number, max: number): number {
  let step = base > 0 ? base : 4;
  while (max / step > 12) step *= 2;
  return step;
}

/**
 * The scale drawn to size: one bar per token, on the base-unit grid with a ruler. By default the
 * largest token fills the track ("Fit"); "Actual size" draws each bar as wide on screen as its
 * value in CSS px, 2× and 4× magnify that.
 */
export function ScaleVisualizer() {
  const current = useApp((s) => s.current);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const [zoom, setZoom] = useState<number | "fit">("fit");
  const list = useRef<HTMLOListElement>(null);
  const [track, setTrack] = useState(600);
  // Measured before the first paint, so a fitted bar is never drawn at a guessed width.
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const measure = () => setTrack(Math.max(120, el.clientWidth - BAR_START_PX - 16));
    measure();
    if (typeof ResizeObserver === "undefined") {
      window.addEventListener("resize", measure);
      return () => window.removeEventListener("resize", measure);
    }
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [current]);
  if (!current) return null;
  const stats = current.library.statistics;
  const base = stats.base_unit ?? 4;
  const tokens = [...current.library.tokens].sort((a, b) => (a.value_px ?? 0) - (b.value_px ?? 0));
  const max = Math.max(base, ...tokens.map((t) => t.value_px ?? 0));
  const mag = zoom === "fit" ? track / max : zoom;
  const step = rulerStep(base, max);
  const marks = Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  return (
    <section className="scale-view" aria-label="Scale">
      <header className="scale-head">
        <strong id="scale-base">Base unit {px(base)} px</strong>
        <span className="muted"> · {percent(stats.base_unit_confidence)} confidence · rhythm {stats.rhythm}</span>
        {current.base_unit_runner_up && (
          <span className="doubt" id="scale-base-doubt">
            {baseUnitDoubt(current.base_unit_runner_up)}
          </span>
        )}
        <span className="spacer" />
        <span role="group" aria-label="Magnify" className="segmented">
          {(["fit", 1, 2, 4] as const).map((m) => (
            <button key={m} aria-pressed={zoom === m} onClick={() => setZoom(m)}>
              {m === "fit" ? "Fit" : m === 1 ? "Actual size" : `${m}×`}
            </button>
          ))}
        </span>
      </header>
      {tokens.length === 0 && <p className="muted">No tokens yet.</p>}
      {tokens.length > 0 && (
        <div className="scale-ruler" aria-hidden="true" style={{ marginLeft: BAR_START_PX }}>
          {marks.map((m) => (
            <span key={m} className="mark" style={{ left: m * mag }}>
              {px(m)}
            </span>
          ))}
        </div>
      )}
      <ol ref={list} className="scale-steps" style={{ ["--unit" as string]: `${base * mag}px` }}>
        {tokens.map((t) => (
          <li key={`${t.value_px}-${t.name}`}>
            <button
              className={`scale-step${t.is_grid_compliant ? "" : " off-grid"}${t.value_px === selected ? " selected" : ""}`}
              data-step={t.name}
              aria-pressed={t.value_px === selected}
              onClick={() => select(t.value_px)}
              title={t.is_grid_compliant ? `${px(t.multiplier)} × ${px(base)} px` : `off the ${px(base)} px grid`}
            >
              <span className="step-label">
                <span className="name">{t.name}</span>
                <span className="num">{px(t.value_px)} px</span>
                <span className="muted num">{px(t.value_rem)} rem</span>
                {!t.is_grid_compliant && <span className="badge">off grid</span>}
              </span>
              <span className="step-track">
                <span className="step-bar" style={{ width: `${(t.value_px ?? 0) * mag}px` }} />
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
