import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { vi } from "vitest";

type Handler = (args: Record<string, unknown>) => unknown;

/**
 * Mocks the Tauri IPC under the real generated bindings: each command name answers through its
 * handler (a thrown `{kind, message}` becomes the command's typed error). Events are mocked too,
 * so `emitEvent` reaches listeners registered through the bindings.
 */
export function mockBackend(handlers: Record<string, Handler>) {
  const calls = vi.fn<(cmd: string, args: Record<string, unknown>) => void>();
  mockIPC(
    async (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls(cmd, args);
      const h = handlers[cmd];
      if (!h) throw new Error(`unexpected command ${cmd}`);
      return await h(args);
    },
    { shouldMockEvents: true },
  );
  return calls;
}

export const emitEvent = (name: string, payload: unknown) => emit(name, payload);
export { clearMocks };
