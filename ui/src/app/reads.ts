import {
  commands,
  type ImportedLibrary_Serialize,
  type KeyStatus,
  type Provider,
  type Settings_Deserialize,
  type Settings_Serialize,
  type StoredLibrary_Serialize,
} from "../bindings";
import { call } from "./api";

/**
 * The store's actions that fetch or save for one view (a thumbnail, the overlay's image, keys,
 * settings, the other side of Compare). They live in the one store so no component calls the
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
  /** A DTCG file picked in the native dialog, read at the settings' root size; null if none was picked. */
  importDtcgFile(): Promise<ImportedLibrary_Serialize | null>;
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
    importDtcgFile: () => call(commands.importDtcgFile(get().settings?.rootPx ?? 16)),
  };
}
