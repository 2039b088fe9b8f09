import { describe, expect, it } from "vitest";
import { parseBatch, px } from "./parse";

describe("parseBatch", () => {
  it("reads one image per line with px suffixes and commas", () => {
    const r = parseBatch("4, 8px 16\n\n24 32");
    expect(r).toEqual({
      ok: true,
      images: [
        [
          { value_px: 4, confidence: 1 },
          { value_px: 8, confidence: 1 },
          { value_px: 16, confidence: 1 },
        ],
        [
          { value_px: 24, confidence: 1 },
          { value_px: 32, confidence: 1 },
        ],
      ],
    });
  });

  it("names the line and the value it could not read", () => {
    const r = parseBatch("4 8\n12 big");
    expect(r).toEqual({ ok: false, error: 'Line 2: "big" is not a px value (try 16 or 16px).' });
  });

  it("refuses empty input", () => {
    expect(parseBatch("  \n ").ok).toBe(false);
  });
});

describe("px", () => {
  it("drops trailing zeros and shows a dash for missing values", () => {
    expect(px(16)).toBe("16");
    expect(px(2.5)).toBe("2.5");
    expect(px(null)).toBe("–");
  });
});
