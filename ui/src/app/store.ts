import { createStore } from "zustand/vanilla";
import {
  commands,
  events,
  type EngineKind,
  type ExtractEvent_Serialize,
  type ImagePhase,
  type ProjectSummary,
  type Settings_Serialize,
  type StoredLibrary_Serialize,
  type TokenEdit,
} from "../bindings";
import { call, describe } from "./api";
import { quickActions, type QuickActions } from "./quick";
import { reads, type Reads } from "./reads";
import { applyEvents, type Batch } from "./batchEvents";
import { NO_FILTERS, type Filters, type SortKey } from "./format";

export type { Batch, BatchImage } from "./batchEvents";

export type AppState = Reads & QuickActions & {
  ready: boolean;
  projects: ProjectSummary[];
  current: StoredLibrary_Serialize | null;
  settings: Settings_Serialize | null;
  notice: string | null;
  sidebarError: string | null;
  /** Engine for the next run; starts at the settings' default. */
  engine: EngineKind;
  batch: Batch | null;
  /** Paths dropped or picked while a batch ran: the next batch, started when this one ends. */
  queue: string[];
  selected: number | null;
  filters: Filters;
  sort: SortKey;
  descending: boolean;
  dialog: "export" | "settings" | "quick" | null;
  view: View;
  /** The image the overlay opens on (by its position in the project's images), when asked. */
  overlayImage: number | null;

  init(): Promise<void>;
  openProject(name: string): Promise<void>;
  createProject(name: string): Promise<boolean>;
  renameProject(id: number, name: string): Promise<boolean>;
  deleteProject(id: number): Promise<void>;
  addPaths(paths: string[]): Promise<void>;
  pickImages(): Promise<void>;
  cancelBatch(): Promise<void>;
  /** Measures the screenshot on the clipboard into the open project (queued during a batch). */
  pasteImage(): Promise<void>;
  /** Measures again the open project's images that failed. */
  retryFailed(): Promise<void>;
  /** Hides a finished batch's panel. */
  dismissBatch(): void;
  editToken(edit: TokenEdit): Promise<string | null>;
  /** Sets the open project's merge threshold and re-merges its library; the reason when refused. */
  setThreshold(threshold: number): Promise<string | null>;
  setSettings(s: Settings_Serialize): void;
  select(value: number | null): void;
  setFilters(f: Partial<Filters>): void;
  sortBy(k: SortKey): void;
  setEngine(e: EngineKind): void;
  openDialog(d: AppState["dialog"]): void;
  setView(v: View): void;
  /** Opens the overlay on an image, with a token's value selected. */
  showInOverlay(value: number | null, image: number): void;
};

export type View = "tokens" | "scale" | "overlay" | "audit" | "playground" | "compare";

const PHASE_ORDER: ImagePhase[] = ["queued", "decoding", "measuring", "naming", "aggregating", "saved"];

const VENDOR: Record<string, string> = { claude: "Claude", openai: "OpenAI", "openai-compatible": "the AI server" };

/** The AI a batch waits on while it names an image, or null for the local engine. */
export function askingWhom(engine: EngineKind, hybridWith: string): string | null {
  if (engine === "local") return null;
  return VENDOR[engine === "hybrid" ? hybridWith : engine] ?? "the AI";
}

/** Share of the batch done: each image counts by its phase; failed images count as done. */
export function batchProgress(b: Batch): number {
  if (b.summary) return 1;
  if (b.images.length === 0) return 0;
  const last = PHASE_ORDER.length - 1;
  const sum = b.images.reduce((acc, i) => acc + (i.error ? last : PHASE_ORDER.indexOf(i.phase)), 0);
  return sum / (b.images.length * last);
}

let jobs = 0;

/** How many times as long as a library read took the next one waits (see `followLibrary`). */
const READ_PAUSE = 4;

/**
 * The project list with one project's summary as a library read just gave it: during a batch the
 * sidebar's image and token counts follow the header's, not the list read before the batch.
 */
export function withSummary(projects: ProjectSummary[], summary: ProjectSummary): ProjectSummary[] {
  return projects.map((p) => (p.id === summary.id ? summary : p));
}

