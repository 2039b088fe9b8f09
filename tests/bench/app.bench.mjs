// The desktop app's speed and weight, on a release build in the real window (Xvfb), driven by
// WebDriver: not a test, a benchmark `scripts/bench_app.sh` runs and prints.
//
//  1. launch to an interactive 1,000-token project: from the app process's start (its
//     /proc start time) to the token list drawn with the reopened project's rows;
//  2. total PSS of the app and its WebKit processes with that project open;
//  3. 50 screenshots dropped into the project while the page counts its frames: the longest frame
//     and the 95th percentile while they stream in.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, reapApp, startDriver, waitFor } from "../e2e/webdriver.mjs";
import { dragFiles, windowNamed } from "../e2e/x11.mjs";
import { canvas } from "../e2e/draw.mjs";

const app = process.env.COPY_THAT_APP;
const project = process.env.BENCH_PROJECT ?? "Big";
const runs = Number(process.env.BENCH_RUNS ?? 5);

const ticks = Number(execFileSync("getconf", ["CLK_TCK"]).toString());
const btime = Number(readFileSync("/proc/stat", "utf8").match(/^btime (\d+)/m)[1]);
/** When a process started, in ms since 1970 (the kernel's record, to a clock tick). */
function startedAt(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (btime + Number(fields[19]) / ticks) * 1000;
}
const pidsOf = (name) => {
  try {
    return execFileSync("pgrep", ["-f", name]).toString().trim().split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
/** The app's process and every process below it (WebKit's web and network processes). */
function tree(root) {
  const all = [root];
  for (let i = 0; i < all.length; i++) {
    try {
      const kids = readFileSync(`/proc/${all[i]}/task/${all[i]}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
      all.push(...kids);
    } catch {}
  }
  return all;
}
const pssKb = (pid) => Number(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
const name = (pid) => readFileSync(`/proc/${pid}/comm`, "utf8").trim();
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
};

/** Launches without WebDriver (whose session set-up delays the page): the app's own trace says
 * when the page's startup read was answered, in ms since the process started. */
async function tracedLaunch() {
  const { spawn } = await import("node:child_process");
  const child = spawn(app, [], { env: { ...process.env, COPY_THAT_TRACE_STARTUP: "1" }, stdio: ["ignore", "ignore", "pipe"] });
  let seen = "";
  const ms = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no startup trace in 60 s: ${seen}`)), 60000);
    child.stderr.on("data", (d) => {
      seen += d.toString();
      const m = seen.match(/startup: startup answered at (\d+) ms/);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    });
  });
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await reapApp(app);
  return ms;
}

