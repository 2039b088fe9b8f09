import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AggregateProgress, SpacingLibrary_Serialize } from "../bindings";
import { createScaleStore, type ScaleClient } from "../store";
import { step } from "../test/fixtures";
import { QuickScale } from "./QuickScale";

afterEach(cleanup);

function library(base: number, values: number[]): SpacingLibrary_Serialize {
  return {
    tokens: values.map((v) => ({ value_px: v, value_rem: v / 16, name: step(v), occurrence_count: 2, semantic_names: { semantic: "tight-gap" } })),
    statistics: { base_unit: base, base_unit_confidence: 0.9, rhythm: "consistent" },
  } as unknown as SpacingLibrary_Serialize;
}

function client(result: Awaited<ReturnType<ScaleClient["aggregate"]>>) {
  let emit: (job: string, p: AggregateProgress) => void = () => {};
  const c: ScaleClient = {
    aggregate: vi.fn(async (job: string) => {
      emit(job, { phase: "clustering", done: 0, total: 1 });
      return result;
    }),
    onProgress: vi.fn(async (h) => {
      emit = h;
      return () => {};
    }),
  };
  return c;
}

describe("QuickScale", () => {
  it("sends each line as one image and shows the inferred scale", async () => {
    const c = client({ status: "ok", data: library(4, [4, 8, 16]) });
    render(<QuickScale store={createScaleStore(c)} />);
    fireEvent.change(screen.getByLabelText("Spacing values"), { target: { value: "4 8\n16" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Analyse" })));
    expect(c.aggregate).toHaveBeenCalledWith(
      expect.stringMatching(/^job-/),
      [[{ value_px: 4, confidence: 1 }, { value_px: 8, confidence: 1 }], [{ value_px: 16, confidence: 1 }]],
      expect.objectContaining({ threshold: 0.1 }),
    );
    expect(await screen.findByText("4 px")).toBeTruthy();
    expect(screen.getAllByRole("row")).toHaveLength(4);
  });

  it("shows the engine's error instead of a table", async () => {
    const c = client({ status: "error", error: { kind: "invalidInput", message: "spacing value 20000 px is larger than the 10000 px limit" } });
    render(<QuickScale store={createScaleStore(c)} />);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Analyse" })));
    expect(screen.getByRole("alert").textContent).toContain("10000 px limit");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("explains unreadable input without calling the engine", async () => {
    const c = client({ status: "ok", data: library(4, [4]) });
    render(<QuickScale store={createScaleStore(c)} />);
    fireEvent.change(screen.getByLabelText("Spacing values"), { target: { value: "4 <b>x</b>" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Analyse" })));
    expect(screen.getByRole("alert").textContent).toContain('"<b>x</b>" is not a px value');
    expect(c.aggregate).not.toHaveBeenCalled();
  });
});
