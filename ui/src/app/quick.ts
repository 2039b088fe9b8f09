import {
  commands,
  events,
  type AggregateOptions,
  type AggregateProgress,
  type Measurement_Deserialize,
  type SpacingLibrary_Serialize,
} from "../bindings";

/** The quick-scale dialog's run: values typed by hand, aggregated by the engine, shown as a scale. */
export type Quick = {
  status: "idle" | "running" | "done" | "error";
  library: SpacingLibrary_Serialize | null;
  progress: AggregateProgress | null;
  error: string | null;
};

export type QuickActions = {
  quick: Quick;
  /** Aggregates the values (one list per screenshot), following the engine's progress events. */
  analyseValues(images: Measurement_Deserialize[][], options?: Partial<AggregateOptions>): Promise<void>;
  /** Shows why the typed values could not be read, without asking the engine. */
  failQuick(message: string): void;
};

export const quickOptions: AggregateOptions = {
  threshold: 0.1,
  min_support: 1,
  root_px: 16,
  provider: "manual",
};

const IDLE: Quick = { status: "idle", library: null, progress: null, error: null };

let jobCounter = 0;

/** The quick-scale slice of the app store. */
export function quickActions(set: (s: { quick: Quick }) => void, get: () => { quick: Quick }): QuickActions {
  const patch = (q: Partial<Quick>) => set({ quick: { ...get().quick, ...q } });
  return {
    quick: IDLE,
    failQuick: (message) => patch({ status: "error", error: message }),
    analyseValues: async (images, options) => {
      const job = `job-${++jobCounter}`;
      patch({ status: "running", error: null, progress: null });
      const unlisten = await events.aggregateProgressEvent.listen((e) => {
        if (e.payload.job === job) patch({ progress: e.payload.progress });
      });
      try {
        const result = await commands.aggregateMeasurements(job, images, { ...quickOptions, ...options });
        if (result.status === "ok") patch({ status: "done", library: result.data });
        else patch({ status: "error", error: result.error.message });
      } catch (e) {
        patch({ status: "error", error: `Copy That could not reach its engine: ${String(e)}` });
      } finally {
        unlisten();
      }
    },
  };
}
