import { useEffect, useState } from "react";
import { useApp } from "../app/context";
import { percent, px, TYPES, validTokenName } from "../app/format";
import type { SpacingType } from "../bindings";
import { useThumbnail } from "../app/useThumbnail";
import { Responsive } from "./Responsive";

function Thumbnail({ image, name, count }: { image: number; name: string; count: number }) {
  const { src, failed } = useThumbnail(image);
  return (
    <figure className="thumb" data-image={name}>
      {src ? <img src={src} alt={name} /> : <div className="thumb-empty">{failed ? "no preview" : ""}</div>}
      <figcaption>
        <span className="file">{name}</span> <span className="muted">×{count}</span>
      </figcaption>
    </figure>
  );
}

export function TokenDetail() {
  const current = useApp((s) => s.current);
  const selected = useApp((s) => s.selected);
  const editToken = useApp((s) => s.editToken);
  const token = current?.library.tokens.find((t) => t.value_px === selected) ?? null;
  const [name, setName] = useState("");
  const [mergeInto, setMergeInto] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    setName(token?.name ?? "");
    setError(null);
    setConfirmDelete(false);
    setMergeInto("");
  }, [token?.value_px, token?.name]);

  if (!current || !token) {
    return (
      <aside className="detail empty muted" aria-label="Token detail">
        Select a token to see its names, responsive values and where it was measured.
      </aside>
    );
  }
  const valuePx = token.value_px ?? 0;
  const run = async (p: Promise<string | null>) => setError(await p);
  const nameOk = validTokenName(name);

  return (
    <aside className="detail" aria-label="Token detail" id="token-detail">
      <h2>
        <span className="name">{token.name}</span> <span className="muted">{px(token.value_px)} px · {px(token.value_rem)} rem</span>
      </h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (nameOk) run(editToken({ kind: "rename", valuePx, name }));
        }}
      >
        <label>
          Name
          <input id="rename-input" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!nameOk} />
        </label>
        <button type="submit" id="rename-save" disabled={!nameOk || name === token.name}>
          Rename
        </button>
      </form>
      {!nameOk && <p className="hint">Lower-case letters, digits and single hyphens, starting with a letter (up to 48).</p>}
      <div className="row">
        <label>
          Type
          <select aria-label="Token type" value={token.spacing_type} onChange={(e) => run(editToken({ kind: "retype", valuePx, spacingType: e.target.value as SpacingType }))}>
            {TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Merge into
          <select aria-label="Merge into" value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
            <option value="">—</option>
            {current.library.tokens
              .filter((t) => t.value_px !== token.value_px)
              .map((t) => (
                <option key={t.name} value={String(t.value_px)}>
                  {t.name} ({px(t.value_px)} px)
                </option>
              ))}
          </select>
        </label>
        <button disabled={!mergeInto} onClick={() => run(editToken({ kind: "merge", valuePx, intoPx: Number(mergeInto) }))}>
          Merge
        </button>
        {confirmDelete ? (
          <span role="alertdialog" aria-label="Delete token?">
            <button className="danger" onClick={() => run(editToken({ kind: "delete", valuePx }))}>
              Delete {token.name}
            </button>
            <button onClick={() => setConfirmDelete(false)}>Keep</button>
          </span>
        ) : (
          <button onClick={() => setConfirmDelete(true)}>Delete…</button>
        )}
      </div>

      <dl className="facts">
        <dt>Scale</dt>
        <dd>{token.scale}</dd>
        <dt>Base unit</dt>
        <dd>
          {px(token.base_unit)} px × {px(token.multiplier)} {token.is_grid_compliant ? "(on grid)" : "(off grid)"}
        </dd>
        <dt>Rhythm</dt>
        <dd>{token.rhythm_consistency}</dd>
        <dt>Confidence</dt>
        <dd>{percent(token.confidence)}</dd>
        <dt>Context</dt>
        <dd>{token.context || "—"}</dd>
        <dt>Use</dt>
        <dd>{token.use_case}</dd>
        {token.design_intent && (
          <>
            <dt>Intent</dt>
            <dd>{token.design_intent}</dd>
          </>
        )}
      </dl>
      <h3>Names</h3>
      <dl className="facts names">
        <dt>T-shirt</dt>
        <dd>{token.semantic_names.t_shirt}</dd>
        <dt>Descriptive</dt>
        <dd>{token.semantic_names.descriptive}</dd>
        <dt>Contextual</dt>
        <dd>{token.semantic_names.contextual}</dd>
        <dt>Scale position</dt>
        <dd>{token.semantic_names.scale_position}</dd>
        <dt>Semantic</dt>
        <dd>{token.semantic_names.semantic}</dd>
      </dl>
      <h3>Responsive</h3>
      <Responsive token={token} />
      <h3>
        Measured in {token.image_count} {token.image_count === 1 ? "image" : "images"} ({token.occurrence_count} times)
      </h3>
      <div className="thumbs">
        {token.images.map((u) => {
          const im = current.images[u.image];
          return im ? <Thumbnail key={im.id} image={im.id} name={im.file_name} count={u.count} /> : null;
        })}
      </div>
    </aside>
  );
}
