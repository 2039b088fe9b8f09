import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StoreProvider } from "../app/context";
import { createAppStore } from "../app/store";
import { stored, token } from "../test/fixtures";
import { clearMocks } from "../test/ipc";
import { TokenTable } from "./TokenTable";

afterEach(() => {
  cleanup();
  clearMocks();
});

function setup(values?: number[]) {
  const store = createAppStore();
  store.setState({ current: stored(values) });
  render(
    <StoreProvider store={store}>
      <TokenTable />
    </StoreProvider>,
  );
  return store;
}

const rows = () => screen.getAllByRole("row").filter((r) => r.hasAttribute("data-token"));
const names = () => rows().map((r) => r.getAttribute("data-token"));

describe("TokenTable", () => {
  it("lists every token with px, rem, scale, type, name, uses and confidence", () => {
    setup();
    expect(names()).toEqual(["1", "2", "4", "6", "8"]);
    const md = rows()[3]!;
    const cells = within(md).getAllByRole("gridcell").map((c) => c.textContent);
    // The scale column is the t-shirt size; the name is the stable step (24 px / 4 px).
    expect(cells).toEqual(["24 px 1.5 rem", "md", "gap", "6", "7", "80 %"]);
    expect(screen.getByText(/5 tokens · base unit 4 px \(92 %\)/)).toBeTruthy();
  });

  it("says when the base unit is doubtful, and which grid fits as well", () => {
    const store = setup();
    act(() => {
      const cur = store.getState().current!;
      store.setState({
        current: {
          ...cur,
          library: { ...cur.library, statistics: { ...cur.library.statistics, base_unit: 6, base_unit_confidence: 0.31 } },
          base_unit_runner_up: { unit: 4, explained: 0.86 },
        },
      });
    });
    expect(screen.getByText(/base unit 6 px \(31 %\)/)).toBeTruthy();
    expect(document.querySelector("#base-unit-doubt")?.textContent).toBe(" — unsure: 4 px fits 86 % of uses too");
  });

  it("sorts by a column, and reverses on a second click", () => {
    setup();
    fireEvent.click(screen.getByRole("button", { name: "Confidence" }));
    expect(names()).toEqual(["1", "2", "4", "6", "8"]);
    fireEvent.click(screen.getByRole("button", { name: /Confidence/ }));
    expect(names()).toEqual(["8", "6", "4", "2", "1"]);
    expect(screen.getByRole("columnheader", { name: /Confidence/ }).getAttribute("aria-sort")).toBe("descending");
  });

  it("filters by type, grid and confidence, and searches names and contexts", () => {
    const store = setup([4, 8, 10, 24, 32]);
    fireEvent.change(screen.getByLabelText("Filter by type"), { target: { value: "gap" } });
    expect(names()).toEqual(["2", "6"]);
    expect(screen.getByText("2 of 5 tokens", { exact: false })).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Filter by type"), { target: { value: "" } });
    fireEvent.change(screen.getByLabelText("Filter by grid"), { target: { value: "off" } });
    expect(names()).toEqual(["2-5"]);
    fireEvent.change(screen.getByLabelText("Filter by grid"), { target: { value: "all" } });
    fireEvent.change(screen.getByLabelText("Minimum confidence"), { target: { value: "0.8" } });
    expect(names()).toEqual(["6", "8"]);
    act(() => store.getState().setFilters({ minConfidence: 0 }));
    fireEvent.change(screen.getByLabelText("Search tokens by name or context"), { target: { value: "list gap" } });
    expect(names()).toEqual(["2", "6"]);
    fireEvent.change(screen.getByLabelText("Search tokens by name or context"), { target: { value: "nothing like it" } });
    expect(screen.getByText("No token matches these filters.")).toBeTruthy();
  });

  it("moves the selection with the arrow keys", () => {
    const store = setup();
    const list = screen.getByLabelText("Tokens, use arrow keys to move");
    fireEvent.keyDown(list, { key: "ArrowDown" });
    expect(store.getState().selected).toBe(4);
    fireEvent.keyDown(list, { key: "ArrowDown" });
    fireEvent.keyDown(list, { key: "ArrowDown" });
    fireEvent.keyDown(list, { key: "ArrowUp" });
    expect(store.getState().selected).toBe(8);
    expect(rows()[1]!.getAttribute("aria-selected")).toBe("true");
  });

  it("renders only the visible rows of a 10,000-token library", () => {
    const store = createAppStore();
    const lib = stored([4]);
    lib.library.tokens = Array.from({ length: 10_000 }, (_, i) => token(i + 1, i % 8, { name: `t-${i}` }));
    store.setState({ current: lib });
    render(
      <StoreProvider store={store}>
        <TokenTable />
      </StoreProvider>,
    );
    const shown = rows().length;
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(60);
    const scroller = screen.getByLabelText("Tokens, use arrow keys to move");
    fireEvent.scroll(scroller, { target: { scrollTop: 34 * 5000 } });
    expect(names()).toContain("t-5000");
  });
});
