import { useMemo } from "react";
import { tauriClient } from "./client";
import { QuickScale } from "./components/QuickScale";
import { createScaleStore } from "./store";

export function App() {
  const store = useMemo(() => createScaleStore(tauriClient), []);
  return (
    <div className="app">
      <header className="titlebar">
        <h1>Copy That</h1>
        <span className="muted">Spacing tokens from UI screenshots</span>
      </header>
      <main>
        <QuickScale store={store} />
      </main>
    </div>
  );
}
