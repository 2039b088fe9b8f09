import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StoreProvider } from "../app/context";
import { createAppStore } from "../app/store";
import { project, stored } from "../test/fixtures";
import { clearMocks, mockBackend } from "../test/ipc";
import { Audit } from "./Audit";

afterEach(() => {
  cleanup();
  clearMocks();
});

const REPORT = {
  base_unit: 4,
  tokens: [{ value_px: 14, name: "off", reason: "offGrid", uses: 12, snap_to_px: 16, places: [{ image: 1, bbox: { x: 1, y: 2, w: 14, h: 9 } }] }],
  left_out: [{ value_px: 10, reason: "offGrid", count: 32, snap_to_px: 8, places: [{ image: 0, bbox: null }] }],
};

/** The audit view of a project whose library is 4, 8, 14 and 16 px, over a backend answering REPORT. */
function setup() {
  const calls = mockBackend({
    audit_project: () => REPORT,
    edit_token: () => stored([4, 8, 16]),
    list_projects: () => [project("Shop")],
  });
  const store = createAppStore();
  store.setState({ current: stored([4, 8, 14, 16]) });
  render(
    <StoreProvider store={store}>
      <Audit />
    </StoreProvider>,
  );
  return { calls, store };
}

describe("Audit", () => {
  it("lists off-grid values with where they were measured, snaps one and opens another in the overlay", async () => {
    const { calls, store } = setup();
    await waitFor(() => expect(screen.getByText("off the 4 px grid · 12 uses")).toBeTruthy());
    expect(screen.getByText("off its image's grid · measured 32×")).toBeTruthy();
    fireEvent.click(screen.getByText("Snap to 16 px"));
    await waitFor(() =>
      expect(calls).toHaveBeenCalledWith("edit_token", { project: "Shop", edit: { kind: "merge", valuePx: 14, intoPx: 16 } }),
    );
    // The library changed: the audit is asked again.
    await waitFor(() => expect(calls.mock.calls.filter(([c]) => c === "audit_project").length).toBeGreaterThanOrEqual(2));
    fireEvent.click(screen.getByText("cart.png"));
    expect(store.getState().view).toBe("overlay");
    expect(store.getState().overlayImage).toBe(1);
    expect(store.getState().selected).toBe(14);
  });

  it("snaps a value the selection left out into its step, or keeps it as a token of its own", async () => {
    const { calls } = setup();
    const row = await waitFor(() => {
      const li = document.querySelector('#audit-left-out li[data-value="10"]');
      expect(li).toBeTruthy();
      return li as HTMLElement;
    });
    fireEvent.click(row.querySelector("button.snap") as HTMLElement);
    await waitFor(() =>
      expect(calls).toHaveBeenCalledWith("edit_token", { project: "Shop", edit: { kind: "include", valuePx: 10, intoPx: 8 } }),
    );
    expect(row.querySelector("button.snap")?.textContent).toBe("Snap to 8 px");
    fireEvent.click(row.querySelector("button.keep") as HTMLElement);
    await waitFor(() =>
      expect(calls).toHaveBeenCalledWith("edit_token", { project: "Shop", edit: { kind: "include", valuePx: 10, intoPx: null } }),
    );
  });
});
