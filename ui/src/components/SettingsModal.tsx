import { useEffect, useState } from "react";
import { describe } from "../app/api";
import { wholePercent } from "../app/format";
import { useApp } from "../app/context";
import { SETTING_LIMITS, type KeyStatus, type Provider, type Settings_Serialize } from "../bindings";
import { EngineSelect } from "./EngineSelect";
import { Modal } from "./Modal";

// The engine's own bounds, from the bindings: the form refuses what the types would.
const { concurrency, threshold, rootPx } = SETTING_LIMITS;

const PROVIDER_LABEL: Record<Provider, string> = {
  claude: "Claude",
  openai: "OpenAI",
  "openai-compatible": "OpenAI-compatible",
};

function KeyRow({ status, onChange }: { status: KeyStatus; onChange: () => void }) {
  const storeKey = useApp((s) => s.storeKey);
  const deleteKey = useApp((s) => s.deleteKey);
  const [key, setKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const label = PROVIDER_LABEL[status.provider];
  const state = status.key.state === "stored" ? "stored" : status.key.state === "notSet" ? "not set" : "keyring unavailable";
  return (
    <div className="key-row" data-provider={status.provider}>
      <span className="key-name">{label}</span>
      <span className={`key-state ${status.key.state}`} data-state={status.key.state}>
        {state}
      </span>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await storeKey(status.provider, key);
            setKey("");
            setError(null);
            onChange();
          } catch (err) {
            setError(describe(err));
          }
        }}
      >
        <input type="password" autoComplete="off" aria-label={`${label} API key`} placeholder="Paste key" value={key} onChange={(e) => setKey(e.target.value)} />
        <button type="submit" disabled={!key.trim()}>
          Store
        </button>
      </form>
      {status.key.state === "stored" && (
        <button
          onClick={async () => {
            try {
              await deleteKey(status.provider);
              onChange();
            } catch (err) {
              setError(describe(err));
            }
          }}
        >
          Remove
        </button>
      )}
      {status.key.state === "unavailable" && <p className="error small">{status.key.message}</p>}
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
    </div>
  );
}

export function SettingsModal() {
  const saved = useApp((s) => s.settings);
  const saveSettings = useApp((s) => s.saveSettings);
  const keyStatus = useApp((s) => s.keyStatus);
  const [form, setForm] = useState<Settings_Serialize | null>(saved);
  const [keys, setKeys] = useState<KeyStatus[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const loadKeys = () =>
    keyStatus().then(setKeys, (e) => setError(describe(e)));
  useEffect(() => {
    loadKeys();
  }, []);
  if (!form) return null;
  const set = (s: Partial<Settings_Serialize>) => setForm({ ...form, ...s });

  return (
    <Modal id="settings" title="Settings" className="settings">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await saveSettings(form);
              setError(null);
              setStatus("Saved");
            } catch (err) {
              setError(describe(err));
            }
          }}
        >
          <label>
            Default engine
            <EngineSelect label="Default engine" value={form.engine} onChange={(engine) => set({ engine })} autoFocus />
          </label>
          <label>
            Hybrid asks
            <select aria-label="Hybrid asks" value={form.hybridWith} onChange={(e) => set({ hybridWith: e.target.value as Provider })}>
              {(Object.keys(PROVIDER_LABEL) as Provider[]).map((p) => (
                <option key={p} value={p}>
                  {PROVIDER_LABEL[p]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Model
            <input aria-label="Model" placeholder="provider default" value={form.model} onChange={(e) => set({ model: e.target.value })} />
          </label>
          <label>
            OpenAI-compatible server URL
            <input aria-label="Base URL" placeholder="http://localhost:11434/v1 (https:// for a remote server)" value={form.baseUrl} onChange={(e) => set({ baseUrl: e.target.value })} />
          </label>
          <label>
            Images at once
            <input aria-label="Images at once" type="number" min={concurrency.min} max={concurrency.max} value={form.concurrency} onChange={(e) => set({ concurrency: Number(e.target.value) })} />
          </label>
          <label>
            Merge threshold (%)
            <input aria-label="Merge threshold" type="number" min={wholePercent(threshold.min)} max={wholePercent(threshold.max)} value={wholePercent(form.threshold ?? 0.1)} onChange={(e) => set({ threshold: Number(e.target.value) / 100 })} />
          </label>
          <label>
            Root font size (px)
            <input aria-label="Root font size" type="number" min={rootPx.min} max={rootPx.max} value={form.rootPx ?? 16} onChange={(e) => set({ rootPx: Number(e.target.value) })} />
          </label>
          <div className="buttons">
            <button type="submit" className="primary">
              Save settings
            </button>
          </div>
        </form>
        <h3>API keys</h3>
        <p className="muted small">Keys go straight to the system keyring. Copy That never shows them again or writes them anywhere else.</p>
        {keys.map((k) => (
          <KeyRow key={k.provider} status={k} onChange={loadKeys} />
        ))}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {status && <p role="status">{status}</p>}
    </Modal>
  );
}
