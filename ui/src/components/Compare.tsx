import { useMemo, useState } from "react";
import { describe } from "../app/api";
import { compareLibraries } from "../app/compare";
import { useApp } from "../app/context";
import { px } from "../app/format";
import { type SpacingLibrary_Serialize, type SpacingToken_Serialize } from "../bindings";

function Tok({ t }: { t: SpacingToken_Serialize }) {
  return (
    <span className="cmp-token">
      <span className="name">{t.name}</span> <span className="num">{px(t.value_px)} px</span>
    </span>
  );
}

/** The open project against another project or a DTCG file: what is only on one side, what drifted. */
export function Compare() {
  const current = useApp((s) => s.current);
  const projects = useApp((s) => s.projects);
  const loadLibrary = useApp((s) => s.loadLibrary);
  const importDtcgFile = useApp((s) => s.importDtcgFile);
  // What the other side is, and the tokens its file's bad values left out (none for a project).
  const [other, setOther] = useState<{ label: string; library: SpacingLibrary_Serialize; skipped: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const skipped = other?.skipped ?? [];
  const result = useMemo(() => (current && other ? compareLibraries(current.library, other.library, current.project.threshold ?? 0.1) : null), [current, other]);
  if (!current) return null;

  const loadProject = async (name: string) => {
    if (!name) return;
    try {
      const s = await loadLibrary(name);
      setOther({ label: name, library: s.library, skipped: [] });
      setError(null);
    } catch (e) {
      setError(describe(e));
    }
  };
  const loadFile = async () => {
    try {
      const r = await importDtcgFile();
      if (r) {
        setOther({ label: r.fileName, library: r.library, skipped: r.skipped });
        setError(null);
      }
    } catch (e) {
      setError(describe(e));
    }
  };

  return (
    <section className="compare" aria-label="Compare">
      <div className="row">
        <label>
          Compare {current.project.name} with project
          <select aria-label="Compare with project" defaultValue="" onChange={(e) => loadProject(e.target.value)}>
            <option value="">—</option>
            {projects
              .filter((p) => p.id !== current.project.id)
              .map((p) => (
                <option key={p.id} value={p.name}>
                  {p.name}
                </option>
              ))}
          </select>
        </label>
        <button onClick={loadFile}>…or a DTCG token file</button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {skipped.length > 0 && (
        <div role="status" className="notice">
          <p>Some tokens in the file were left out:</p>
          <ul>
            {skipped.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      {other && result && (
        <div className="cmp-grid">
          <h3 className="cmp-side">{current.project.name}</h3>
          <h3 className="cmp-side">{other.label}</h3>
          <section aria-label="Drifted" className="cmp-group">
            <h4>Drifted ({result.drifted.length})</h4>
            {result.drifted.map((p) => (
              <div key={`${p.left.name}-${p.right.name}`} className="cmp-row drifted">
                <Tok t={p.left} />
                <Tok t={p.right} />
                <span className="num delta">
                  {p.delta > 0 ? "+" : ""}
                  {px(p.delta)} px
                </span>
              </div>
            ))}
          </section>
          <section aria-label={`Only in ${current.project.name}`} className="cmp-group">
            <h4>
              Only in {current.project.name} ({result.onlyLeft.length})
            </h4>
            {result.onlyLeft.map((t) => (
              <div key={t.name} className="cmp-row">
                <Tok t={t} />
              </div>
            ))}
          </section>
          <section aria-label={`Only in ${other.label}`} className="cmp-group">
            <h4>
              Only in {other.label} ({result.onlyRight.length})
            </h4>
            {result.onlyRight.map((t) => (
              <div key={t.name} className="cmp-row">
                <span />
                <Tok t={t} />
              </div>
            ))}
          </section>
          <section aria-label="Same" className="cmp-group">
            <h4>Same ({result.same.length})</h4>
            {result.same.map((p) => (
              <div key={p.left.name} className="cmp-row">
                <Tok t={p.left} />
                <Tok t={p.right} />
              </div>
            ))}
          </section>
        </div>
      )}
    </section>
  );
}
