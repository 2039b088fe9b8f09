import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StoreProvider } from "../app/context";
import { createAppStore } from "../app/store";
import type { StoredLibrary_Serialize } from "../bindings";
import { stored, token } from "../test/fixtures";
import { clearMocks, mockBackend } from "../test/ipc";
import { Compare } from "./Compare";
import { Overlay } from "./Overlay";
import { Playground } from "./Playground";
import { Responsive } from "./Responsive";
import { ScaleVisualizer } from "./ScaleVisualizer";
import { place } from "../app/overlay";

afterEach(() => {
  cleanup();
  clearMocks();
});

function mount(ui: React.ReactNode, lib: StoredLibrary_Serialize = stored(), selected: number | null = null) {
  const store = createAppStore();
  store.setState({ current: lib, selected, projects: [lib.project, { ...lib.project, id: 9, name: "Live site" }] });
  render(<StoreProvider store={store}>{ui}</StoreProvider>);
  return store;
}

/** A library whose tokens were measured at known boxes in two images, the second a 2× shot. */
function measured(n = 3): StoredLibrary_Serialize {
  const lib = stored([16, 24]);
  lib.images[1]!.dpr = 2;
  const occ = (image: number, v: number, i: number, type: "padding" | "gap") => ({
    image,
    value_px: v,
    confidence: 0.9,
    spacing_type: type,
    bbox: { x: 40 + i * 60, y: 30, w: v * (image === 1 ? 2 : 1), h: 200 },
  });
  lib.library.tokens = [
    token(16, 0, { spacing_type: "gap", occurrences: Array.from({ length: n }, (_, i) => occ(0, 16, i, "gap")).concat([occ(1, 16, 0, "gap")]) }),
    token(24, 1, { name: "card", spacing_type: "padding", occurrences: [occ(0, 24, 7, "padding")] }),
  ];
  return lib;
}

describe("ScaleVisualizer", () => {
  it("draws each step at its true width on the base-unit grid, off-grid values marked", () => {
    const store = mount(<ScaleVisualizer />, stored([4, 8, 10, 24]));
    expect(screen.getByText("Base unit 4 px")).toBeTruthy();
    // Fit: the largest token fills the track (120 px in a page without layout), the rest in
    // proportion; the ruler marks every 4 px step up to it.
    const widths = () => [...document.querySelectorAll<HTMLElement>(".step-bar")].map((b) => parseFloat(b.style.width));
    expect(widths()).toEqual([20, 40, 50, 120]);
    expect([...document.querySelectorAll(".scale-ruler .mark")].map((m) => m.textContent)).toEqual(["0", "4", "8", "12", "16", "20", "24"]);
    fireEvent.click(screen.getByRole("button", { name: "Actual size" }));
    const bars = [...document.querySelectorAll<HTMLElement>(".step-bar")].map((b) => b.style.width);
    expect(bars).toEqual(["4px", "8px", "10px", "24px"]);
    const off = document.querySelector('[data-step="2-5"]')!;
    expect(off.classList.contains("off-grid")).toBe(true);
    expect(off.textContent).toContain("off grid");
    expect(document.querySelectorAll(".off-grid")).toHaveLength(1);
    fireEvent.click(document.querySelector('[data-step="6"]')!);
    expect(store.getState().selected).toBe(24);
    fireEvent.click(screen.getByRole("button", { name: "4×" }));
    expect([...document.querySelectorAll<HTMLElement>(".step-bar")].map((b) => b.style.width)).toEqual(["16px", "32px", "40px", "96px"]);
    expect(document.querySelector("#scale-base-doubt")).toBeNull();
  });

  it("says a doubtful base unit is doubtful and names the runner-up", () => {
    // Regression: the scale view gave a 41 % base unit as a plain fact; only the token list doubted it.
    mount(<ScaleVisualizer />, { ...stored([8, 16, 24, 32]), base_unit_runner_up: { unit: 4, explained: 1 } });
    expect(document.querySelector("#scale-base-doubt")?.textContent).toBe(" — unsure: 4 px fits 100 % of uses too");
  });
});

