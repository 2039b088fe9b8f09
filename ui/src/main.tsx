import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createAppStore } from "./app/store";
import "./styles.css";

// The startup read goes out before React's first render, not after it: it is the launch's
// critical path (the app's own init call is then a no-op).
const store = createAppStore();
void store.getState().init();

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}
