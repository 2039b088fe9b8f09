import { useState } from "react";
import { useApp } from "../app/context";
import { px } from "../app/format";

const SLOTS = [
  { key: "padding", label: "Card padding" },
  { key: "gap", label: "Gap between items" },
  { key: "inset", label: "Button padding" },
] as const;
type Slot = (typeof SLOTS)[number]["key"];

/** A small card laid out with the current scale: pick tokens and see it change. */
export function Playground() {
  const current = useApp((s) => s.current);
  const tokens = [...(current?.library.tokens ?? [])].sort((a, b) => (a.value_px ?? 0) - (b.value_px ?? 0));
  const nearest = (v: number) => tokens.reduce((best, t) => (Math.abs((t.value_px ?? 0) - v) < Math.abs(best - v) ? t.value_px ?? 0 : best), tokens[0]?.value_px ?? v);
  const [pick, setPick] = useState<Record<Slot, number>>(() => ({ padding: nearest(24), gap: nearest(16), inset: nearest(8) }));
  if (tokens.length === 0) return <p className="muted">No tokens yet: the playground uses the project's scale.</p>;
  const v = (k: Slot) => pick[k];
  return (
    <section className="playground" aria-label="Playground">
      <div className="playground-controls">
        {SLOTS.map((s) => (
          <label key={s.key}>
            {s.label}
            <select aria-label={s.label} value={String(pick[s.key])} onChange={(e) => setPick({ ...pick, [s.key]: Number(e.target.value) })}>
              {tokens.map((t) => (
                <option key={t.name} value={String(t.value_px)}>
                  {t.name} · {px(t.value_px)} px
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="play-stage">
        <article className="play-card" data-testid="play-card" style={{ padding: `${v("padding")}px`, gap: `${v("gap")}px` }}>
          <div className="play-media" />
          <h3>Weekend in Lisbon</h3>
          <p>Three nights by the river, breakfast included. Free cancellation until Friday.</p>
          <div className="play-actions" style={{ gap: `${v("gap")}px` }}>
            <button className="primary" style={{ padding: `${v("inset") / 2}px ${v("inset")}px` }}>
              Book
            </button>
            <button style={{ padding: `${v("inset") / 2}px ${v("inset")}px` }}>Save</button>
          </div>
        </article>
      </div>
    </section>
  );
}
