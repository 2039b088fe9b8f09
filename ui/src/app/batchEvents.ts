import type { BatchSummary, ExtractEvent_Serialize, ImagePhase, SkippedFile, StoredLibrary_Serialize } from "../bindings";

export type BatchImage = { index: number; fileName: string; phase: ImagePhase; error: string | null; note: string | null };
export type Batch = {
  job: string;
  project: string;
  /** Who names the values: "naming" with the local engine, "asking Claude…" with an AI one. */
  asking: string | null;
  images: BatchImage[];
  skipped: SkippedFile[];
  summary: BatchSummary | null;
  error: string | null;
  cancelling: boolean;
};

/** What a run of a batch's events changes: the batch itself, and what the window must do after. */
export type Applied = {
  batch: Batch;
  /** The last library an event carried, if any. */
  library: StoredLibrary_Serialize | null;
  /** Whether the saved library changed and must be read again (once, however often it changed). */
  libraryChanged: boolean;
};

/**
 * Folds a batch's progress events, in order, into the batch. Pure: the store applies a frame's
 * worth of events at once (a 50-image batch sends hundreds; one render each kept the webview's
 * main thread busy for the whole batch, with frames of 150–365 ms).
 */
export function applyEvents(batch: Batch, events: ExtractEvent_Serialize[]): Applied {
  let images = batch.images;
  let next: Batch = batch;
  let library: StoredLibrary_Serialize | null = null;
  let libraryChanged = false;
  const patch = (index: number, change: Partial<Batch["images"][number]>) => {
    images = images.map((i) => (i.index === index ? { ...i, ...change } : i));
  };
  for (const event of events) {
    switch (event.type) {
      case "queued":
        images = event.images.map((i) => ({ index: i.index, fileName: i.fileName, phase: "queued" as ImagePhase, error: null, note: null }));
        next = { ...next, skipped: event.skipped };
        break;
      case "phase":
        patch(event.index, { phase: event.phase });
        break;
      case "failed":
        patch(event.index, { error: event.reason });
        break;
      case "note":
        patch(event.index, { note: event.note });
        break;
      case "library":
        library = event.library;
        break;
      case "libraryChanged":
        libraryChanged = true;
        break;
      case "finished":
        next = { ...next, summary: event.summary, cancelling: false };
        break;
    }
  }
  return { batch: images === batch.images ? next : { ...next, images }, library, libraryChanged };
}
