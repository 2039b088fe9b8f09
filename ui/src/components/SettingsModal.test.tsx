import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { StoreProvider } from "../app/context";
import { createAppStore } from "../app/store";
import type { KeyStatus, Settings_Serialize } from "../bindings";
import { clearMocks, mockBackend } from "../test/ipc";
import { SettingsModal } from "./SettingsModal";

afterEach(() => {
  cleanup();
  clearMocks();
});

const SETTINGS: Settings_Serialize = {
  engine: "local",
  hybridWith: "claude",
  model: "",
  baseUrl: "",
  concurrency: 2,
  threshold: 0.1,
  rootPx: 16,
  lastProject: "Shop",
};

function setup(keys: KeyStatus[], extra: Parameters<typeof mockBackend>[0] = {}) {
  let current = keys;
  const calls = mockBackend({
    key_status: () => current,
    store_api_key: ({ provider }) => {
      current = current.map((k) => (k.provider === provider ? { ...k, key: { state: "stored" } } : k));
      return null;
    },
    delete_api_key: ({ provider }) => {
      current = current.map((k) => (k.provider === provider ? { ...k, key: { state: "notSet" } } : k));
      return null;
    },
    save_settings: ({ settings }) => settings,
    ...extra,
  });
  const store = createAppStore();
  store.setState({ settings: SETTINGS, dialog: "settings" });
  render(
    <StoreProvider store={store}>
      <SettingsModal />
    </StoreProvider>,
  );
  return { calls, store };
}

const state = (p: string) => document.querySelector(`[data-provider="${p}"] .key-state`)?.textContent;

describe("SettingsModal", () => {
  it("shows keys only as stored / not set, and sends a new key to the keyring", async () => {
    const { calls } = setup([
      { provider: "claude", key: { state: "stored" } },
      { provider: "openai", key: { state: "notSet" } },
      { provider: "openai-compatible", key: { state: "notSet" } },
    ]);
    await waitFor(() => expect(state("claude")).toBe("stored"));
    expect(state("openai")).toBe("not set");
    const input = screen.getByLabelText("OpenAI API key") as HTMLInputElement;
    expect(input.type).toBe("password");
    fireEvent.change(input, { target: { value: "sk-secret-123" } });
    await act(async () => fireEvent.submit(input.form!));
    expect(calls).toHaveBeenCalledWith("store_api_key", { provider: "openai", key: "sk-secret-123" });
    await waitFor(() => expect(state("openai")).toBe("stored"));
    expect(input.value).toBe("");
    expect(document.body.textContent).not.toContain("sk-secret-123");
  });

  it("removes a stored key", async () => {
    const { calls } = setup([{ provider: "claude", key: { state: "stored" } }]);
    const remove = await screen.findByRole("button", { name: "Remove" });
    await act(async () => fireEvent.click(remove));
    expect(calls).toHaveBeenCalledWith("delete_api_key", { provider: "claude" });
    await waitFor(() => expect(state("claude")).toBe("not set"));
  });

  it("says when the keyring is missing", async () => {
    setup([{ provider: "claude", key: { state: "unavailable", message: "no Secret Service on the session bus" } }]);
    await waitFor(() => expect(state("claude")).toBe("keyring unavailable"));
    expect(screen.getByText("no Secret Service on the session bus")).toBeTruthy();
  });

  it("saves engine, base URL, concurrency, threshold and root size", async () => {
    const { calls, store } = setup([]);
    fireEvent.change(screen.getByLabelText("Default engine"), { target: { value: "openai-compatible" } });
    fireEvent.change(screen.getByLabelText("Base URL"), { target: { value: "http://localhost:8080/v1" } });
    fireEvent.change(screen.getByLabelText("Images at once"), { target: { value: "4" } });
    fireEvent.change(screen.getByLabelText("Merge threshold"), { target: { value: "15" } });
    fireEvent.change(screen.getByLabelText("Root font size"), { target: { value: "10" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save settings" })));
    expect(calls).toHaveBeenCalledWith("save_settings", {
      settings: { ...SETTINGS, engine: "openai-compatible", baseUrl: "http://localhost:8080/v1", concurrency: 4, threshold: 0.15, rootPx: 10 },
    });
    expect(store.getState().engine).toBe("openai-compatible");
  });

  it("limits each number to the range the engine's types accept, from the bindings", () => {
    setup([]);
    const limits = (label: string) => {
      const input = screen.getByLabelText(label) as HTMLInputElement;
      return [input.min, input.max];
    };
    // 100 % is not offered: the engine refuses it (it once failed every new project's rebuild).
    expect(limits("Merge threshold")).toEqual(["0", "99"]);
    expect(limits("Images at once")).toEqual(["1", "64"]);
    expect(limits("Root font size")).toEqual(["1", "256"]);
  });

  it("shows a refused setting", async () => {
    setup([], {
      save_settings: () => {
        throw { kind: "invalidInput", message: "the base URL must start with http:// or https://" };
      },
    });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save settings" })));
    expect((await screen.findByRole("alert")).textContent).toContain("base URL");
  });
});