const driver = await startDriver();
const launches = [];
const phases = [];
let session;
try {
  // Once by hand: open the project, so every launch after reopens it as the last one.
  session = await Session.create(driver.base, app);
  await waitFor("the project list", async () => (await session.execute("return document.querySelector('.app')?.dataset.ready === 'true'")) || null);
  await session.click(await session.find(`[data-project="${project}"] .project-open`));
  await waitFor("the project", async () => (await session.execute("return document.querySelector('#project-title')?.textContent")) === project || null);
  await session.close();
  session = null;
  await reapApp(app);
  for (let run = 0; run < runs; run++) {
    session = await Session.create(driver.base, app);
    const rows = await waitFor("the reopened project's token list", async () => {
      const r = await session.execute(
        "return document.querySelector('#project-title')?.textContent === arguments[0] && document.querySelectorAll('.token-scroller [data-token]').length > 0 ? [Date.now(), document.querySelector('#token-count').textContent, performance.timeOrigin, performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0] : null",
        [project],
      );
      return r;
    }, { intervalMs: 5, timeoutMs: 60000 });
    const pid = pidsOf(app).find((p) => name(p).startsWith("copy-that")) ?? pidsOf(app)[0];
    const start = startedAt(pid);
    launches.push(rows[0] - start);
    // Where the time goes: the process to the page's first navigation (Rust, GTK, WebKit's
    // processes), the page's own loading, and the page to its interactive list (IPC, render).
    phases.push([rows[2] - start, rows[3], rows[0] - rows[2] - rows[3]]);
    if (run === runs - 1) {
      console.log(`project: ${rows[1]}`);
      // Memory with the project open, once the page has settled.
      await new Promise((r) => setTimeout(r, 2000));
      const procs = tree(pid).map((p) => ({ p, name: name(p), pss: pssKb(p) }));
      const total = procs.reduce((s, x) => s + x.pss, 0);
      console.log(`PSS with the project open: ${(total / 1024).toFixed(1)} MB (${procs.map((x) => `${x.name} ${(x.pss / 1024).toFixed(1)}`).join(", ")})`);

      // 50 screenshots streaming in while the page records every frame's interval.
      const shots = mkdtempSync(join(tmpdir(), "copy-that-bench-"));
      const files = [];
      for (let i = 0; i < 50; i++) {
        const c = canvas(1280, 800, [244, 244, 245]);
        for (let k = 0; k < 12; k++) c.fill(40 + (k % 4) * 300, 40 + Math.floor(k / 4) * 240, 260 + (i % 7), 200, [255, 255, 255]);
        c.fill(i, 0, 1, 1, [i, 0, 0]);
        files.push(join(shots, `shot-${String(i).padStart(2, "0")}.png`));
        writeFileSync(files[i], c.png());
      }
      await session.execute("window.__frames = []; let last = performance.now(); const f = (t) => { window.__frames.push(t - last); last = t; if (!window.__stop) requestAnimationFrame(f); }; requestAnimationFrame(f);");
      await dragFiles(files, await windowNamed("Copy That"));
      await waitFor("the 50 screenshots saved", async () => ((await session.execute("return document.querySelector('#batch-summary')?.textContent ?? ''")).startsWith("50 saved")) || null, { timeoutMs: 600000 });
      const frames = await session.execute("window.__stop = true; return window.__frames.slice(2);");
      const f = stats(frames);
      const long = frames.map((ms, i) => [i, ms]).filter(([, ms]) => ms > 100);
      console.log(`frames while 50 screenshots streamed in: ${frames.length}, median ${f.median.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, longest ${f.max.toFixed(1)} ms; over 100 ms: ${long.length} (${long.map(([i, ms]) => `frame ${i}: ${ms.toFixed(0)} ms`).join(", ")})`);
    }
    await session.close();
    session = null;
    await reapApp(app);
  }
  // Without WebDriver the app says when the page's startup read was answered; the page then
  // draws the list. That drawing is bounded by the WebDriver runs' last phase (DOMContentLoaded
  // to the drawn list, the startup call included).
  const traced = [];
  for (let run = 0; run < runs; run++) traced.push(await tracedLaunch());
  const t = stats(traced);
  const draw = stats(phases.map((p) => p[2])).median;
  console.log(`launch without WebDriver, ${runs} runs: process start → startup read answered (last project loaded) median ${t.median.toFixed(0)} ms, worst ${t.max.toFixed(0)} ms; the page draws the list within ${draw.toFixed(0)} ms of loading: at most ${(t.median + draw).toFixed(0)} ms to an interactive project`);
  const l = stats(launches);
  console.log(`with a WebDriver session (its set-up included), ${runs} runs: median ${l.median.toFixed(0)} ms, best ${Math.min(...launches).toFixed(0)} ms, worst ${l.max.toFixed(0)} ms`);
  const part = (k) => stats(phases.map((p) => p[k])).median.toFixed(0);
  console.log(`  of which (medians): process start → page navigation ${part(0)} ms, page load to DOMContentLoaded ${part(1)} ms, then → interactive list ${part(2)} ms`);
} finally {
  if (session) await session.close().catch(() => {});
  await driver.stop();
  await reapApp(app);
}
