import { describe, expect, it } from "vitest";
import { batch as running } from "../test/fixtures";
import { applyEvents } from "./batchEvents";

const batch = running();

describe("applyEvents", () => {
  it("folds a frame's worth of events in order into one batch", () => {
    const queued = { type: "queued" as const, images: [0, 1].map((i) => ({ index: i, fileName: `${i}.png`, path: `/s/${i}.png` })), skipped: [] };
    const a = applyEvents(batch, [
      queued,
      { type: "phase", index: 0, phase: "measuring" },
      { type: "phase", index: 0, phase: "saved" },
      { type: "failed", index: 1, reason: "not an image" },
      { type: "libraryChanged", tokenCount: 3, imageCount: 1 },
      { type: "libraryChanged", tokenCount: 4, imageCount: 1 },
    ]);
    expect(a.batch.images.map((i) => [i.phase, i.error])).toEqual([
      ["saved", null],
      ["queued", "not an image"],
    ]);
    // Changed twice, read once.
    expect(a.libraryChanged).toBe(true);
    expect(a.batch.summary).toBeNull();
  });

  it("ends the batch on finished and leaves the batch untouched by events that change nothing", () => {
    const summary = { saved: 1, failed: 0, skipped: 0, cancelled: 0, elapsedMs: 5 };
    const done = applyEvents({ ...batch, cancelling: true }, [{ type: "finished", summary }]);
    expect(done.batch.summary).toEqual(summary);
    expect(done.batch.cancelling).toBe(false);
    expect(applyEvents(batch, []).batch).toBe(batch);
    expect(applyEvents(batch, []).libraryChanged).toBe(false);
  });
});
