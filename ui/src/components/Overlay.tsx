import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { describe } from "../app/api";
import { useApp } from "../app/context";
import { percent, px, TYPES } from "../app/format";
import { fit, hitTest, instancesFor, KIND_COLOURS, layout, place, visibleLabels, zoomAt, type Drawn, type Instance, type View } from "../app/overlay";
import { type SpacingType } from "../bindings";
import { useThumbnail } from "../app/useThumbnail";

function Film({ id, name, active, count, onPick }: { id: number; name: string; active: boolean; count: number; onPick(): void }) {
  const { src } = useThumbnail(id);
  return (
    <button className={`film${active ? " active" : ""}`} aria-pressed={active} data-image={name} onClick={onPick} title={name}>
      {src ? <img src={src} alt="" /> : <span className="film-empty" />}
      <span className="film-name">{name}</span>
      {count > 0 && <span className="badge">{count}</span>}
    </button>
  );
}

/** Paints the redlines: a band per instance between the two edges it measures, edge lines and a
 * px label, in screen space. One canvas instead of hundreds of elements keeps zooming as cheap as
 * panning. */
function paint(canvas: HTMLCanvasElement, drawn: Drawn[], selected: number | null, hover: Instance | null) {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const dpr = window.devicePixelRatio || 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.font = "600 11px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  // Labels that would cover one another are left out, the hovered and the selected token's first.
  const order = drawn
    .map((d, k) => ({ d, k, rank: d.instance === hover ? 0 : selected != null && d.instance.token.value_px === selected ? 1 : 2 }))
    .sort((a, b) => a.rank - b.rank || a.k - b.k);
  const boxes = order.map(({ d }) => {
    const tw = ctx.measureText(px(d.instance.occurrence.value_px)).width + 6;
    return { x: d.left + d.width / 2 - tw / 2, y: d.top + d.height / 2 - 7, w: tw, h: 14 };
  });
  const shown = new Set(visibleLabels(boxes).flatMap((v, j) => (v ? [order[j]!.k] : [])));
  drawn.forEach((d, k) => {
    const i = d.instance;
    const colour = KIND_COLOURS[i.occurrence.spacing_type];
    const on = selected == null || i.token.value_px === selected;
    ctx.globalAlpha = on ? (selected != null || i === hover ? 0.45 : 0.22) : 0.06;
    ctx.fillStyle = colour;
    ctx.fillRect(d.left, d.top, d.width, d.height);
    ctx.globalAlpha = on ? 1 : 0.2;
    if (i.horizontal) {
      ctx.fillRect(d.left, d.top, 1, d.height);
      ctx.fillRect(d.left + d.width - 1, d.top, 1, d.height);
    } else {
      ctx.fillRect(d.left, d.top, d.width, 1);
      ctx.fillRect(d.left, d.top + d.height - 1, d.width, 1);
    }
    if (!shown.has(k)) return;
    const text = px(i.occurrence.value_px);
    const tw = ctx.measureText(text).width + 6;
    const cx = d.left + d.width / 2;
    const cy = d.top + d.height / 2;
    ctx.fillRect(cx - tw / 2, cy - 7, tw, 14);
    ctx.fillStyle = "#fff";
    ctx.fillText(text, cx, cy + 0.5);
  });
  ctx.globalAlpha = 1;
}

/** The image with every measured spacing drawn over it as redlines; zoom, pan, hover, filter. */
export function Overlay() {
  const current = useApp((s) => s.current);
  const selected = useApp((s) => s.selected);
  const select = useApp((s) => s.select);
  const imageSource = useApp((s) => s.imageSource);
  const overlayImage = useApp((s) => s.overlayImage);
  const count = current?.images.length ?? 0;
  const asked = overlayImage != null && overlayImage < count ? overlayImage : null;
  const [index, setIndex] = useState(asked ?? 0);
  // Asked from elsewhere (the audit's "where"): open on that image.
  useEffect(() => {
    if (asked != null) setIndex(asked);
  }, [asked]);
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kinds, setKinds] = useState<Set<SpacingType>>(() => new Set(TYPES));
  const [view, setView] = useState<View>({ zoom: 1, x: 0, y: 0 });
  const [hover, setHover] = useState<Instance | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ w: 900, h: 600 });
  const moved = useRef(false);
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
    imageSource(image.id).then(
      (s) => live && setSrc(s),
      (e) => live && setError(describe(e)),
    );
    return () => {
      live = false;
    };
    // Refit and reload only when the image changes; zooming must not refetch it.
  }, [image?.id]);

  useEffect(() => {
    const el = viewport.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth || 900, h: el.clientHeight || 600 }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [image?.id]);

  const drawn = useMemo(() => layout(shown, view, size.w, size.h), [shown, view, size]);
  useLayoutEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(size.w * dpr);
    const h = Math.round(size.h * dpr);
    if (c.width !== w || c.height !== h) {
      c.width = w;
      c.height = h;
    }
    paint(c, drawn, selected, hover);
  }, [drawn, selected, hover, size]);

  if (!current || !image)
    return (
      <section className="overlay-view empty muted" aria-label="Measurement overlay">
        No images in this project yet: drop screenshots on the window.
      </section>
    );
  const dpr = image.dpr || 1;
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
          drag.current = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
          moved.current = false;
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d && (Math.abs(e.clientX - d.x) > 2 || Math.abs(e.clientY - d.y) > 2)) {
            moved.current = true;
            setView({ ...view, x: d.vx + e.clientX - d.x, y: d.vy + e.clientY - d.y });
            return;
          }
          const r = e.currentTarget.getBoundingClientRect();
          const hit = hitTest(shown, view, e.clientX - r.left, e.clientY - r.top);
          if (hit !== hover) setHover(hit);
        }}
        onPointerLeave={() => {
          drag.current = null;
          setHover(null);
        }}
        onPointerUp={(e) => {
          const wasDrag = moved.current;
          drag.current = null;
          if (wasDrag) return;
          const r = e.currentTarget.getBoundingClientRect();
          const hit = hitTest(shown, view, e.clientX - r.left, e.clientY - r.top);
          if (hit) select(hit.token.value_px);
        }}
      >
        <div
          className="stage"
          data-testid="stage"
          style={{ width: image.width, height: image.height, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` }}
        >
          {src ? <img src={src} alt={image.file_name} width={image.width} height={image.height} draggable={false} /> : <div className="stage-blank" />}
        </div>
        <canvas ref={canvas} className="redlines" data-testid="redlines" data-instances={drawn.length} style={{ width: size.w, height: size.h }} />
        {hover && (
          <div
            role="tooltip"
            className="instance-tip"
            data-token={hover.token.name}
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
