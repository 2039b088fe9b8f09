import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StoreProvider } from "../app/context";
import { createAppStore } from "../app/store";
import { stored } from "../test/fixtures";
import { clearMocks, mockBackend } from "../test/ipc";
import { TokenDetail } from "./TokenDetail";

afterEach(() => {
  cleanup();
  clearMocks();
});

function setup(handlers: Parameters<typeof mockBackend>[0] = {}) {
  const calls = mockBackend({
    image_thumbnail: ({ image }) => `data:image/png;base64,${image}`,
    list_projects: () => [],
    ...handlers,
  });
  const store = createAppStore();
  store.setState({ current: stored(), selected: 24 });
  render(
    <StoreProvider store={store}>
      <TokenDetail />
    </StoreProvider>,
  );
  return { store, calls };
}

describe("TokenDetail", () => {
  it("shows names, responsive values, base unit and where the token was measured", async () => {
    setup();
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("6 24 px · 1.5 rem");
    // The t-shirt size is one naming scheme among the others.
    expect(screen.getByText("T-shirt").nextElementSibling?.textContent).toBe("md");
    expect(screen.getByText("md-padding")).toBeTruthy();
    expect(screen.getByText("spacing-6")).toBeTruthy();
    expect(screen.getByText("4 px × 6 (on grid)")).toBeTruthy();
    expect(screen.getByText("18")).toBeTruthy(); // mobile 24 × 0.75
    expect(screen.getByText("Measured in 2 images (7 times)")).toBeTruthy();
    // The hostile file name is text, never markup.
    const img = await screen.findByAltText("home <b>.png");
    expect(img.getAttribute("src")).toBe("data:image/png;base64,11");
    expect(document.querySelector("b")).toBeNull();
    expect(screen.getByText("×3")).toBeTruthy();
  });

  it("validates a new name before sending it, and sends a rename edit", async () => {
    const { calls, store } = setup({
      edit_token: ({ edit }) => {
        const s = stored();
        s.library.tokens[3]!.name = (edit as { name: string }).name;
        return s;
      },
    });
    const input = screen.getByLabelText("Name");
    fireEvent.change(input, { target: { value: "Card Padding" } });
    expect((screen.getByRole("button", { name: "Rename" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: "card-padding" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Rename" })));
    expect(calls).toHaveBeenCalledWith("edit_token", { project: "Shop", edit: { kind: "rename", valuePx: 24, name: "card-padding" } });
    expect(store.getState().current?.library.tokens[3]?.name).toBe("card-padding");
  });

  it("shows the engine's refusal where the edit was made", async () => {
    setup({
      edit_token: () => {
        throw { kind: "invalidInput", message: 'another token is already named "lg"' };
      },
    });
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "lg" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Rename" })));
    expect((await screen.findByRole("alert")).textContent).toContain("already named");
  });

  it("deletes only after confirming, and merges into the chosen token", async () => {
    const { calls } = setup({ edit_token: () => stored([4, 8, 16, 32]) });
    fireEvent.click(screen.getByRole("button", { name: "Delete…" }));
    expect(calls).not.toHaveBeenCalledWith("edit_token", expect.anything());
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Delete 6" })));
    expect(calls).toHaveBeenCalledWith("edit_token", { project: "Shop", edit: { kind: "delete", valuePx: 24 } });
    await waitFor(() => expect(screen.getByText(/Select a token/)).toBeTruthy());
  });

  it("sends a merge with the target's value", async () => {
    const { calls } = setup({ edit_token: () => stored() });
    fireEvent.change(screen.getByLabelText("Merge into"), { target: { value: "16" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Merge" })));
    expect(calls).toHaveBeenCalledWith("edit_token", { project: "Shop", edit: { kind: "merge", valuePx: 24, intoPx: 16 } });
  });
});
