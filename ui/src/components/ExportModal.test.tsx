import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StoreProvider } from "../app/context";
import { createAppStore } from "../app/store";
import { stored } from "../test/fixtures";
import { clearMocks, mockBackend } from "../test/ipc";
import { ExportModal } from "./ExportModal";

afterEach(() => {
  cleanup();
  clearMocks();
});

const FORMATS = [
  { name: "dtcg", file: "tokens.json", description: "W3C Design Tokens (DTCG 2025.10)" },
  { name: "css", file: "tokens.css", description: "CSS custom properties" },
];

function setup(extra: Parameters<typeof mockBackend>[0] = {}) {
  const calls = mockBackend({
    export_formats: () => FORMATS,
    preview_export: ({ format, options }) => {
      const o = options as { unit: string; prefix: string; naming: string };
      const name = o.naming === "t-shirt" ? "md" : "4";
      return format === "css" ? `:root { --${o.prefix}-${name}: ${o.unit === "rem" ? "1rem" : "16px"}; }` : `{"spacing":{}}`;
    },
    ...extra,
  });
  const store = createAppStore();
  store.setState({ current: stored(), dialog: "export" });
  render(
    <StoreProvider store={store}>
      <ExportModal />
    </StoreProvider>,
  );
  return { calls, store };
}

describe("ExportModal", () => {
  it("previews the exact bytes for the chosen format and options", async () => {
    setup();
    const preview = screen.getByLabelText("Preview");
    await waitFor(() => expect(preview.textContent).toBe(":root { --spacing-4: 16px; }"));
    fireEvent.change(screen.getByLabelText("Unit"), { target: { value: "rem" } });
    await waitFor(() => expect(preview.textContent).toBe(":root { --spacing-4: 1rem; }"));
    fireEvent.change(screen.getByLabelText("Prefix"), { target: { value: "space" } });
    await waitFor(() => expect(preview.textContent).toBe(":root { --space-4: 1rem; }"));
    fireEvent.change(screen.getByLabelText("Naming"), { target: { value: "t-shirt" } });
    await waitFor(() => expect(preview.textContent).toBe(":root { --space-md: 1rem; }"));
    fireEvent.change(screen.getByLabelText("Format"), { target: { value: "dtcg" } });
    await waitFor(() => expect(preview.textContent).toBe('{"spacing":{}}'));
  });

  it("saves through Rust and says where the file went", async () => {
    const { calls } = setup({ save_export: () => "/home/d/tokens.css" });
    await waitFor(() => expect(screen.getByLabelText("Preview").textContent).not.toBe(""));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save…" })));
    expect(calls).toHaveBeenCalledWith("save_export", {
      project: "Shop",
      format: "css",
      options: expect.objectContaining({ unit: "px", naming: "simple", prefix: "spacing", aliases: true }),
    });
    expect((await screen.findByRole("status")).textContent).toBe("Saved /home/d/tokens.css");
  });

  it("exports the ticked formats to a folder in one go", async () => {
    const { calls } = setup({ export_to_folder: () => ["/out/tokens.css", "/out/tokens.json"] });
    await waitFor(() => expect(screen.getAllByRole("checkbox").length).toBeGreaterThan(3));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Export to folder…" })));
    expect(calls).toHaveBeenCalledWith("export_to_folder", expect.objectContaining({ formats: ["css", "dtcg"] }));
    expect((await screen.findByRole("status")).textContent).toContain("Wrote 2 files");
  });

  it("shows a failed save as an error and keeps the modal open", async () => {
    setup({
      save_export: () => {
        throw { kind: "io", message: "could not write /ro/tokens.css: Read-only file system" };
      },
    });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save…" })));
    expect((await screen.findByRole("alert")).textContent).toContain("Read-only file system");
    expect(screen.getByRole("dialog")).toBeTruthy();
  });
});
