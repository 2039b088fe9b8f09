import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StoreProvider } from "../app/context";
import { createAppStore } from "../app/store";
import { project, stored } from "../test/fixtures";
import { clearMocks, mockBackend } from "../test/ipc";
import { ThresholdControl } from "./ThresholdControl";

afterEach(() => {
  cleanup();
  clearMocks();
});

function setup() {
  const calls = mockBackend({
    preview_threshold: ({ threshold }) => ({
      threshold,
      token_count: 4,
      values_px: [4, 8, 16, 32],
      merged: [{ from_px: 24, into_px: 16 }],
      new_px: [],
    }),
    set_project_threshold: ({ threshold }) => ({
      ...stored([4, 8, 16, 32]),
      project: { ...project("Shop"), threshold },
    }),
    list_projects: () => [project("Shop")],
  });
  const store = createAppStore();
  store.setState({ current: stored([4, 8, 16, 24, 32]) });
  render(
    <StoreProvider store={store}>
      <ThresholdControl />
    </StoreProvider>,
  );
  return { calls, store };
}

describe("ThresholdControl", () => {
  it("previews what a new threshold merges, then applies it to the project", async () => {
    const { calls, store } = setup();
    const input = screen.getByLabelText("Merge threshold (%)") as HTMLInputElement;
    expect(input.value).toBe("10");
    expect(document.querySelector("#threshold-apply")).toBeNull();
    fireEvent.change(input, { target: { value: "40" } });
    await waitFor(() => expect(document.querySelector("#threshold-preview")?.textContent).toBe("5 → 4 tokens · merges 24→16"));
    expect(calls).toHaveBeenCalledWith("preview_threshold", { project: "Shop", threshold: 0.4 });
    fireEvent.click(screen.getByText("Apply"));
    await waitFor(() => expect(store.getState().current?.library.tokens.length).toBe(4));
    expect(calls).toHaveBeenCalledWith("set_project_threshold", { project: "Shop", threshold: 0.4 });
    await waitFor(() => expect(document.querySelector("#threshold-apply")).toBeNull());
  });

  it("refuses a threshold out of the engine's bounds without asking for a preview", async () => {
    const { calls } = setup();
    fireEvent.change(screen.getByLabelText("Merge threshold (%)"), { target: { value: "150" } });
    expect(screen.getByText("Between 0 and 99 %")).toBeTruthy();
    expect(document.querySelector("#threshold-apply")).toBeNull();
    expect(calls).not.toHaveBeenCalledWith("preview_threshold", expect.anything());
  });
});
