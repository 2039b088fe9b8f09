import type { AppError } from "../bindings";

/** An error from a Rust command, with its kind for the UI to choose words and a next step. */
export class CommandError extends Error {
  constructor(
    readonly kind: AppError["kind"] | "unreachable",
    message: string,
  ) {
    super(message);
  }
}

type Result<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

/** Unwraps a typed command result; a failed IPC call (the shell gone) becomes an error too. */
export async function call<T>(p: Promise<Result<T>>): Promise<T> {
  let r: Result<T>;
  try {
    r = await p;
  } catch (e) {
    throw new CommandError("unreachable", `Copy That could not reach its engine (${String(e)}). Restart the app; your saved projects are safe.`);
  }
  if (r.status === "ok") return r.data;
  throw new CommandError(r.error.kind, r.error.message);
}

/** A sentence for a failure: what happened, then what to do. */
export function describe(e: unknown): string {
  if (e instanceof CommandError) {
    switch (e.kind) {
      case "storage":
        return `${e.message}.`;
      case "keyring":
        return `${e.message}. Unlock or install a keyring (e.g. GNOME Keyring), or set the key as an environment variable.`;
      case "notFound":
        return `${e.message}. It may have been deleted; pick another.`;
      default:
        return e.message;
    }
  }
  return String(e);
}
