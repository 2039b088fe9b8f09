import { createStore } from "zustand/vanilla";
import type { AggregateOptions, AggregateProgress, AppError, Measurement_Deserialize, SpacingLibrary_Serialize } from "./bindings";

/** What the store needs from the shell: injectable so components can be tested without Tauri. */
export interface ScaleClient {
  aggregate(
    job: string,
    images: Measurement_Deserialize[][],
    options: AggregateOptions,
  ): Promise<{ status: "ok"; data: SpacingLibrary_Serialize } | { status: "error"; error: AppError }>;
  onProgress(handler: (job: string, progress: AggregateProgress) => void): Promise<() => void>;
}

export type ScaleState = {
  status: "idle" | "running" | "done" | "error";
  library: SpacingLibrary_Serialize | null;
  progress: AggregateProgress | null;
  error: string | null;
  analyse(images: Measurement_Deserialize[][], options?: Partial<AggregateOptions>): Promise<void>;
  fail(message: string): void;
};

export const defaultOptions: AggregateOptions = {
  threshold: 0.1,
  min_support: 1,
  root_px: 16,
  provider: "manual",
};

let jobCounter = 0;

export function createScaleStore(client: ScaleClient) {
  return createStore<ScaleState>()((set) => ({
    status: "idle",
    library: null,
    progress: null,
    error: null,
    fail: (message) => set({ status: "error", error: message }),
    analyse: async (images, options) => {
      const job = `job-${++jobCounter}`;
      set({ status: "running", error: null, progress: null });
      const unlisten = await client.onProgress((j, progress) => {
        if (j === job) set({ progress });
      });
      try {
        const result = await client.aggregate(job, images, { ...defaultOptions, ...options });
        if (result.status === "ok") set({ status: "done", library: result.data });
        else set({ status: "error", error: result.error.message });
      } catch (e) {
        set({ status: "error", error: `Copy That could not reach its engine: ${String(e)}` });
      } finally {
        unlisten();
      }
    },
  }));
}
