import type { Measurement_Deserialize } from "./bindings";

/**
 * Reads pasted spacing values: one line per image, values separated by spaces or commas,
 * an optional `px` suffix. Returns the measurements per image, or the first thing it could not read.
 */
export function parseBatch(
  text: string,
): { ok: true; images: Measurement_Deserialize[][] } | { ok: false; error: string } {
  const images: Measurement_Deserialize[][] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const parts = line.split(/[\s,;]+/).filter((p) => p.length > 0);
    if (parts.length === 0) continue;
    const values: Measurement_Deserialize[] = [];
    for (const part of parts) {
      const m = /^(\d+(?:\.\d+)?)(?:px)?$/i.exec(part);
      if (!m || m[1] === undefined) {
        return { ok: false, error: `Line ${i + 1}: "${part}" is not a px value (try 16 or 16px).` };
      }
      values.push({ value_px: Number(m[1]), confidence: 1 });
    }
    images.push(values);
  }
  if (images.length === 0) return { ok: false, error: "Type some spacing values first, e.g. 4 8 16 24." };
  return { ok: true, images };
}

/** Formats a px value the way designers write it: 16, 2.5. */
export function px(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  return `${Math.round(value * 100) / 100}`;
}
