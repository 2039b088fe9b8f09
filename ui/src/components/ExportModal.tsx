import { useEffect, useState } from "react";
import { describe } from "../app/api";
import { useApp } from "../app/context";
import { type ExportOptions, type FormatInfo, type Naming } from "../bindings";
import { Modal } from "./Modal";

/** Each naming scheme with what it writes for 16 px; only the token's own name is stable. */
const NAMINGS: [Naming, string][] = [
  ["simple", "name (stable: 4)"],
  ["t-shirt", "t-shirt (md)"],
  ["descriptive", "descriptive (md-padding)"],
  ["contextual", "contextual (card-padding)"],
  ["scale-position", "scale position (spacing-4)"],
  ["semantic", "semantic (comfortable-padding)"],
];

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("the clipboard is not available");
}

export function ExportModal() {
  const current = useApp((s) => s.current);
  const settings = useApp((s) => s.settings);
  const exportFormats = useApp((s) => s.exportFormats);
  const previewExport = useApp((s) => s.previewExport);
  const saveExport = useApp((s) => s.saveExport);
  const exportToFolder = useApp((s) => s.exportToFolder);
  const [formats, setFormats] = useState<FormatInfo[]>([]);
  const [format, setFormat] = useState("css");
  const [options, setOptions] = useState<ExportOptions>({
    unit: "px",
    root_px: settings?.rootPx ?? 16,
    naming: "simple",
    prefix: "spacing",
    aliases: true,
    provenance: false,
    responsive: false,
  });
  const [preview, setPreview] = useState("");
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [many, setMany] = useState<string[]>(["css", "dtcg"]);
  const project = current?.project.name ?? "";

  useEffect(() => {
    exportFormats().then(setFormats, (e) => setError(describe(e)));
  }, []);

  useEffect(() => {
    if (!project) return;
    let live = true;
    previewExport(project, format, options).then(
      (text) => {
        if (!live) return;
        setPreview(text);
        setError(null);
      },
      (e) => live && setError(describe(e)),
    );
    return () => {
      live = false;
    };
  }, [project, format, options]);

  const set = (o: Partial<ExportOptions>) => setOptions({ ...options, ...o });
  const act = async (what: () => Promise<string | null>) => {
    setStatus(null);
    setError(null);
    try {
      setStatus(await what());
    } catch (e) {
      setError(describe(e));
    }
  };

  return (
    <Modal id="export" title={`Export ${project}`} className="export">
        <div className="export-body">
          <div className="export-options">
            <label>
              Format
              <select id="export-format" value={format} onChange={(e) => setFormat(e.target.value)} autoFocus>
                {formats.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.description}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Unit
              <select aria-label="Unit" value={options.unit} onChange={(e) => set({ unit: e.target.value as "px" | "rem" })}>
                <option value="px">px</option>
                <option value="rem">rem</option>
              </select>
            </label>
            <label>
              Naming
              <select aria-label="Naming" value={options.naming} onChange={(e) => set({ naming: e.target.value as Naming })}>
                {NAMINGS.map(([n, label]) => (
                  <option key={n} value={n}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Prefix
              <input aria-label="Prefix" value={options.prefix} onChange={(e) => set({ prefix: e.target.value })} />
            </label>
            <label className="check">
              <input type="checkbox" checked={options.aliases} onChange={(e) => set({ aliases: e.target.checked })} /> Semantic aliases
            </label>
            <label className="check">
              <input type="checkbox" checked={options.provenance} onChange={(e) => set({ provenance: e.target.checked })} /> Where each value was measured
            </label>
            <label className="check">
              <input type="checkbox" checked={options.responsive} onChange={(e) => set({ responsive: e.target.checked })} /> Responsive media queries
            </label>
            <div className="buttons">
              <button id="export-save" className="primary" onClick={() => act(async () => {
                const path = await saveExport(project, format, options);
                return path ? `Saved ${path}` : null;
              })}>
                Save…
              </button>
              <button id="export-copy" onClick={() => act(async () => {
                await copyText(preview);
                return "Copied to the clipboard";
              })}>
                Copy
              </button>
            </div>
            <fieldset className="many">
              <legend>Several formats to a folder</legend>
              {formats.map((f) => (
                <label key={f.name} className="check">
                  <input
                    type="checkbox"
                    data-format={f.name}
                    checked={many.includes(f.name)}
                    onChange={(e) => setMany(e.target.checked ? [...many, f.name] : many.filter((m) => m !== f.name))}
                  />{" "}
                  {f.file}
                </label>
              ))}
              <button id="export-folder" disabled={many.length === 0} onClick={() => act(async () => {
                const files = await exportToFolder(project, many, options);
                return files ? `Wrote ${files.length} files: ${files.join(", ")}` : null;
              })}>
                Export to folder…
              </button>
            </fieldset>
          </div>
          <pre className="preview" id="export-preview" aria-label="Preview" tabIndex={0}>
            {preview}
          </pre>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {status && (
          <p role="status" id="export-status">
            {status}
          </p>
        )}
    </Modal>
  );
}
