import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { ReactElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { StoreProvider } from "../app/context";
import { createAppStore } from "../app/store";
import type { SpacingLibrary_Serialize } from "../bindings";
import { step } from "../test/fixtures";
import { clearMocks, emitEvent, mockBackend } from "../test/ipc";
import { QuickScale } from "./QuickScale";

afterEach(() => {
  cleanup();
  clearMocks();
});

function library(base: number, values: number[]): SpacingLibrary_Serialize {
  return {
    tokens: values.map((v) => ({ value_px: v, value_rem: v / 16, name: step(v), occurrence_count: 2, semantic_names: { semantic: "tight-gap" } })),
    statistics: { base_unit: base, base_unit_confidence: 0.9, rhythm: "consistent" },
  } as unknown as SpacingLibrary_Serialize;
}

/** The real bindings over the IPC mock: the engine answers `aggregate_measurements` after a progress event. */
function engine(answer: () => unknown) {
  return mockBackend({
    aggregate_measurements: async ({ job }) => {
      await emitEvent("aggregate-progress-event", { job, progress: { phase: "clustering", done: 0, total: 1 } });
      return answer();
    },
  });
}

const show = (ui: ReactElement) => render(<StoreProvider store={createAppStore()}>{ui}</StoreProvider>);

describe("QuickScale", () => {
  it("sends each line as one image and shows the inferred scale", async () => {
    const calls = engine(() => library(4, [4, 8, 16]));
    show(<QuickScale />);
    fireEvent.change(screen.getByLabelText("Spacing values"), { target: { value: "4 8\n16" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Analyse" })));
    expect(calls).toHaveBeenCalledWith(
      "aggregate_measurements",
      expect.objectContaining({
        job: expect.stringMatching(/^job-/),
        images: [[{ value_px: 4, confidence: 1 }, { value_px: 8, confidence: 1 }], [{ value_px: 16, confidence: 1 }]],
        options: expect.objectContaining({ threshold: 0.1 }),
      }),
    );
    expect(await screen.findByText("4 px")).toBeTruthy();
    expect(screen.getAllByRole("row")).toHaveLength(4);
  });

  it("shows the engine's error instead of a table", async () => {
    engine(() => {
      throw { kind: "invalidInput", message: "spacing value 20000 px is larger than the 10000 px limit" };
    });
    show(<QuickScale />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Analyse" })));
    expect((await screen.findByRole("alert")).textContent).toContain("10000 px limit");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("explains unreadable input without calling the engine", async () => {
    const calls = engine(() => library(4, [4]));
    show(<QuickScale />);
    fireEvent.change(screen.getByLabelText("Spacing values"), { target: { value: "4 <b>x</b>" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Analyse" })));
    expect(screen.getByRole("alert").textContent).toContain('"<b>x</b>" is not a px value');
    expect(calls).not.toHaveBeenCalledWith("aggregate_measurements", expect.anything());
  });
});
