import { useEffect, useState } from "react";
import { useApp } from "../app/context";
import { px } from "../app/format";
import type { SpacingToken_Serialize } from "../bindings";

const BREAKPOINTS = ["mobile", "tablet", "desktop", "widescreen"] as const;
type Bp = (typeof BREAKPOINTS)[number];

/** A token's per-breakpoint values drawn to size, with the rule behind them; editable. */
export function Responsive({ token }: { token: SpacingToken_Serialize }) {
  const editToken = useApp((s) => s.editToken);
  const r = token.responsive_scales;
  const initial = () => Object.fromEntries(BREAKPOINTS.map((b) => [b, String(r[b] ?? 0)])) as Record<Bp, string>;
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setForm(initial());
    setEditing(false);
    setError(null);
    // Reset only when the token or its saved values change, not on every render.
  }, [token.value_px, r.mobile, r.tablet, r.desktop, r.widescreen]);

  const values = BREAKPOINTS.map((b) => Number(form[b]));
  const valid = values.every((v) => Number.isFinite(v) && v >= 0 && v <= 10000);
  return (
    <div className="responsive-preview" aria-label="Responsive values">
      <div className="bp-bars">
        {BREAKPOINTS.map((b) => (
          <div key={b} className="bp" data-breakpoint={b}>
            <span className="bp-name">{b}</span>
            <span className="bp-bar" style={{ width: `${Math.min(r[b] ?? 0, 200)}px` }} />
            <span className="num">{px(r[b])}</span>
          </div>
        ))}
      </div>
      <p className="muted small">{r.rule}</p>
      {editing ? (
        <form
          className="bp-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const [mobile, tablet, desktop, widescreen] = values as [number, number, number, number];
            const err = await editToken({ kind: "responsive", valuePx: token.value_px ?? 0, mobile, tablet, desktop, widescreen });
            setError(err);
            if (!err) setEditing(false);
          }}
        >
          {BREAKPOINTS.map((b) => (
            <label key={b}>
              {b}
              <input type="number" min={0} max={10000} step="any" aria-label={`${b} px`} value={form[b]} onChange={(e) => setForm({ ...form, [b]: e.target.value })} />
            </label>
          ))}
          <button type="submit" disabled={!valid}>
            Save
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button onClick={() => setEditing(true)}>Edit responsive values</button>
      )}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </div>
  );
}
