import { describe, expect, it } from "vitest";
import { stored, token } from "../test/fixtures";
import { compareLibraries } from "./compare";

describe("compareLibraries", () => {
  it("sorts tokens into same, drifted and one-sided", () => {
    const a = stored([4, 8, 16, 24]).library;
    const b = stored([4]).library;
    b.tokens = [token(4, 0), token(9, 1, { name: "2" }), token(20, 3, { name: "6" }), token(48, 6, { name: "hero" })];
    const r = compareLibraries(a, b);
    expect(r.same.map((p) => p.left.value_px)).toEqual([4]);
    // `2` 8 ↔ `2` 9 by name; `6` 24 ↔ `6` 20 by name.
    expect(r.drifted.map((p) => [p.left.value_px, p.right.value_px, p.delta])).toEqual([
      [8, 9, 1],
      [24, 20, -4],
    ]);
    expect(r.onlyLeft.map((t) => t.value_px)).toEqual([16]);
    expect(r.onlyRight.map((t) => t.name)).toEqual(["hero"]);
  });

  it("pairs differently named tokens by value within the threshold", () => {
    const a = stored([16]).library;
    const b = stored([4]).library;
    b.tokens = [token(17, 3, { name: "card" })];
    const r = compareLibraries(a, b, 0.1);
    expect(r.drifted).toHaveLength(1);
    expect(compareLibraries(a, b, 0.01).onlyRight).toHaveLength(1);
  });
});
