import { useState } from "react";
import { useApp } from "../app/context";
import { percent, px } from "../app/format";

/** The scale drawn to size: one bar per token at its true px width, on the base-unit grid. */
export function ScaleVisualizer() {
  const current = useApp((s) => s.current);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const [mag, setMag] = useState(1);
  if (!current) return null;
  const stats = current.library.statistics;
  const base = stats.base_unit ?? 4;
  const tokens = [...current.library.tokens].sort((a, b) => (a.value_px ?? 0) - (b.value_px ?? 0));
  return (
    <section className="scale-view" aria-label="Scale">
      <header className="scale-head">
        <strong id="scale-base">Base unit {px(base)} px</strong>
        <span className="muted"> · {percent(stats.base_unit_confidence)} confidence · rhythm {stats.rhythm}</span>
        <span className="spacer" />
        <span role="group" aria-label="Magnify" className="segmented">
          {[1, 2, 4].map((m) => (
            <button key={m} aria-pressed={mag === m} onClick={() => setMag(m)}>
              {m === 1 ? "Actual size" : `${m}×`}
            </button>
          ))}
        </span>
      </header>
      {tokens.length === 0 && <p className="muted">No tokens yet.</p>}
      <ol className="scale-steps" style={{ ["--unit" as string]: `${base * mag}px` }}>
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