/** The stage's current view, read back from its transform. */
function stageView() {
  const m = screen.getByTestId("stage").style.transform.match(/translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([\d.]+)\)/)!;
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

/** Points the mouse at the middle of an image-pixel box, wherever the view has put it. */
function pointAt(b: { x: number; y: number; w: number; h: number }) {
  const v = stageView();
  const p = place(b, v);
  return { clientX: p.left + p.width / 2, clientY: p.top + p.height / 2 };
}

describe("Overlay", () => {
  it("draws every instance, shows one's value, kind, confidence and token on hover, and selects on click", async () => {
    const calls = mockBackend({ image_source: ({ image }) => `data:image/png;base64,${image}`, image_thumbnail: () => "data:image/png;base64,x" });
    const store = mount(<Overlay />, measured());
    await waitFor(() => expect(screen.getByAltText("home <b>.png").getAttribute("src")).toBe("data:image/png;base64,11"));
    expect(calls).toHaveBeenCalledWith("image_source", { image: 11 });
    expect(screen.getByTestId("redlines").dataset.instances).toBe("4");
    const viewport = screen.getByTestId("viewport");
    fireEvent.pointerMove(viewport, pointAt({ x: 460, y: 30, w: 24, h: 200 }));
    expect(screen.getByRole("tooltip").textContent).toBe("24 px padding · 90 % · token card");
    fireEvent.pointerDown(viewport, pointAt({ x: 460, y: 30, w: 24, h: 200 }));
    fireEvent.pointerUp(viewport, pointAt({ x: 460, y: 30, w: 24, h: 200 }));
    expect(store.getState().selected).toBe(24);
    // Between instances: no tooltip.
    fireEvent.pointerMove(viewport, pointAt({ x: 1000, y: 700, w: 2, h: 2 }));
    expect(screen.queryByRole("tooltip")).toBeNull();
  });

  it("keeps instances on their boxes after zooming, and labels a 2× image in CSS px", async () => {
    mockBackend({ image_source: () => "data:image/png;base64,x", image_thumbnail: () => "data:image/png;base64,x" });
    mount(<Overlay />, measured());
    const before = stageView();
    fireEvent.click(screen.getByRole("button", { name: "Zoom in" }));
    const after = stageView();
    expect(after.zoom).toBeCloseTo(before.zoom * 1.25);
    const viewport = screen.getByTestId("viewport");
    fireEvent.pointerMove(viewport, pointAt({ x: 460, y: 30, w: 24, h: 200 }));
    expect(screen.getByRole("tooltip").dataset.token).toBe("card");
    // The 2× image through the filmstrip: its 32 image-px span is the 16 CSS px token.
    fireEvent.click(document.querySelector('.film[data-image="cart.png"]')!);
    await waitFor(() => expect(document.getElementById("overlay-image")?.textContent).toContain("cart.png"));
    expect(document.getElementById("overlay-image")?.textContent).toContain("2×");
    fireEvent.click(screen.getByRole("button", { name: "1:1" }));
    expect(screen.getByTestId("stage").style.transform).toBe("translate(16px, 16px) scale(0.5)");
    // At 1:1 a 2× image shows at CSS size: the box at image x 40 is 20 screen px from the pan.
    fireEvent.pointerMove(viewport, { clientX: 16 + 20 + 8, clientY: 16 + 15 + 50 });
    expect(screen.getByRole("tooltip").textContent).toBe("16 px gap · 90 % · token 4");
  });

  it("hides a kind when toggled off, and says when the source file is gone", async () => {
    mockBackend({
      image_source: () => {
        throw { kind: "notFound", message: "home.png cannot be shown as it was measured (moved, changed or unreadable since); add it again to see its measurements" };
      },
      image_thumbnail: () => "data:image/png;base64,x",
    });
    mount(<Overlay />, measured());
    expect((await screen.findByRole("alert")).textContent).toContain("cannot be shown as it was measured");
    expect(screen.getByTestId("redlines").dataset.instances).toBe("4");
    fireEvent.click(screen.getByLabelText("Show gap"));
    expect(screen.getByTestId("redlines").dataset.instances).toBe("1");
  });

  it("takes 500 instances on one image", () => {
    mockBackend({ image_source: () => "data:image/png;base64,x", image_thumbnail: () => "data:image/png;base64,x" });
    mount(<Overlay />, measured(500));
    expect(document.getElementById("overlay-image")?.textContent).toContain("501 of 501 shown");
  });
});

