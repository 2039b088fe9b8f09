import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App, type DropSource } from "./App";
import { createAppStore } from "./app/store";
import { project, stored } from "./test/fixtures";
import { clearMocks, emitEvent, mockBackend } from "./test/ipc";

afterEach(() => {
  cleanup();
  clearMocks();
});

const SETTINGS = { engine: "local", hybridWith: "claude", model: "", baseUrl: "", concurrency: 2, threshold: 0.1, rootPx: 16, lastProject: "Shop" };

function drops() {
  let drop: (paths: string[]) => void = () => {};
  const source: DropSource = async (h) => {
    drop = h.drop;
    return () => {};
  };
  return { source, drop: (paths: string[]) => drop(paths) };
}

function startup(over: Record<string, unknown> = {}) {
  return { projects: [project("Shop"), project("Blog", { id: 2 })], settings: SETTINGS, lastProject: stored(), notice: null, dataDir: "/d", ...over };
}

describe("App", () => {
  it("reopens the last project from the database on launch", async () => {
    mockBackend({ startup: () => startup() });
    render(<App drops={drops().source} />);
    expect(await screen.findByRole("heading", { name: "Shop", level: 1 })).toBeTruthy();
    expect(screen.getAllByRole("row").filter((r) => r.hasAttribute("data-token"))).toHaveLength(5);
    expect(screen.getByRole("button", { name: /Shop/, current: true })).toBeTruthy();
  });

  it("says why projects cannot be shown instead of a blank window", async () => {
    mockBackend({ startup: () => startup({ projects: [], lastProject: null, notice: "Projects cannot be opened: the project database /d/copy-that.db is locked by another program; close it and try again" }) });
    render(<App drops={drops().source} />);
    expect((await screen.findByRole("alert")).textContent).toContain("locked by another program");
    expect(screen.getByText(/Create a project on the left/)).toBeTruthy();
  });

  it("measures dropped files with live per-image progress and shows the new tokens", async () => {
    const d = drops();
    let finish: () => void = () => {};
    const calls = mockBackend({
      startup: () => startup({ lastProject: stored([8]) }),
      start_extraction: () => new Promise((resolve) => (finish = () => resolve({ saved: 1, failed: 1, skipped: 0, cancelled: 0, elapsedMs: 40 }))),
      list_projects: () => [project("Shop")],
      saved_library: () => stored([8, 16, 24]),
    });
    const store = createAppStore();
    render(<App store={store} drops={d.source} />);
    await screen.findByRole("heading", { name: "Shop", level: 1 });
    await act(async () => d.drop(["/shots/a.png", "/shots/notes.txt"]));
    expect(calls).toHaveBeenCalledWith("start_extraction", expect.objectContaining({ project: "Shop", paths: ["/shots/a.png", "/shots/notes.txt"], engine: "local" }));
    const job = store.getState().batch!.job;
    const send = (event: unknown) => act(() => emitEvent("extract-progress-event", { job, event }));
    await send({ type: "queued", images: [{ index: 0, fileName: "a.png", path: "/shots/a.png" }, { index: 1, fileName: "notes.txt", path: "/shots/notes.txt" }], skipped: [] });
    await send({ type: "phase", index: 0, phase: "measuring" });
    await waitFor(() => expect(document.querySelector('[data-file="a.png"]')?.getAttribute("data-phase")).toBe("measuring"));
    expect(screen.getByRole("button", { name: "Cancel" })).toBeTruthy();
    await send({ type: "failed", index: 1, reason: "notes.txt is not a PNG, JPEG or WebP image" });
    await send({ type: "phase", index: 0, phase: "saved" });
    // The app says the library changed; the window reads it by command (a large event is
    // evaluated as script source in the webview).
    await send({ type: "libraryChanged", token_count: 3, image_count: 2 });
    await waitFor(() => expect(document.getElementById("token-count")?.textContent).toContain("3 tokens"));
    expect(calls).toHaveBeenCalledWith("saved_library", { project: "Shop" });
    // Regression: the sidebar kept the counts read before the batch until it ended.
    expect(document.querySelector('[data-project="Shop"]')?.textContent).toContain("2 images · 3 tokens");
    expect(screen.getByText("notes.txt is not a PNG, JPEG or WebP image")).toBeTruthy();
    await waitFor(() => expect(screen.getByText("100 %")).toBeTruthy());
    await send({ type: "finished", summary: { saved: 1, failed: 1, skipped: 0, cancelled: 0, elapsedMs: 40 } });
    await act(async () => finish());
    expect(screen.getByText("1 saved · 1 failed")).toBeTruthy();
  });

  it("says why an image yielded no confident spacing instead of an empty result", async () => {
    const d = drops();
    mockBackend({ startup: () => startup(), start_extraction: () => new Promise(() => {}) });
    const store = createAppStore();
    render(<App store={store} drops={d.source} />);
    await screen.findByRole("heading", { name: "Shop", level: 1 });
    await act(async () => d.drop(["/shots/photo.png"]));
    const job = store.getState().batch!.job;
    const send = (event: unknown) => act(() => emitEvent("extract-progress-event", { job, event }));
    await send({ type: "queued", images: [{ index: 0, fileName: "photo.png", path: "/shots/photo.png" }], skipped: [] });
    await send({ type: "note", index: 0, note: "no boxes, dividers or text lines were found, so there was nothing to measure" });
    await send({ type: "phase", index: 0, phase: "saved" });
    expect(await screen.findByText(/nothing to measure/)).toBeTruthy();
    expect(document.querySelector('[data-file="photo.png"]')?.getAttribute("data-phase")).toBe("saved");
  });

  it("cancels a running batch", async () => {
    const d = drops();
    const calls = mockBackend({
      startup: () => startup(),
      start_extraction: () => new Promise(() => {}),
      cancel_extraction: () => true,
    });
    render(<App drops={d.source} />);
    await screen.findByRole("heading", { name: "Shop", level: 1 });
    await act(async () => d.drop(["/shots"]));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Cancel" })));
    expect(calls).toHaveBeenCalledWith("cancel_extraction", { job: expect.stringMatching(/^batch-/) });
    expect(screen.getByRole("button", { name: "Cancelling…" })).toBeTruthy();
  });

  it("opens export with Ctrl+E and focuses search with /", async () => {
    mockBackend({ startup: () => startup(), export_formats: () => [], preview_export: () => "" });
    render(<App drops={drops().source} />);
    await screen.findByRole("heading", { name: "Shop", level: 1 });
    fireEvent.keyDown(window, { key: "/" });
    expect(document.activeElement?.id).toBe("token-search");
    fireEvent.keyDown(window, { key: "e", ctrlKey: true });
    expect(await screen.findByRole("dialog", { name: "Export Shop" })).toBeTruthy();
    fireEvent.keyDown(window, { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("creates, renames and deletes (after confirming) projects in the sidebar", async () => {
    let projects = [project("Shop")];
    const calls = mockBackend({
      startup: () => startup({ projects, lastProject: null }),
      create_project: ({ name }) => {
        const p = project(String(name), { id: 3 });
        projects = [p, ...projects];
        return p;
      },
      list_projects: () => projects,
      open_project: ({ name }) => stored([4], String(name)),
      rename_project: ({ name }) => (projects = projects.map((p) => (p.id === 3 ? { ...p, name: String(name) } : p))),
      delete_project: ({ id }) => (projects = projects.filter((p) => p.id !== id)),
    });
    render(<App drops={drops().source} />);
    fireEvent.change(await screen.findByLabelText("New project name"), { target: { value: "Mobile" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Create" })));
    expect(calls).toHaveBeenCalledWith("create_project", { name: "Mobile" });
    expect(await screen.findByRole("heading", { name: "Mobile", level: 1 })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Rename Mobile" }));
    fireEvent.change(screen.getByLabelText("New name for Mobile"), { target: { value: "Mobile app" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    expect(calls).toHaveBeenCalledWith("rename_project", { id: 3, name: "Mobile app" });
    fireEvent.click(await screen.findByRole("button", { name: "Delete Mobile app" }));
    expect(calls).not.toHaveBeenCalledWith("delete_project", expect.anything());
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Delete" })));
    expect(calls).toHaveBeenCalledWith("delete_project", { id: 3 });
    await waitFor(() => expect(screen.queryByText("Mobile app")).toBeNull());
  });
});
