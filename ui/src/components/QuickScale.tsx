import { useState } from "react";
import { useApp } from "../app/context";
import { parseBatch, px } from "../parse";

const SAMPLE = "4 8 12 16 24 32 48\n8 16 16 24 32 64\n4 12 16 24 48";

/** Paste measured values (one line per screenshot) and see the scale Copy That infers from them. */
export function QuickScale() {
  const [text, setText] = useState(SAMPLE);
  const { status, library, progress, error } = useApp((s) => s.quick);
  const analyse = useApp((s) => s.analyseValues);
  const fail = useApp((s) => s.failQuick);

  const run = () => {
    const parsed = parseBatch(text);
    if (parsed.ok) void analyse(parsed.images);
    else fail(parsed.error);
  };

  return (
    <section className="panel" aria-labelledby="quick-scale-title">
      <h2 id="quick-scale-title">Quick scale</h2>
      <p className="hint">Spacing values in px, one line per screenshot.</p>
      <textarea
        aria-label="Spacing values"
        value={text}
        rows={4}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="row">
        <button id="analyse" type="button" onClick={run} disabled={status === "running"}>
          {status === "running" ? "Analysing…" : "Analyse"}
        </button>
        {status === "running" && progress && (
          <span role="status" className="muted">
            {progress.phase} {progress.done}/{progress.total}
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {library && status !== "error" && (
        <div className="result">
          <p id="base-unit">
            Base unit <strong>{px(library.statistics.base_unit)} px</strong> · confidence{" "}
            {Math.round((library.statistics.base_unit_confidence ?? 0) * 100)}% · rhythm{" "}
            {library.statistics.rhythm}
          </p>
          <table className="tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">px</th>
                <th scope="col">rem</th>
                <th scope="col">Uses</th>
                <th scope="col">Semantic</th>
              </tr>
            </thead>
            <tbody>
              {library.tokens.map((t) => (
                <tr key={t.name} data-token={t.name}>
                  <td>{t.name}</td>
                  <td>{px(t.value_px)}</td>
                  <td>{px(t.value_rem)}</td>
                  <td>{t.occurrence_count}</td>
                  <td>{t.semantic_names.semantic}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
