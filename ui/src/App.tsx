import { useEffect, useMemo, useState } from "react";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { StoreProvider, useApp } from "./app/context";
import { createAppStore, type AppStore } from "./app/store";
import { BatchPanel } from "./components/BatchPanel";
import { ExportModal } from "./components/ExportModal";
import { QuickScale } from "./components/QuickScale";
import { SettingsModal } from "./components/SettingsModal";
import { EngineSelect } from "./components/EngineSelect";
import { Modal } from "./components/Modal";
import { Sidebar } from "./components/Sidebar";
import { TokenDetail } from "./components/TokenDetail";
import { TokenTable } from "./components/TokenTable";
import { ScaleVisualizer } from "./components/ScaleVisualizer";
import { Overlay } from "./components/Overlay";
import { Playground } from "./components/Playground";
import { Compare } from "./components/Compare";
import { Audit } from "./components/Audit";
import { ThresholdControl } from "./components/ThresholdControl";
import type { View } from "./app/store";
import type { ImageRecord } from "./bindings";
import { diskUse } from "./app/format";

/** Files dropped on the window: Tauri gives real paths. Injectable for tests. */
export type DropSource = (handlers: { hover(on: boolean): void; drop(paths: string[]): void }) => Promise<() => void>;

export const tauriDrops: DropSource = async ({ hover, drop }) =>
  getCurrentWebview().onDragDropEvent((e) => {
    const p = e.payload;
    if (p.type === "enter" || p.type === "over") hover(true);
    else if (p.type === "leave") hover(false);
    else if (p.type === "drop") {
      hover(false);
      drop(p.paths);
    }
  });

function QuickScaleDialog() {
  return (
    <Modal id="quick" title="Spacing values by hand" className="quick">
      <QuickScale />
    </Modal>
  );
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The project's images as kept with it: total, per image, and how many were kept downscaled. */
function DiskUse({ images }: { images: ImageRecord[] }) {
  if (images.length === 0) return null;
  const use = diskUse(images);
  const note = use.downscaled ? ` (${use.downscaled} kept downscaled: over 32 MB)` : "";
  return (
    <span id="disk-use" title={`Images are kept with the project: about ${use.perImage} per image${note}`}>
      · {use.total} on disk{note}
    </span>
  );
}

const VIEWS: { id: View; label: string }[] = [
  { id: "tokens", label: "Tokens" },
  { id: "scale", label: "Scale" },
  { id: "overlay", label: "Overlay" },
  { id: "audit", label: "Audit" },
  { id: "playground", label: "Playground" },
  { id: "compare", label: "Compare" },
];

function Main() {
  const current = useApp((s) => s.current);
  const engine = useApp((s) => s.engine);
  const setEngine = useApp((s) => s.setEngine);
  const pickImages = useApp((s) => s.pickImages);
  const openDialog = useApp((s) => s.openDialog);
  const batch = useApp((s) => s.batch);
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const running = !!batch && !batch.summary;
  if (!current) {
    return (
      <main className="main empty-state">
        <h2>Spacing tokens from screenshots</h2>
        <p className="muted">Create a project on the left, then drop screenshots or a folder on this window.</p>
      </main>
    );
  }
  return (
    <main className="main">
      <header className="toolbar">
        <div className="title-block">
          <h1 id="project-title" title={current.project.name}>
            {current.project.name}
          </h1>
          <span className="muted small">
            {plural(current.images.length, "image")} · {plural(current.library.tokens.length, "token")} <DiskUse images={current.images} />
          </span>
        </div>
        <ThresholdControl />
        <span className="spacer" />
        <label className="engine">
          Engine
          <EngineSelect label="Engine for the next run" value={engine} onChange={setEngine} />
        </label>
        <button id="add-images" onClick={pickImages} disabled={running} title="Add images (Ctrl+O)">
          Add images…
        </button>
        <button id="open-export" onClick={() => openDialog("export")} disabled={current.library.tokens.length === 0} title="Export (Ctrl+E)">
          Export…
        </button>
      </header>
      <BatchPanel />
      <div className="tabs" role="tablist" aria-label="Views">
        {VIEWS.map((v) => (
          <button key={v.id} role="tab" id={`tab-${v.id}`} aria-selected={view === v.id} onClick={() => setView(v.id)}>
            {v.label}
          </button>
        ))}
      </div>
      <div className="work" role="tabpanel" aria-labelledby={`tab-${view}`}>
        {view === "tokens" && <TokenTable />}
        {view === "scale" && <ScaleVisualizer />}
        {view === "overlay" && <Overlay key={current.project.id} />}
        {view === "audit" && <Audit />}
        {view === "playground" && <Playground key={current.project.id} />}
        {view === "compare" && <Compare key={current.project.id} />}
        {view !== "compare" && view !== "playground" && <TokenDetail />}
      </div>
    </main>
  );
}

function Shell({ drops }: { drops: DropSource }) {
  const ready = useApp((s) => s.ready);
  const notice = useApp((s) => s.notice);
  const dialog = useApp((s) => s.dialog);
  const addPaths = useApp((s) => s.addPaths);
  const pickImages = useApp((s) => s.pickImages);
  const pasteImage = useApp((s) => s.pasteImage);
  const openDialog = useApp((s) => s.openDialog);
  const hasTokens = useApp((s) => (s.current?.library.tokens.length ?? 0) > 0);
  const [hover, setHover] = useState(false);

  useEffect(() => {
    let off: (() => void) | undefined;
    let live = true;
    drops({ hover: setHover, drop: (paths) => void addPaths(paths) }).then(
      (u) => (live ? (off = u) : u()),
      () => {},
    );
    return () => {
      live = false;
      off?.();
    };
  }, [drops, addPaths]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (mod && e.key.toLowerCase() === "o") {
        e.preventDefault();
        void pickImages();
      } else if (mod && e.key.toLowerCase() === "v" && !typing) {
        // A screenshot on the clipboard (text pastes into fields as usual).
        e.preventDefault();
        void pasteImage();
      } else if (mod && e.key.toLowerCase() === "e") {
        e.preventDefault();
        if (hasTokens) openDialog("export");
      } else if (e.key === "/" && !typing) {
        e.preventDefault();
        document.getElementById("token-search")?.focus();
      } else if (e.key === "Escape" && dialog) {
        openDialog(null);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [pickImages, pasteImage, openDialog, hasTokens, dialog]);

  return (
    <div className={`app${hover ? " dropping" : ""}`} data-ready={ready}>
      {notice && (
        <div role="alert" className="notice">
          {notice}
        </div>
      )}
      <div className="layout">
        <Sidebar />
        <Main />
      </div>
      {hover && <div className="drop-hint">Drop to measure</div>}
      {dialog === "export" && <ExportModal />}
      {dialog === "settings" && <SettingsModal />}
      {dialog === "quick" && <QuickScaleDialog />}
    </div>
  );
}

export function App({ store, drops = tauriDrops }: { store?: AppStore; drops?: DropSource }) {
  const s = useMemo(() => store ?? createAppStore(), [store]);
  useEffect(() => {
    void s.getState().init();
  }, [s]);
  return (
    <StoreProvider store={s}>
      <Shell drops={drops} />
    </StoreProvider>
  );
}
