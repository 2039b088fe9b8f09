import type { ReactNode } from "react";
import { useApp } from "../app/context";

/** A modal dialog over the window: a title, the body, and a Close button; Escape closes it too. */
export function Modal({ id, title, className, children }: { id: string; title: ReactNode; className: string; children: ReactNode }) {
  const close = useApp((s) => s.openDialog);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === "Escape" && close(null)}>
      <div role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} className={`modal ${className}`}>
        <h2 id={`${id}-title`}>{title}</h2>
        {children}
        <div className="buttons end">
          <button onClick={() => close(null)}>Close</button>
        </div>
      </div>
    </div>
  );
}
