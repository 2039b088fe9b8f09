// Real X11 input for the end-to-end tests: a file drag from another client (a GTK drag source,
// as from a file manager) and typing into native GTK dialogs, driven by xdotool.
import { execFile, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { waitFor } from "./webdriver.mjs";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

export async function xdotool(...args) {
  const { stdout } = await run("xdotool", args.map(String));
  return stdout.trim();
}

/** The X window whose title matches `title` exactly, once it is mapped. */
export async function windowNamed(title, timeoutMs = 20000) {
  return waitFor(`a window titled "${title}"`, async () => {
    const out = await xdotool("search", "--onlyvisible", "--name", `^${title}$`).catch(() => "");
    return out.split("\n").filter(Boolean)[0] ?? null;
  }, { timeoutMs, intervalMs: 200 });
}

/** What the window `win` shows, as a PNG file at `path` (read from the X server). */
export async function windowShot(win, path) {
  await run("/usr/bin/python3", [join(here, "window_shot.py"), String(win), path]);
}

async function geometry(win) {
  const out = await xdotool("getwindowgeometry", "--shell", win);
  const g = Object.fromEntries(out.split("\n").map((l) => l.split("=")));
  return { x: Number(g.X), y: Number(g.Y), w: Number(g.WIDTH), h: Number(g.HEIGHT) };
}

/**
 * Drags `files` from a GTK drag source onto the window `target`. WebKitGTK only asks for the file
 * list while the pointer moves over it, so the pointer travels in small steps and lingers there.
 */
export async function dragFiles(files, target) {
  const src = spawn("/usr/bin/python3", [join(here, "drag_source.py"), "1215", "830", ...files], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise((resolve, reject) => {
      src.stdout.once("data", resolve);
      src.once("exit", (c) => reject(new Error(`drag source exited with ${c}`)));
    });
    const source = await windowNamed("copy-that-drag-source");
    const s = await geometry(source);
    const t = await geometry(target);
    const from = { x: s.x + Math.floor(s.w / 2), y: s.y + Math.floor(s.h / 2) };
    const to = { x: t.x + Math.floor(t.w / 2), y: t.y + Math.floor(t.h / 2) };
    await xdotool("mousemove", from.x, from.y);
    await pause(200);
    await xdotool("mousedown", 1);
    for (let i = 1; i <= 5; i++) {
      await xdotool("mousemove", from.x - i * 4, from.y - i * 4);
      await pause(30);
    }
    const steps = 40;
    for (let i = 1; i <= steps; i++) {
      const x = Math.round(from.x + ((to.x - from.x) * i) / steps);
      const y = Math.round(from.y + ((to.y - from.y) * i) / steps);
      await xdotool("mousemove", x, y);
      await pause(25);
    }
    for (let i = 0; i < 10; i++) {
      await xdotool("mousemove", to.x + (i % 2 ? 3 : -3), to.y + (i % 3));
      await pause(50);
    }
    await pause(500);
    await xdotool("mouseup", 1);
    await waitFor("the drag source to finish", () => src.exitCode !== null, { timeoutMs: 15000 });
  } finally {
    if (src.exitCode === null) src.kill();
  }
}

/** Answers a native GTK save dialog titled `title` with a full path. */
export async function answerSaveDialog(title, path) {
  const dialog = await windowNamed(title);
  await xdotool("windowfocus", "--sync", dialog);
  await pause(300);
  // The name field has focus with the suggested name selected; a full path replaces it.
  await xdotool("key", "--window", dialog, "ctrl+a");
  await xdotool("type", "--window", dialog, "--delay", "5", path);
  await pause(200);
  await xdotool("key", "--window", dialog, "Return");
}
