// A minimal W3C WebDriver client over fetch: enough to drive the app through tauri-driver
// without pulling a browser-automation stack into the project.
import { spawn } from "node:child_process";
import { readdirSync, readlinkSync, realpathSync } from "node:fs";
import net from "node:net";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns a truthy value or the deadline passes; the last error is reported. */
export async function waitFor(what, probe, { timeoutMs = 30000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function startDriver() {
  const port = await freePort();
  const nativePort = await freePort();
  const proc = spawn("tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor("tauri-driver to listen", async () => {
    if (proc.exitCode !== null) throw new Error(`tauri-driver exited with ${proc.exitCode}`);
    const r = await fetch(`${base}/status`);
    return r.ok;
  });
  return {
    base,
    // SIGTERM, not SIGKILL: tauri-driver then stops its WebKitWebDriver child too.
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
      }),
  };
}

/** Pids of running processes whose executable is `exe` (from /proc, Linux). */
function pidsOf(exe) {
  let target;
  try {
    target = realpathSync(exe);
  } catch {
    return [];
  }
  const pids = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readlinkSync(`/proc/${d}/exe`) === target) pids.push(Number(d));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return pids;
}

function signal(pids, sig) {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Makes sure no instance of the app outlives the suite. Regression: a relaunched app whose session
 * was closed while tauri-driver was being stopped was left running, orphaned; it held the test
 * runner's output pipe, so `node --test` never exited after every test had passed. Waits for the
 * app to quit on its own, then asks it to (SIGTERM), then forces it.
 */
export async function reapApp(exe) {
  const gone = () => pidsOf(exe).length === 0 || null;
  try {
    await waitFor("the app to quit", gone, { timeoutMs: 5000 });
    return;
  } catch {
    signal(pidsOf(exe), "SIGTERM");
  }
  try {
    await waitFor("the app to stop after SIGTERM", gone, { timeoutMs: 10000 });
  } catch {
    signal(pidsOf(exe), "SIGKILL");
    await waitFor("the app to be killed", gone, { timeoutMs: 10000 });
  }
}

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, application) {
    const caps = { capabilities: { alwaysMatch: { browserName: "wry", "tauri:options": { application } } } };
    const r = await call(base, "POST", "/session", caps);
    return new Session(base, r.sessionId);
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async find(css) {
    const el = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return Object.values(el)[0];
  }

  async findAll(css) {
    const els = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return els.map((e) => Object.values(e)[0]);
  }

  click(el) {
    return this.cmd("POST", `/element/${el}/click`, {});
  }

  text(el) {
    return this.cmd("GET", `/element/${el}/text`);
  }

  /** Types into an element (after clearing it when `clear`). */
  async type(el, text, { clear = true } = {}) {
    if (clear) await this.cmd("POST", `/element/${el}/clear`, {});
    return this.cmd("POST", `/element/${el}/value`, { text, value: [...text] });
  }

  /** Runs `script` in the page and returns its value. */
  execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /** Runs `script` in the page; it must call `arguments[arguments.length - 1]` when done. */
  executeAsync(script, args = []) {
    return this.cmd("POST", "/execute/async", { script, args });
  }

  /** Resolves once the page has painted two more frames. */
  painted() {
    return this.executeAsync(
      "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
    );
  }

  /** Presses a key with Control held (WebDriver key actions), as a shortcut on the focused page. */
  ctrlKey(key) {
    const CONTROL = "\uE009";
    return this.cmd("POST", "/actions", {
      actions: [{ type: "key", id: "keyboard", actions: [
        { type: "keyDown", value: CONTROL }, { type: "keyDown", value: key }, { type: "keyUp", value: key }, { type: "keyUp", value: CONTROL },
      ] }],
    });
  }

  /** Moves the real pointer (WebDriver actions) to viewport coordinates. */
  pointerTo(x, y) {
    return this.cmd("POST", "/actions", {
      actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [{ type: "pointerMove", duration: 0, origin: "viewport", x: Math.round(x), y: Math.round(y) }] }],
    });
  }

  close() {
    return this.cmd("DELETE", "");
  }
}

async function call(base, method, path, body) {
  const r = await fetch(`${base}${path}`, {
    // A stuck driver or page fails the step that hit it instead of hanging the suite.
    signal: AbortSignal.timeout(90_000),
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) {
    const err = json.value ?? {};
    throw new Error(`${method} ${path}: ${r.status} ${err.error ?? ""} ${err.message ?? ""}`);
  }
  return json.value;
}
