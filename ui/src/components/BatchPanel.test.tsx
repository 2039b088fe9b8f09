import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StoreProvider } from "../app/context";
import { createAppStore } from "../app/store";
import { batch, project, stored } from "../test/fixtures";
import { clearMocks, mockBackend } from "../test/ipc";
import { BatchPanel } from "./BatchPanel";

afterEach(() => {
  cleanup();
  clearMocks();
});

const SUMMARY = { saved: 1, failed: 0, skipped: 0, cancelled: 0, elapsedMs: 5 };

function setup(handlers: Parameters<typeof mockBackend>[0] = {}) {
  const calls = mockBackend({ list_projects: () => [project("Shop")], ...handlers });
  const store = createAppStore();
  store.setState({ current: stored() });
  render(
    <StoreProvider store={store}>
      <BatchPanel />
    </StoreProvider>,
  );
  return { calls, store };
}

describe("BatchPanel", () => {
  it("queues a drop made while a batch runs and starts it when the batch ends", async () => {
    let finish: (v: unknown) => void = () => {};
    const started: string[][] = [];
    const { store } = setup({
      start_extraction: ({ paths }) => {
        started.push(paths as string[]);
        return started.length === 1 ? new Promise((r) => (finish = r)) : SUMMARY;
      },
    });
    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = store.getState().addPaths(["/a.png"]);
    });
    await waitFor(() => expect(started).toEqual([["/a.png"]]));
    await act(() => store.getState().addPaths(["/b.png", "/c.png"]));
    expect(screen.getByText("2 more waiting")).toBeTruthy();
    expect(started.length).toBe(1);
    await act(async () => {
      finish(SUMMARY);
      await first;
    });
    await waitFor(() => expect(started).toEqual([["/a.png"], ["/b.png", "/c.png"]]));
    await waitFor(() => expect(store.getState().queue).toEqual([]));
  });

  it("holds a screenshot pasted while a batch runs and measures it when the batch ends", async () => {
    // Regression: a paste during a batch was refused ("paste again when it is done").
    let finish: (v: unknown) => void = () => {};
    const started: string[][] = [];
    const { calls, store } = setup({
      start_extraction: ({ paths }) => {
        started.push(paths as string[]);
        return started.length === 1 ? new Promise((r) => (finish = r)) : SUMMARY;
      },
      hold_pasted_image: () => "/data/pasted/pasted-1.png",
    });
    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = store.getState().addPaths(["/a.png"]);
    });
    await waitFor(() => expect(started).toEqual([["/a.png"]]));
    await act(() => store.getState().pasteImage());
    expect(calls).toHaveBeenCalledWith("hold_pasted_image", {});
    expect(calls.mock.calls.some(([c]) => c === "paste_image")).toBe(false);
    expect(screen.getByText("1 more waiting")).toBeTruthy();
    expect(store.getState().sidebarError).toBeNull();
    await act(async () => {
      finish(SUMMARY);
      await first;
    });
    await waitFor(() => expect(started).toEqual([["/a.png"], ["/data/pasted/pasted-1.png"]]));
  });

  it("says why a paste during a batch cannot wait when the clipboard holds no image", async () => {
    const { store } = setup({
      start_extraction: () => new Promise(() => {}),
      hold_pasted_image: () => {
        throw { kind: "invalidInput", message: "the clipboard holds no image: copy a screenshot, then paste" };
      },
    });
    act(() => {
      void store.getState().addPaths(["/a.png"]);
    });
    await waitFor(() => expect(store.getState().batch).not.toBeNull());
    await act(() => store.getState().pasteImage());
    expect(store.getState().queue).toEqual([]);
    expect(store.getState().sidebarError).toMatch(/clipboard holds no image/);
  });

  it("folds a finished batch to one line, with its details on demand", async () => {
    const { store } = setup();
    act(() =>
      store.setState({
        batch: batch({ images: [{ index: 0, fileName: "a.png", phase: "saved", error: null, note: null }], summary: SUMMARY }),
      }),
    );
    const list = document.querySelector(".batch-images") as HTMLElement;
    expect(list.hidden).toBe(true);
    fireEvent.click(screen.getByText("Details"));
    expect(list.hidden).toBe(false);
    fireEvent.click(screen.getByLabelText("Close the batch summary"));
    expect(document.querySelector(".batch")).toBeNull();
  });

  it("says an image waits on Claude, not that it is naming", () => {
    const { store } = setup();
    act(() =>
      store.setState({
        batch: batch({
          asking: "Claude",
          images: [
            { index: 0, fileName: "a.png", phase: "naming", error: null, note: null },
            { index: 1, fileName: "b.png", phase: "measuring", error: null, note: null },
          ],
        }),
      }),
    );
    const phases = [...document.querySelectorAll(".batch-images .phase")].map((p) => p.textContent);
    expect(phases).toEqual(["asking Claude…", "measuring"]);
  });

  it("does not show another project's batch", () => {
    const { store } = setup();
    act(() => store.setState({ batch: batch({ project: "Other", summary: SUMMARY }) }));
    expect(document.querySelector(".batch")).toBeNull();
  });

  it("lists the project's failed images with their reason and retries them", async () => {
    const { calls, store } = setup({ retry_failed: () => SUMMARY });
    act(() =>
      store.setState({
        current: { ...stored(), failures: [{ id: 1, file_name: "broken <b>.png", path: "/s/broken.png", reason: "it is truncated", failed_at: 0 }] },
      }),
    );
    expect(screen.getByText("1 image could not be measured:")).toBeTruthy();
    // A file name is text, never markup.
    expect(screen.getByText("broken <b>.png")).toBeTruthy();
    expect(screen.getByText("it is truncated")).toBeTruthy();
    fireEvent.click(screen.getByText("Retry"));
    await waitFor(() => expect(calls).toHaveBeenCalledWith("retry_failed", expect.objectContaining({ project: "Shop" })));
  });
});