describe("Responsive", () => {
  it("draws the four breakpoints to size and saves an edit", async () => {
    const calls = mockBackend({ edit_token: () => stored(), list_projects: () => [] });
    const lib = stored([16]);
    mount(<Responsive token={lib.library.tokens[0]!} />, lib, 16);
    const widths = [...document.querySelectorAll<HTMLElement>(".bp-bar")].map((b) => b.style.width);
    expect(widths).toEqual(["12px", "14px", "16px", "20px"]);
    fireEvent.click(screen.getByRole("button", { name: "Edit responsive values" }));
    fireEvent.change(screen.getByLabelText("mobile px"), { target: { value: "8" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    expect(calls).toHaveBeenCalledWith("edit_token", {
      project: "Shop",
      edit: { kind: "responsive", valuePx: 16, mobile: 8, tablet: 14, desktop: 16, widescreen: 20 },
    });
  });
});

describe("Playground", () => {
  it("lays the card out with the chosen tokens", () => {
    mount(<Playground />, stored([8, 16, 24, 32]));
    const card = screen.getByTestId("play-card");
    expect(card.style.padding).toBe("24px");
    fireEvent.change(screen.getByLabelText("Card padding"), { target: { value: "32" } });
    expect(card.style.padding).toBe("32px");
    fireEvent.change(screen.getByLabelText("Gap between items"), { target: { value: "8" } });
    expect(card.style.gap).toBe("8px");
  });
});

describe("Compare", () => {
  it("holds the project against another one", async () => {
    const other = stored([4, 9]);
    // The 8 px token measured at 9 px in the other project: it kept its name, `2`.
    other.library.tokens[1]!.name = "2";
    mockBackend({ load_library: () => other });
    mount(<Compare />, stored([4, 8, 16]));
    await act(async () => fireEvent.change(screen.getByLabelText("Compare with project"), { target: { value: "Live site" } }));
    const drifted = await screen.findByRole("region", { name: "Drifted" });
    expect(drifted.textContent).toContain("+1 px");
    expect(screen.getByRole("region", { name: "Only in Shop" }).textContent).toContain("16 px");
    expect(screen.getByRole("region", { name: "Same" }).textContent).toContain("4 px");
  });

  it("holds the project against a DTCG file picked in the native dialog", async () => {
    const calls = mockBackend({
      import_dtcg_file: () => ({ fileName: "tokens.json", library: stored([4, 8, 16, 64]).library, skipped: [] }),
    });
    mount(<Compare />, stored([4, 8, 16]));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "…or a DTCG token file" })));
    expect(calls).toHaveBeenCalledWith("import_dtcg_file", { rootPx: 16 });
    expect((await screen.findByRole("region", { name: "Only in tokens.json" })).textContent).toContain("64 px");
    expect(screen.queryByText("Some tokens in the file were left out:")).toBeNull();
  });

  it("names the tokens a DTCG file's bad values left out", async () => {
    mockBackend({
      import_dtcg_file: () => ({
        fileName: "tokens.json",
        library: stored([4, 8]).library,
        skipped: ["spacing.neg: -5px is negative"],
      }),
    });
    mount(<Compare />, stored([4, 8, 16]));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "…or a DTCG token file" })));
    const notice = await screen.findByText("Some tokens in the file were left out:");
    expect(notice.parentElement?.textContent).toContain("spacing.neg: -5px is negative");
  });
});
