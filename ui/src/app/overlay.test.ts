import { describe, expect, it } from "vitest";
import { stored, token } from "../test/fixtures";
import { fit, hitTest, instancesFor, layout, place, visibleLabels, zoomAt } from "./overlay";

describe("overlay geometry", () => {
  it("places an image-pixel box on screen after zoom and pan", () => {
    const b = { x: 100, y: 40, w: 24, h: 80 };
    expect(place(b, { zoom: 1, x: 0, y: 0 })).toEqual({ left: 100, top: 40, width: 24, height: 80 });
    expect(place(b, { zoom: 2, x: 10, y: -5 })).toEqual({ left: 210, top: 75, width: 48, height: 160 });
    // A 2× screenshot shown at CSS size (zoom 1/2): the 24 image px span is 12 screen px.
    expect(place(b, { zoom: 0.5, x: 0, y: 0 })).toEqual({ left: 50, top: 20, width: 12, height: 40 });
  });

  it("zooms about the pointer, keeping the image point under it", () => {
    const v = zoomAt({ zoom: 1, x: 0, y: 0 }, 2, 100, 50);
    expect(v).toEqual({ zoom: 2, x: -100, y: -50 });
    expect(place({ x: 100, y: 50, w: 0, h: 0 }, v)).toMatchObject({ left: 100, top: 50 });
  });

  it("fits the whole image, centred, never enlarged", () => {
    expect(fit(2560, 1600, 1312, 832)).toEqual({ zoom: 0.5, x: 16, y: 16 });
    expect(fit(400, 300, 1000, 800)).toEqual({ zoom: 1, x: 300, y: 250 });
  });

  it("finds each instance of an image and its axis, at 1× and 2×", () => {
    const lib = stored([24]);
    lib.images[1]!.dpr = 2;
    lib.library.tokens = [
      token(24, 0, {
        occurrences: [
          { image: 0, value_px: 24, confidence: 0.9, spacing_type: "padding", bbox: { x: 10, y: 10, w: 24, h: 100 } },
          { image: 1, value_px: 24, confidence: 0.9, spacing_type: "padding", bbox: { x: 10, y: 10, w: 300, h: 48 } },
          { image: 1, value_px: 24, confidence: 0.9, spacing_type: "gap", bbox: null },
        ],
      }),
    ];
    const first = instancesFor(lib, 0);
    expect(first.map((i) => i.horizontal)).toEqual([true]);
    const second = instancesFor(lib, 1);
    expect(second).toHaveLength(1);
    expect(second[0]!.horizontal).toBe(false);
  });
});

describe("hit testing and culling", () => {
  const lib = stored([24]);
  lib.library.tokens = [
    token(24, 0, {
      occurrences: [
        { image: 0, value_px: 24, confidence: 0.9, spacing_type: "padding", bbox: { x: 0, y: 0, w: 200, h: 100 } },
        { image: 0, value_px: 8, confidence: 0.9, spacing_type: "gap", bbox: { x: 50, y: 20, w: 8, h: 40 } },
        { image: 0, value_px: 8, confidence: 0.9, spacing_type: "gap", bbox: { x: 5000, y: 20, w: 8, h: 40 } },
      ],
    }),
  ];
  const all = instancesFor(lib, 0);

  it("picks the innermost instance under the pointer, after zoom", () => {
    const v = { zoom: 2, x: 10, y: 10 };
    expect(hitTest(all, v, 10 + 54 * 2, 10 + 30 * 2)?.bbox.x).toBe(50);
    expect(hitTest(all, v, 10 + 20 * 2, 10 + 30 * 2)?.bbox.x).toBe(0);
    expect(hitTest(all, v, 5, 5)).toBeNull();
  });

  it("draws only what is inside the viewport, at screen coordinates", () => {
    const drawn = layout(all, { zoom: 0.5, x: 0, y: 0 }, 800, 600);
    expect(drawn.map((d) => [d.left, d.top, d.width, d.height])).toEqual([
      [0, 0, 100, 50],
      [25, 10, 4, 20],
    ]);
  });
});

describe("labels that would overlap", () => {
  it("keeps the first of two overlapping labels, and every label that stands alone", () => {
    const boxes = [
      { x: 0, y: 0, w: 20, h: 14 },
      { x: 10, y: 5, w: 20, h: 14 }, // covers the first
      { x: 100, y: 0, w: 20, h: 14 },
      { x: 0, y: 40, w: 20, h: 14 },
      { x: 21, y: 0, w: 20, h: 14 }, // 1 px from the first: closer than the gap
    ];
    expect(visibleLabels(boxes)).toEqual([true, false, true, true, false]);
  });
});
