import { useEffect, useMemo, useRef, useState } from "react";
import { call, describe } from "../app/api";
import { useApp } from "../app/context";
import { percent, px, TYPES } from "../app/format";
import { fit, instancesFor, KIND_COLOURS, place, zoomAt, type Instance, type View } from "../app/overlay";
import { commands, type SpacingType } from "../bindings";

function Film({ id, name, active, count, onPick }: { id: number; name: string; active: boolean; count: number; onPick(): void }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call(commands.imageThumbnail(id)).then(
      (s) => live && setSrc(s),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [id]);
  return (
    <button className={`film${active ? " active" : ""}`} aria-pressed={active} data-image={name} onClick={onPick} title={name}>
      {src ? <img src={src} alt="" /> : <span className="film-empty" />}
      <span className="film-name">{name}</span>
      {count > 0 && <span className="badge">{count}</span>}
    </button>
  );
}

/** The image with every measured spacing drawn over it as redlines; zoom, pan, hover, filter. */
export function Overlay() {
  const current = useApp((s) => s.current);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const [index, setIndex] = useState(0);
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kinds, setKinds] = useState<Set<SpacingType>>(() => new Set(TYPES));
  const [view, setView] = useState<View>({ zoom: 1, x: 0, y: 0 });
  const [hover, setHover] = useState<Instance | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; vx: number; vy: number } | null>(null);

  const image = current?.images[index];
  const all = useMemo(() => (current ? instancesFor(current, index) : []), [current, index]);
  const shown = useMemo(() => all.filter((i) => kinds.has(i.occurrence.spacing_type)), [all, kinds]);
  const perImage = useMemo(() => {
    const counts = new Map<number, number>();
    const t = current?.library.tokens.find((x) => x.value_px === selected);
    t?.images.forEach((u) => counts.set(u.image, u.count));
    return counts;
  }, [current, selected]);

  const fitView = () => {
    const el = viewport.current;
    if (!image) return;
    setView(fit(image.width, image.height, el?.clientWidth || 900, el?.clientHeight || 600));
  };
  const actual = () => setView({ zoom: 1 / (image?.dpr || 1), x: 16, y: 16 });

  useEffect(() => {
    if (!image) return;
    let live = true;
    setSrc(null);
    setError(null);
    fitView();
    call(commands.imageSource(image.id)).then(
      (s) => live && setSrc(s),
      (e) => live && setError(describe(e)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [image?.id]);

  if (!current || !image) return <p className="muted">No images in this project yet.</p>;
  const dpr = image.dpr || 1;
  const labelSize = 11 / view.zoom;
  const zoomBy = (f: number) => {
    const el = viewport.current;
    setView(zoomAt(view, f, (el?.clientWidth ?? 0) / 2, (el?.clientHeight ?? 0) / 2));
  };

  return (
    <section className="overlay-view" aria-label="Measurement overlay">
      <div className="overlay-bar">
        <span className="muted small" id="overlay-image">
          {image.file_name} · {image.width}×{image.height} · {px(dpr)}× ({image.dpr_source}) · {shown.length} of {all.length} shown
        </span>
        <span className="spacer" />
        {TYPES.filter((t) => all.some((i) => i.occurrence.spacing_type === t)).map((t) => (
          <label key={t} className="check kind" style={{ ["--kind" as string]: KIND_COLOURS[t] }}>
            <input
              type="checkbox"
              aria-label={`Show ${t}`}
              checked={kinds.has(t)}
              onChange={(e) => {
                const next = new Set(kinds);
                if (e.target.checked) next.add(t);
                else next.delete(t);
                setKinds(next);
              }}
            />
            {t}
          </label>
        ))}
        <button aria-label="Zoom out" onClick={() => zoomBy(1 / 1.25)}>
          −
        </button>
        <span className="num small" id="overlay-zoom">
          {Math.round(view.zoom * dpr * 100)} %
        </span>
        <button aria-label="Zoom in" onClick={() => zoomBy(1.25)}>
          +
        </button>
        <button onClick={fitView}>Fit</button>
        <button onClick={actual}>1:1</button>
      </div>
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      <div
        className="viewport"
        ref={viewport}
        data-testid="viewport"
        onWheel={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          if (e.ctrlKey || e.metaKey) setView(zoomAt(view, e.deltaY < 0 ? 1.1 : 1 / 1.1, e.clientX - r.left, e.clientY - r.top));
          else setView({ ...view, x: view.x - e.deltaX, y: view.y - e.deltaY });
        }}
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).closest(".instance")) return;
          drag.current = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
          e.currentTarget.setPointerCapture?.(e.pointerId);
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d) setView({ ...view, x: d.vx + e.clientX - d.x, y: d.vy + e.clientY - d.y });
        }}
        onPointerUp={() => (drag.current = null)}
      >
        <div className="stage" data-testid="stage" style={{ width: image.width, height: image.height, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }}>
          {src ? <img src={src} alt={image.file_name} width={image.width} height={image.height} draggable={false} /> : <div className="stage-blank" />}
          {shown.map((i) => {
            const on = selected == null || i.token.value_px === selected;
            const colour = KIND_COLOURS[i.occurrence.spacing_type];
            return (
              <div
                key={i.key}
                className={`instance ${i.horizontal ? "h" : "v"}${on ? "" : " dim"}${selected != null && on ? " selected" : ""}`}
                data-token={i.token.name}
                data-value={i.occurrence.value_px ?? ""}
                data-kind={i.occurrence.spacing_type}
                style={{ left: i.bbox.x, top: i.bbox.y, width: i.bbox.w, height: i.bbox.h, ["--kind" as string]: colour, ["--line" as string]: `${1 / view.zoom}px` }}
                onMouseEnter={() => setHover(i)}
                onMouseLeave={() => setHover((h) => (h === i ? null : h))}
                onClick={() => select(i.token.value_px)}
              >
                <span className="redline-label" style={{ fontSize: labelSize }}>
                  {px(i.occurrence.value_px)}
                </span>
              </div>
            );
          })}
        </div>
        {hover && (
          <div
            role="tooltip"
            className="instance-tip"
            style={(() => {
              const p = place(hover.bbox, view);
              return { left: p.left + p.width + 6, top: p.top };
            })()}
          >
            <strong>{px(hover.occurrence.value_px)} px</strong> {hover.occurrence.spacing_type} · {percent(hover.occurrence.confidence)} · token <span className="name">{hover.token.name}</span>
          </div>
        )}
      </div>
      <div className="filmstrip" role="toolbar" aria-label="Images">
        {current.images.map((im, k) => (
          <Film key={im.id} id={im.id} name={im.file_name} active={k === index} count={perImage.get(k) ?? 0} onPick={() => setIndex(k)} />
        ))}
      </div>
    </section>
  );
}
