import type { SpacingLibrary_Serialize, SpacingToken_Serialize } from "../bindings";

export type Pair = { left: SpacingToken_Serialize; right: SpacingToken_Serialize; delta: number };
export type Comparison = { same: Pair[]; drifted: Pair[]; onlyLeft: SpacingToken_Serialize[]; onlyRight: SpacingToken_Serialize[] };

/**
 * Holds two libraries side by side. Tokens pair up by name first (a renamed value is a drift),
 * then the rest by nearest value within `threshold` of the larger. A pair whose values differ by
 * half a pixel or more has drifted.
 */
export function compareLibraries(a: SpacingLibrary_Serialize, b: SpacingLibrary_Serialize, threshold = 0.1): Comparison {
  const v = (t: SpacingToken_Serialize) => t.value_px ?? 0;
  const rightLeft = new Set(b.tokens);
  const pairs: Pair[] = [];
  const unpairedLeft: SpacingToken_Serialize[] = [];
  for (const t of a.tokens) {
    const byName = b.tokens.find((u) => u.name === t.name && rightLeft.has(u));
    if (byName) {
      rightLeft.delete(byName);
      pairs.push({ left: t, right: byName, delta: v(byName) - v(t) });
    } else unpairedLeft.push(t);
  }
  const onlyLeft: SpacingToken_Serialize[] = [];
  for (const t of unpairedLeft) {
    let best: SpacingToken_Serialize | null = null;
    for (const u of rightLeft) {
      const d = Math.abs(v(u) - v(t));
      if (d <= Math.max(0.5, threshold * Math.max(v(u), v(t))) && (!best || d < Math.abs(v(best) - v(t)))) best = u;
    }
    if (best) {
      rightLeft.delete(best);
      pairs.push({ left: t, right: best, delta: v(best) - v(t) });
    } else onlyLeft.push(t);
  }
  const byValue = (x: Pair, y: Pair) => v(x.left) - v(y.left);
  return {
    same: pairs.filter((p) => Math.abs(p.delta) < 0.5).sort(byValue),
    drifted: pairs.filter((p) => Math.abs(p.delta) >= 0.5).sort(byValue),
    onlyLeft: onlyLeft.sort((x, y) => v(x) - v(y)),
    onlyRight: [...rightLeft].sort((x, y) => v(x) - v(y)),
  };
}
