import type { BaseUnitRunnerUp, SpacingScale, SpacingToken_Serialize } from "../bindings";

export function px(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "–";
  return `${Math.round(n * 100) / 100}`;
}

export function percent(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "–";
  return `${Math.round(n * 100)} %`;
}

/** What a doubtful base unit's runner-up adds after the base unit, wherever it is shown. */
export function baseUnitDoubt(runnerUp: BaseUnitRunnerUp): string {
  return ` — unsure: ${px(runnerUp.unit)} px fits ${percent(runnerUp.explained)} of uses too`;
}

/** A fraction as a whole percent number, for percent fields (0.1 → 10). */
export function wholePercent(fraction: number): number {
  return Math.round(fraction * 100);
}

export const SCALE_ORDER: SpacingScale[] = ["none", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl"];
export const TYPES = ["padding", "margin", "gap", "inset", "gutter", "mixed"] as const;

/** Same rule as the engine's `valid_token_name`: safe in CSS, SCSS, TS and JSON alike. */
export function validTokenName(name: string): boolean {
  return /^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,47}$/.test(name);
}

export type SortKey = "value" | "scale" | "type" | "name" | "uses" | "confidence";
export type Filters = {
  type: string;
  scale: string;
  grid: "all" | "on" | "off";
  minConfidence: number;
  search: string;
};
export const NO_FILTERS: Filters = { type: "", scale: "", grid: "all", minConfidence: 0, search: "" };

function key(t: SpacingToken_Serialize, k: SortKey): number | string {
  switch (k) {
    case "value":
      return t.value_px ?? 0;
    case "scale":
      return SCALE_ORDER.indexOf(t.scale);
    case "type":
      return t.spacing_type;
    case "name":
      return t.name;
    case "uses":
      return t.occurrence_count;
    case "confidence":
      return t.confidence ?? 0;
  }
}

/** The tokens shown: filtered, searched (name, names, context, use), sorted. */
export function visibleTokens(
  tokens: SpacingToken_Serialize[],
  f: Filters,
  sort: SortKey,
  descending: boolean,
): SpacingToken_Serialize[] {
  const q = f.search.trim().toLowerCase();
  const out = tokens.filter((t) => {
    if (f.type && t.spacing_type !== f.type) return false;
    if (f.scale && t.scale !== f.scale) return false;
    if (f.grid === "on" && !t.is_grid_compliant) return false;
    if (f.grid === "off" && t.is_grid_compliant) return false;
    if ((t.confidence ?? 0) < f.minConfidence) return false;
    if (q) {
      const hay = [t.name, t.context, t.use_case, ...Object.values(t.semantic_names)].join(" ").toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
  out.sort((a, b) => {
    const x = key(a, sort);
    const y = key(b, sort);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return (descending ? -c : c) || (a.value_px ?? 0) - (b.value_px ?? 0);
  });
  return out;
}

/** A size on disk in a designer's words: "840 KB", "12.4 MB". */
export function bytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return "–";
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024))} KB`;
  const mb = n / (1024 * 1024);
  return `${mb < 100 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** What a project's images take on disk (kept copies and thumbnails), for its header. */
export function diskUse(images: { stored_bytes: number | null; downscaled: boolean }[]): { total: string; perImage: string; downscaled: number } {
  const total = images.reduce((s, i) => s + (i.stored_bytes ?? 0), 0);
  return {
    total: bytes(total),
    perImage: images.length ? bytes(total / images.length) : "–",
    downscaled: images.filter((i) => i.downscaled).length,
  };
}
