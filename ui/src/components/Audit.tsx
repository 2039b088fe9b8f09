import { useCallback, useEffect, useState } from "react";
import { describe } from "../app/api";
import { useApp } from "../app/context";
import { px } from "../app/format";
import type { AuditPlace, AuditReport_Serialize, AuditReason } from "../bindings";

const REASON: Record<AuditReason, (base: number) => string> = {
  offGrid: (base) => `off the ${px(base)} px grid`,
  rare: () => "used once or twice",
};

/**
 * The values that did not make a clean scale: the library's tokens off the base unit's grid or
 * used once or twice, and the values each image's selection left out: each can be snapped to the
 * nearest step or kept as its own token (a left-out value is then brought into the library).
 * Every value links to where it was measured, in the overlay.
 */
export function Audit() {
  const current = useApp((s) => s.current);
  const auditProject = useApp((s) => s.auditProject);
  const editToken = useApp((s) => s.editToken);
  const [report, setReport] = useState<AuditReport_Serialize | null>(null);
  const [error, setError] = useState<string | null>(null);
  const project = current?.project.name;

  const load = useCallback(() => {
    if (!project) return;
    auditProject(project)
      .then((r) => {
        setReport(r);
        setError(null);
      })
      .catch((e) => setError(describe(e)));
  }, [project, auditProject]);
  // Again whenever the library changes (an edit here, a batch, a threshold).
  useEffect(load, [load, current]);

  if (!current) return null;
  const act = async (edit: Parameters<typeof editToken>[0]) => {
    const why = await editToken(edit);
    if (why) setError(why);
  };
  const base = report?.base_unit ?? current.library.statistics.base_unit ?? 4;
  return (
    <div className="audit" id="audit">
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!report && !error && <p className="muted">Auditing the scale…</p>}
      {report && (
        <>
          <h2 className="small-heading">In the library</h2>
          {report.tokens.length === 0 ? (
            <p className="muted small" id="audit-clean">
              Every token sits on the {px(base)} px grid and is used more than twice (or was kept on purpose).
            </p>
          ) : (
            <ul className="audit-list" id="audit-tokens">
              {report.tokens.map((t) => (
                <li key={t.value_px ?? 0} data-value={t.value_px}>
                  <span className="value">{px(t.value_px)} px</span>
                  <span className="name">{t.name}</span>
                  <span className="reason">
                    {REASON[t.reason](base)} · {t.uses} {t.uses === 1 ? "use" : "uses"}
                  </span>
                  <Places places={t.places} value={t.value_px ?? null} />
                  <span className="actions">
                    {t.snap_to_px != null && (
                      <button className="snap" onClick={() => act({ kind: "merge", valuePx: t.value_px, intoPx: t.snap_to_px })}>
                        Snap to {px(t.snap_to_px)} px
                      </button>
                    )}
                    <button className="keep" onClick={() => act({ kind: "keep", valuePx: t.value_px })}>
                      Keep as its own token
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h2 className="small-heading">Measured but left out</h2>
          {report.left_out.length === 0 ? (
            <p className="muted small">Nothing measured with confidence was left out.</p>
          ) : (
            <ul className="audit-list" id="audit-left-out">
              {report.left_out.map((l) => (
                <li key={l.value_px ?? 0} data-value={l.value_px}>
                  <span className="value">{px(l.value_px)} px</span>
                  <span className="reason">
                    {l.reason === "offGrid" ? "off its image's grid" : "seen too seldom"} · measured {l.count}×
                  </span>
                  <Places places={l.places} value={null} />
                  <span className="actions">
                    {l.snap_to_px != null && (
                      <button className="snap" onClick={() => act({ kind: "include", valuePx: l.value_px, intoPx: l.snap_to_px })}>
                        Snap to {px(l.snap_to_px)} px
                      </button>
                    )}
                    <button className="keep" onClick={() => act({ kind: "include", valuePx: l.value_px, intoPx: null })}>
                      Keep as its own token
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

/** Where a value was measured: one link per image, opening the overlay there. */
function Places({ places, value }: { places: AuditPlace[]; value: number | null }) {
  const images = useApp((s) => s.current?.images);
  const show = useApp((s) => s.showInOverlay);
  const seen = [...new Set(places.map((p) => p.image))];
  return (
    <span className="places">
      {seen.map((i) => (
        <button key={i} className="link place" onClick={() => show(value, i)} title="Show in the overlay">
          {images?.[i]?.file_name ?? `image ${i + 1}`}
        </button>
      ))}
    </span>
  );
}
