// End-to-end: the real app window under Xvfb, driven through tauri-driver and WebKitWebDriver.
// Run by scripts/e2e.sh, which provides the display, a D-Bus session and isolated app data.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Session, startDriver, waitFor } from "./webdriver.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const app = process.env.COPY_THAT_APP ?? resolve(here, "../../target/debug/copy-that-app");
const artifacts = join(here, "artifacts");

let driver;
let session;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  driver = await startDriver();
  session = await Session.create(driver.base, app);
});

after(async () => {
  if (session) await session.close().catch(() => {});
  if (driver) await driver.stop();
});

test("Analyse runs the Rust aggregate command and shows the inferred scale", async () => {
  const button = await waitFor("the Analyse button", () => session.find("#analyse"));
  await session.click(button);

  // The sample (three screenshots' values on a 4 px grid) must come back from Rust as a 4 px base
  // with one row per distinct value.
  const base = await waitFor("the base unit from Rust", async () => {
    const t = await session.text(await session.find("#base-unit"));
    return t.includes("px") ? t : null;
  });
  assert.match(base, /Base unit 4 px/);
  const rows = await session.findAll("table.tokens tbody tr");
  assert.equal(rows.length, 8, "4 8 12 16 24 32 48 64 are eight tokens");
  assert.equal(await session.text(await session.find('tr[data-token="md"] td:nth-child(2)')), "16");

  const png = await session.screenshot();
  writeFileSync(join(artifacts, "quick-scale.png"), Buffer.from(png, "base64"));
});
