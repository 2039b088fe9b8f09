import type { BBox, Occurrence_Serialize, SpacingToken_Serialize, SpacingType, StoredLibrary_Serialize } from "../bindings";

/** One measured spacing drawn over its image. */
export type Instance = {
  key: string;
  token: SpacingToken_Serialize;
  occurrence: Occurrence_Serialize;
  bbox: BBox;
  /** The measured span runs left-right (its edges are the box's left and right sides). */
  horizontal: boolean;
};

export type View = { zoom: number; x: number; y: number };

/** Every instance measured in the image at `index` (its position in the project's image list). */
export function instancesFor(lib: StoredLibrary_Serialize, index: number): Instance[] {
  const dpr = lib.images[index]?.dpr ?? 1;
  const out: Instance[] = [];
  for (const token of lib.library.tokens) {
    token.occurrences.forEach((o, k) => {
      if (o.image !== index || !o.bbox) return;
      const span = (o.value_px ?? 0) * (dpr || 1);
      const horizontal = Math.abs(o.bbox.w - span) <= Math.abs(o.bbox.h - span);
      out.push({ key: `${token.name}-${k}`, token, occurrence: o, bbox: o.bbox, horizontal });
    });
  }
  return out;
}

/** Where a box given in image pixels lands on screen for a view (zoom about the origin, then pan). */
export function place(b: BBox, v: View): { left: number; top: number; width: number; height: number } {
  return { left: b.x * v.zoom + v.x, top: b.y * v.zoom + v.y, width: b.w * v.zoom, height: b.h * v.zoom };
}

/** The view that shows the whole image inside a viewport, centred, never above 1 image px per screen px. */
export function fit(imageW: number, imageH: number, viewW: number, viewH: number, margin = 16): View {
  const zoom = Math.min(1, (viewW - 2 * margin) / imageW, (viewH - 2 * margin) / imageH);
  const z = Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
  return { zoom: z, x: (viewW - imageW * z) / 2, y: (viewH - imageH * z) / 2 };
}

/** Zooms by `factor` keeping the screen point (px, py) over the same image point. */
export function zoomAt(v: View, factor: number, px: number, py: number): View {
  const zoom = Math.min(16, Math.max(0.05, v.zoom * factor));
  const f = zoom / v.zoom;
  return { zoom, x: px - (px - v.x) * f, y: py - (py - v.y) * f };
}

export const KIND_COLOURS: Record<SpacingType, string> = {
  padding: "#e5487a",
  gap: "#2f80ed",
  margin: "#9b51e0",
  inset: "#0fa5a0",
  gutter: "#27ae60",
  mixed: "#8a8f98",
};

export type Drawn = { instance: Instance; left: number; top: number; width: number; height: number };

/** Screen rectangles of the instances that are at least partly inside a viewport of `w`×`h`. */
export function layout(instances: Instance[], v: View, w: number, h: number): Drawn[] {
  const out: Drawn[] = [];
  for (const instance of instances) {
    const r = place(instance.bbox, v);
    if (r.left > w || r.top > h || r.left + r.width < 0 || r.top + r.height < 0) continue;
    out.push({ instance, ...r });
  }
  return out;
}

/** The instance under a screen point: the smallest one containing it (nested spans pick the inner). */
export function hitTest(instances: Instance[], v: View, x: number, y: number): Instance | null {
  let best: Instance | null = null;
  let area = Infinity;
  for (const i of instances) {
    const r = place(i.bbox, v);
    // At least a few screen px wide, so thin spans stay hoverable when zoomed out.
    const padX = Math.max(0, (4 - r.width) / 2);
    const padY = Math.max(0, (4 - r.height) / 2);
    if (x >= r.left - padX && x <= r.left + r.width + padX && y >= r.top - padY && y <= r.top + r.height + padY) {
      const a = r.width * r.height;
      if (a < area) {
        area = a;
        best = i;
      }
    }
  }
  return best;
}

/** A label's box on screen. */
export type LabelBox = { x: number; y: number; w: number; h: number };

/**
 * Which labels to paint so none covers another: boxes are taken in the order given (put the
 * hovered and the selected first), and one that overlaps a box already taken is left out (its
 * band is still drawn, and hovering it shows its value).
 */
export function visibleLabels(boxes: LabelBox[], gap = 2): boolean[] {
  const taken: LabelBox[] = [];
  return boxes.map((b) => {
    const hit = taken.some((t) => b.x < t.x + t.w + gap && t.x < b.x + b.w + gap && b.y < t.y + t.h + gap && t.y < b.y + b.h + gap);
    if (!hit) taken.push(b);
    return !hit;
  });
}
