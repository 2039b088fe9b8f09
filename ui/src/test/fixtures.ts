import type { ImageRecord_Serialize, ProjectSummary, SpacingToken_Serialize, StoredLibrary_Serialize } from "../bindings";
import type { Batch } from "../app/batchEvents";

const SCALES = ["2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl"] as const;

/** A value's step on the 4 px scale, as the engine names tokens: 16 → `4`, 10 → `2-5`. */
export const step = (value: number) => String(value / 4).replace(".", "-");

export function token(value: number, i = 0, over: Partial<SpacingToken_Serialize> = {}): SpacingToken_Serialize {
  const scale = SCALES[Math.min(i, SCALES.length - 1)] ?? "md";
  return {
    value_px: value,
    value_rem: value / 16,
    value_em: value / 16,
    scale,
    base_unit: 4,
    multiplier: value / 4,
    name: step(value),
    spacing_type: i % 2 === 0 ? "padding" : "gap",
    design_intent: "",
    use_case: "padding inside cards",
    context: i % 2 === 0 ? "card padding" : "list gap",
    confidence: 0.5 + (i % 5) / 10,
    is_grid_compliant: value % 4 === 0,
    rhythm_consistency: "consistent",
    responsive_scales: { mobile: value * 0.75, tablet: value * 0.875, desktop: value, widescreen: value * 1.25, rule: "scaled by breakpoint" },
    semantic_names: { t_shirt: scale, descriptive: `${scale}-padding`, contextual: "card-padding", scale_position: `spacing-${step(value)}`, semantic: "comfortable-padding" },
    related_to: [],
    component_usage: ["card"],
    occurrence_count: 10 - i,
    image_count: 2,
    average_confidence: 0.8,
    images: [
      { image: 0, count: 6 - Math.min(i, 5) },
      { image: 1, count: 4 },
    ],
    occurrences: [],
    extraction_metadata: { algorithm_version: "local/1", provider: "project", elapsed_ms: 1 },
    ...over,
  };
}

export function project(name = "Shop", over: Partial<ProjectSummary> = {}): ProjectSummary {
  return { id: 1, name, image_count: 2, token_count: 5, threshold: 0.1, root_px: 16, created_at: 0, updated_at: 0, ...over };
}

export function images(): ImageRecord_Serialize[] {
  return [
    { id: 11, file_name: "home <b>.png", content_hash: "a", width: 1280, height: 800, dpr: 1, dpr_source: "default", source_path: "/s/home.png", stored_bytes: 420000, downscaled: false },
    { id: 12, file_name: "cart.png", content_hash: "b", width: 1280, height: 800, dpr: 2, dpr_source: "metadata", source_path: null, stored_bytes: 36000000, downscaled: true },
  ];
}

export function stored(values = [4, 8, 16, 24, 32], name = "Shop"): StoredLibrary_Serialize {
  const tokens = values.map((v, i) => token(v, i));
  return {
    project: project(name, { token_count: tokens.length }),
    images: images(),
    library: {
      tokens,
      statistics: {
        token_count: tokens.length,
        hidden_token_count: 0,
        ignored_measurement_count: 0,
        image_count: 2,
        measurement_count: 50,
        min_px: values[0] ?? null,
        max_px: values[values.length - 1] ?? null,
        mean_px: 10,
        base_unit: 4,
        base_unit_confidence: 0.92,
        rhythm: "consistent",
        grid_compliant_ratio: 1,
        average_confidence: 0.8,
      },
    },
    failures: [],
    base_unit_runner_up: null,
  };
}

/** A batch of project "Shop", running, with no images yet; `over` changes any field. */
export function batch(over: Partial<Batch> = {}): Batch {
  return { job: "j", project: "Shop", asking: null, images: [], skipped: [], summary: null, error: null, cancelling: false, ...over };
}