export function createAppStore() {
  let initialised = false;
  const store = createStore<AppState>()((set, get) => {
    const refreshProjects = async () => {
      const projects = await call(commands.listProjects());
      set({ projects });
    };

    /** One batch into `project`, then whatever was queued meanwhile (into the project open then). */
    const runBatch = async (project: string, start: (job: string) => ReturnType<typeof commands.startExtraction>) => {
      const job = `batch-${Date.now()}-${++jobs}`;
      set({ batch: { job, project, asking: askingWhom(get().engine, get().settings?.hybridWith ?? "claude"), images: [], skipped: [], summary: null, error: null, cancelling: false } });
      try {
        const summary = await call(start(job));
        // The command's answer can arrive before the "finished" event: the batch is over either way.
        const b = get().batch;
        if (b && b.job === job && !b.summary) set({ batch: { ...b, summary, cancelling: false } });
      } catch (e) {
        const b = get().batch;
        if (b && b.job === job) set({ batch: { ...b, error: describe(e), summary: b.summary ?? { saved: 0, failed: 0, skipped: 0, cancelled: 0, elapsedMs: 0 } } });
      }
      await refreshProjects().catch(() => {});
      const queued = get().queue;
      if (queued.length > 0) {
        set({ queue: [] });
        await get().addPaths(queued);
      }
    };

    // Reads the saved library after a "libraryChanged", one read at a time: changes that arrive
    // during a read are caught up by one more read, not one each. A large library takes the page
    // a while to receive and draw (1,000 tokens: a 1.5 MB reply), so the next read waits four
    // times as long as the last one took: reading never holds the page more than a fifth of the
    // time while a batch streams in.
    let reading = false;
    let again = false;
    const followLibrary = async (project: string) => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const t0 = performance.now();
          const library = await call(commands.savedLibrary(project));
          if (get().current?.project.name === project) set({ current: library, projects: withSummary(get().projects, library.project) });
          // Let the page draw what it was given before timing the read.
          await new Promise((r) => setTimeout(r, 0));
          const took = performance.now() - t0;
          if (again) await new Promise((r) => setTimeout(r, READ_PAUSE * took));
        } while (again);
      } catch {
        // The next change, or the batch's end, reads it again.
      } finally {
        reading = false;
      }
    };

    // A batch's events are applied once a frame, not one render each (see `applyEvents`).
    let pending: { job: string; event: ExtractEvent_Serialize }[] = [];
    let scheduled = false;
    const flush = () => {
      scheduled = false;
      const batch = get().batch;
      const mine = pending.filter((p) => batch && p.job === batch.job).map((p) => p.event);
      pending = [];
      if (!batch || mine.length === 0) return;
      const applied = applyEvents(batch, mine);
      const open = get().current?.project.name === batch.project;
      set(
        applied.library && open
          ? { batch: applied.batch, current: applied.library, projects: withSummary(get().projects, applied.library.project) }
          : { batch: applied.batch },
      );
      if (applied.libraryChanged && open) void followLibrary(batch.project);
    };
    const onEvent = (job: string, event: ExtractEvent_Serialize) => {
      pending.push({ job, event });
      if (scheduled) return;
      scheduled = true;
      if (typeof requestAnimationFrame === "function") requestAnimationFrame(flush);
      else setTimeout(flush, 16);
    };

    return {
      ...reads(get),
      ...quickActions(set, get),
      ready: false,
      projects: [],
      current: null,
      settings: null,
      notice: null,
      sidebarError: null,
      engine: "local",
      batch: null,
      queue: [],
      overlayImage: null,
      selected: null,
      filters: NO_FILTERS,
      sort: "value",
      descending: false,
      dialog: null,
      view: "tokens",

      async init() {
        // StrictMode mounts twice; one subscription and one startup read are enough.
        if (initialised) return;
        initialised = true;
        // Both at once: the startup read is the launch's critical path, and no batch can start
        // before it has answered.
        const listening = events.extractProgressEvent.listen((e) => onEvent(e.payload.job, e.payload.event as ExtractEvent_Serialize));
        try {
          const [s] = await Promise.all([call(commands.startup()), listening]);
          set({
            ready: true,
            projects: s.projects,
            settings: s.settings,
            engine: s.settings.engine,
            current: s.lastProject,
            notice: s.notice,
          });
        } catch (e) {
          set({ ready: true, notice: describe(e) });
        }
      },

      async openProject(name) {
        try {
          const current = await call(commands.openProject(name));
          set({ current, selected: null, sidebarError: null });
        } catch (e) {
          set({ sidebarError: describe(e) });
        }
      },

      async createProject(name) {
        try {
          const p = await call(commands.createProject(name));
          await refreshProjects();
          await get().openProject(p.name);
          return true;
        } catch (e) {
          set({ sidebarError: describe(e) });
          return false;
        }
      },

      async renameProject(id, name) {
        try {
          const projects = await call(commands.renameProject(id, name));
          set({ projects, sidebarError: null });
          const cur = get().current;
          if (cur && cur.project.id === id) await get().openProject(name.trim());
          return true;
        } catch (e) {
          set({ sidebarError: describe(e) });
          return false;
        }
      },

      async deleteProject(id) {
        try {
          const projects = await call(commands.deleteProject(id));
          const cur = get().current;
          set({ projects, sidebarError: null, ...(cur && cur.project.id === id ? { current: null, selected: null } : {}) });
        } catch (e) {
          set({ sidebarError: describe(e) });
        }
      },

      async addPaths(paths) {
        const cur = get().current;
        if (paths.length === 0) return;
        if (!cur) {
          set({ sidebarError: "Create or open a project first, then add images to it." });
          return;
        }
        // A batch is running: these wait their turn, and the panel says so.
        if (get().batch && !get().batch?.summary) {
          set({ queue: [...get().queue, ...paths] });
          return;
        }
        const project = cur.project.name;
        await runBatch(project, (job) => commands.startExtraction(job, project, paths, get().engine));
      },

      async pasteImage() {
        const cur = get().current;
        if (!cur) {
          set({ sidebarError: "Create or open a project first, then paste a screenshot into it." });
          return;
        }
        // A batch is running: the clipboard is read now (it may hold something else by the time
        // the batch is done) and the picture waits its turn with the drops.
        if (get().batch && !get().batch?.summary) {
          try {
            const held = await call(commands.holdPastedImage());
            set({ queue: [...get().queue, held] });
          } catch (e) {
            set({ sidebarError: describe(e) });
          }
          return;
        }
        const project = cur.project.name;
        await runBatch(project, (job) => commands.pasteImage(job, project, get().engine));
      },

      async retryFailed() {
        const cur = get().current;
        if (!cur || cur.failures.length === 0 || (get().batch && !get().batch?.summary)) return;
        const project = cur.project.name;
        await runBatch(project, (job) => commands.retryFailed(job, project, get().engine));
      },

      dismissBatch() {
        if (get().batch?.summary) set({ batch: null });
      },

      async pickImages() {
        try {
          const paths = await call(commands.pickImages());
          if (paths) await get().addPaths(paths);
        } catch (e) {
          set({ sidebarError: describe(e) });
        }
      },

      async cancelBatch() {
        const b = get().batch;
        if (!b || b.summary) return;
        set({ batch: { ...b, cancelling: true } });
        await commands.cancelExtraction(b.job);
      },

      async editToken(edit) {
        const cur = get().current;
        if (!cur) return "No project is open.";
        try {
          const current = await call(commands.editToken(cur.project.name, edit));
          const sel = get().selected;
          const still = current.library.tokens.some((t) => t.value_px === sel);
          set({ current, selected: still ? sel : null });
          await refreshProjects().catch(() => {});
          return null;
        } catch (e) {
          return describe(e);
        }
      },

      async setThreshold(threshold) {
        const cur = get().current;
        if (!cur) return "No project is open.";
        try {
          const current = await call(commands.setProjectThreshold(cur.project.name, threshold));
          const sel = get().selected;
          set({ current, selected: current.library.tokens.some((t) => t.value_px === sel) ? sel : null });
          await refreshProjects().catch(() => {});
          return null;
        } catch (e) {
          return describe(e);
        }
      },

      setSettings: (settings) => set({ settings, engine: settings.engine }),
      select: (selected) => set({ selected }),
      setFilters: (f) => set({ filters: { ...get().filters, ...f } }),
      sortBy: (k) => set(get().sort === k ? { descending: !get().descending } : { sort: k, descending: false }),
      setEngine: (engine) => set({ engine }),
      openDialog: (dialog) => set({ dialog }),
      setView: (view) => set({ view }),
      showInOverlay: (selected, overlayImage) => set({ selected, overlayImage, view: "overlay" }),
    };
  });
  return store;
}

export type AppStore = ReturnType<typeof createAppStore>;
