import { describe, expect, it } from "vitest";
import { bytes, diskUse } from "./format";

describe("disk use", () => {
  it("says sizes in KB under a megabyte and in MB above", () => {
    expect(bytes(0)).toBe("1 KB");
    expect(bytes(200 * 1024)).toBe("200 KB");
    expect(bytes(12.44 * 1024 * 1024)).toBe("12.4 MB");
    expect(bytes(250 * 1024 * 1024)).toBe("250 MB");
    expect(bytes(Number.NaN)).toBe("–");
  });

  it("sums a project's images, gives the size per image and counts downscaled copies", () => {
    const mb = 1024 * 1024;
    const use = diskUse([
      { stored_bytes: 1 * mb, downscaled: false },
      { stored_bytes: 3 * mb, downscaled: true },
    ]);
    expect(use).toEqual({ total: "4.0 MB", perImage: "2.0 MB", downscaled: 1 });
    expect(diskUse([]).perImage).toBe("–");
  });
});
