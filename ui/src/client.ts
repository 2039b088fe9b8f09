import { commands, events } from "./bindings";
import type { ScaleClient } from "./store";

/** The real client: typed Tauri commands and events from the generated bindings. */
export const tauriClient: ScaleClient = {
  aggregate: (job, images, options) => commands.aggregateMeasurements(job, images, options),
  onProgress: (handler) => events.aggregateProgressEvent.listen((e) => handler(e.payload.job, e.payload.progress)),
};
