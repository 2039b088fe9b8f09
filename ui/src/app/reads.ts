import {
  commands,
  type ExportOptions,
  type FormatInfo,
  type ImportedLibrary_Serialize,
  type KeyStatus,
  type Provider,
  type Settings_Deserialize,
  type Settings_Serialize,
  type AuditReport_Serialize,
  type StoredLibrary_Serialize,
  type ThresholdPreview,
} from "../bindings";
import { call } from "./api";

/**
 * The store's actions that fetch or save for one view (a thumbnail, the overlay's image, keys,
 * settings, the other side of Compare, the export dialog's previews and files). They live in the one store so no component calls the
 * bindings itself; each throws a `CommandError` the view puts into words with `describe`.
 */
export type Reads = {
  thumbnail(image: number): Promise<string>;
  imageSource(image: number): Promise<string>;
  keyStatus(): Promise<KeyStatus[]>;
  storeKey(provider: Provider, key: string): Promise<void>;
  deleteKey(provider: Provider): Promise<void>;
  /** Saves the settings and makes them the store's (and the next run's engine). */
  saveSettings(form: Settings_Deserialize): Promise<void>;
  loadLibrary(name: string): Promise<StoredLibrary_Serialize>;
  /** The project's audit: off-grid and rare tokens, and values the images' selection left out. */
  auditProject(project: string): Promise<AuditReport_Serialize>;
  /** What the project's library would become at another merge threshold; nothing is saved. */
  previewThreshold(project: string, threshold: number): Promise<ThresholdPreview>;
  /** A DTCG file picked in the native dialog, read at the settings' root size; null if none was picked. */
  importDtcgFile(): Promise<ImportedLibrary_Serialize | null>;
  exportFormats(): Promise<FormatInfo[]>;
  previewExport(project: string, format: string, options: ExportOptions): Promise<string>;
  /** Saved through the native save dialog: the path, or null when the designer cancelled. */
  saveExport(project: string, format: string, options: ExportOptions): Promise<string | null>;
  /** Several formats into a folder picked in the native dialog: the files, or null when cancelled. */
  exportToFolder(project: string, formats: string[], options: ExportOptions): Promise<string[] | null>;
};

type Slice = { settings: Settings_Serialize | null; setSettings(s: Settings_Serialize): void };

export function reads(get: () => Slice): Reads {
  return {
    thumbnail: (image) => call(commands.imageThumbnail(image)),
    imageSource: (image) => call(commands.imageSource(image)),
    keyStatus: () => call(commands.keyStatus()),
    storeKey: async (provider, key) => {
      await call(commands.storeApiKey(provider, key));
    },
    deleteKey: async (provider) => {
      await call(commands.deleteApiKey(provider));
    },
    saveSettings: async (form) => {
      get().setSettings(await call(commands.saveSettings(form)));
    },
    loadLibrary: (name) => call(commands.loadLibrary(name)),
    previewThreshold: (project, threshold) => call(commands.previewThreshold(project, threshold)),
    auditProject: (project) => call(commands.auditProject(project)),
    importDtcgFile: () => call(commands.importDtcgFile(get().settings?.rootPx ?? 16)),
    exportFormats: () => commands.exportFormats(),
    previewExport: (project, format, options) => call(commands.previewExport(project, format, options)),
    saveExport: (project, format, options) => call(commands.saveExport(project, format, options)),
    exportToFolder: (project, formats, options) => call(commands.exportToFolder(project, formats, options)),
  };
}
