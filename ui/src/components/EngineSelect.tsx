import type { EngineKind } from "../bindings";

export const ENGINES: { value: EngineKind; label: string }[] = [
  { value: "local", label: "Local (offline)" },
  { value: "claude", label: "Claude" },
  { value: "openai", label: "OpenAI" },
  { value: "openai-compatible", label: "OpenAI-compatible server" },
  { value: "hybrid", label: "Hybrid (measured + AI context)" },
];

/** The engines a run can use, as a select. */
export function EngineSelect({ label, value, onChange, autoFocus }: { label: string; value: EngineKind; onChange(e: EngineKind): void; autoFocus?: boolean }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as EngineKind)} autoFocus={autoFocus}>
      {ENGINES.map((x) => (
        <option key={x.value} value={x.value}>
          {x.label}
        </option>
      ))}
    </select>
  );
}
