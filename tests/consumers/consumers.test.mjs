// Every export format, fed to the tool that consumes it: the outputs must not only load but mean
// what we meant (the right value behind the right name), also when token names are hostile.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const cli = process.env.COPY_THAT_CLI ?? resolve(here, "../../target/debug/copy-that");
const bin = (name) => join(here, "node_modules/.bin", name);

const HOSTILE = [
  "*/ body { display: none } /*",
  "} :root { --x: 1 }",
  "</style><script>alert(1)</script>",
  "${process.exit(1)}",
  "\"quoted\" 'single' `back`",
  "line\nbreak\u2028separator",
  "🎨 emoji 🚀",
  "--> <!-- ]]>",
];

/** Exports a library in every format into a fresh folder; returns the folder. */
function exportAll(library, extra = []) {
  const dir = mkdtempSync(join(tmpdir(), "copy-that-export-"));
  const lib = join(dir, "library.json");
  writeFileSync(lib, JSON.stringify(library));
  execFileSync(cli, ["export", "--from", lib, "-o", join(dir, "out"), ...extra]);
  return join(dir, "out");
}

let library;
let out;
let hostile;

before(() => {
  const batch = JSON.stringify([
    [4, 8, 8, 16, 16, 24].map((v) => ({ value_px: v, confidence: 0.9, spacing_type: "padding", context: "card padding" })),
    [12, 16, 32, 48].map((v) => ({ value_px: v, confidence: 0.9, spacing_type: "gap", context: "list gap" })),
  ]);
  library = JSON.parse(execFileSync(cli, ["aggregate", "-", "--json"], { input: batch }).toString());
  out = exportAll(library, ["--responsive", "--provenance"]);
  const bad = structuredClone(library);
  bad.tokens.forEach((t, i) => {
    const h = HOSTILE[i % HOSTILE.length];
    t.name = h;
    t.use_case = h;
    t.design_intent = h;
    t.semantic_names.contextual = h;
  });
  hostile = exportAll(bad, ["--responsive", "--provenance"]);
});

const read = (dir, file) => readFileSync(join(dir, file), "utf8");
const expected = () => Object.fromEntries(library.tokens.map((t) => [t.name, `${t.value_px}px`]));

describe("DTCG 2025.10 (Terrazzo)", () => {
  async function parseDtcg(dir) {
    const { defineConfig, parse } = await import("@terrazzo/parser");
    const config = defineConfig({}, { cwd: pathToFileURL(dir + "/") });
    return parse([{ filename: pathToFileURL(join(dir, "tokens.json")), src: read(dir, "tokens.json") }], { config });
  }

  test("validates, with dimension objects and resolved aliases", async () => {
    const { tokens } = await parseDtcg(out);
    // 16 px is step 4 of the 4 px scale, whatever else the set holds.
    assert.deepEqual(tokens["spacing.4"].$value, { value: 16, unit: "px" });
    assert.equal(tokens["spacing.4"].$type, "dimension");
    assert.deepEqual(tokens["semantic.card-padding"].$value, tokens[`spacing.${library.tokens.find((t) => t.semantic_names.contextual === "card-padding").name}`].$value);
  });

  test("validates with hostile names", async () => {
    const { tokens } = await parseDtcg(hostile);
    assert.ok(Object.keys(tokens).length >= library.tokens.length);
  });
});

describe("DTCG resolver 2025.10 (Terrazzo)", () => {
  async function load(dir) {
    const { defineConfig, parse } = await import("@terrazzo/parser");
    const config = defineConfig({}, { cwd: pathToFileURL(dir + "/") });
    const file = join(dir, "tokens.resolver.json");
    return parse([{ filename: pathToFileURL(file), src: read(dir, "tokens.resolver.json") }], { config });
  }

  test("each breakpoint context gives every token its responsive value", async () => {
    const { resolver } = await load(out);
    assert.ok(resolver, "parsed as a resolver");
    for (const t of library.tokens) {
      for (const bp of ["mobile", "tablet", "desktop", "widescreen"]) {
        const tokens = resolver.apply({ breakpoint: bp });
        assert.deepEqual(tokens[`spacing.${t.name}`].$value, { value: t.responsive_scales[bp], unit: "px" }, `${t.name} at ${bp}`);
      }
    }
    // With no input the default context applies: desktop, the measured values.
    const md = library.tokens.find((t) => t.name === "4");
    assert.deepEqual(resolver.apply({})["spacing.4"].$value, { value: md.responsive_scales.desktop, unit: "px" });
  });

  test("parses with hostile names", async () => {
    const { resolver } = await load(hostile);
    assert.ok(Object.keys(resolver.apply({ breakpoint: "mobile" })).length >= library.tokens.length);
  });
});

describe("Style Dictionary v4", () => {
  async function build(dir) {
    const { default: StyleDictionary } = await import("style-dictionary");
    const sd = new StyleDictionary({
      source: [join(dir, "tokens.style-dictionary.json")],
      log: { verbosity: "silent" },
      platforms: { css: { transformGroup: "css", buildPath: join(dir, "sd") + "/", files: [{ destination: "vars.css", format: "css/variables" }] } },
    });
    await sd.buildAllPlatforms();
    return read(join(dir, "sd"), "vars.css");
  }

  test("builds CSS whose values equal ours", async () => {
    const css = await build(out);
    for (const [name, value] of Object.entries(expected())) {
      assert.match(css, new RegExp(`--spacing-${name}: ${value};`), `${name} in\n${css}`);
    }
    assert.match(css, /--semantic-card-padding: /);
  });

  test("builds with hostile names", async () => {
    const css = await build(hostile);
    assert.match(css, /:root \{/);
  });
});

describe("SCSS (sass)", () => {
  const compile = (dir, body) => {
    const sass = require("sass");
    writeFileSync(join(dir, "use.scss"), `@use "spacing" as s;\n${body}`);
    return sass.compile(join(dir, "use.scss"), { loadPaths: [dir] }).css;
  };

  test("the map and function yield our values", () => {
    const css = compile(out, ".card { padding: s.spacing(\"4\"); margin: s.$spacing-6; }\n.r { @include s.spacing-responsive(gap, \"4\"); }");
    assert.match(css, /padding: 16px;/);
    assert.match(css, /margin: 24px;/);
    assert.match(css, /@media \(max-width: 639px\)[^}]*gap: 12px/s);
  });

  test("an unknown key is a clear error", () => {
    assert.throws(() => compile(out, ".x { padding: s.spacing(\"huge\"); }"), /Unknown spacing token `huge`/);
  });

  test("hostile names compile", () => {
    assert.doesNotThrow(() => compile(hostile, ".x { color: red; }"));
  });
});

describe("TypeScript theme (tsc --strict)", () => {
  const check = (dir, usage) => {
    writeFileSync(join(dir, "use.ts"), usage);
    return spawnSync(bin("tsc"), ["--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", join(dir, "spacing.ts"), join(dir, "use.ts")], { encoding: "utf8" });
  };

  test("type-checks with a file that uses it", () => {
    const r = check(out, 'import { spacing, spacingPx, theme, type SpacingKey } from "./spacing";\nconst k: SpacingKey = "4";\nconst v: "16px" = spacing["4"];\nconst n: 16 = spacingPx["4"];\nconst c: "16px" = spacing["card-padding"];\nexport const all = [k, v, n, c, theme.spacingRem["4"]];\n');
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  test("rejects a misspelt key", () => {
    const r = check(out, 'import { spacing } from "./spacing";\nexport const v = spacing.mdd;\n');
    assert.notEqual(r.status, 0);
    assert.match(r.stdout, /Property 'mdd' does not exist/);
  });

  test("hostile names type-check", () => {
    const r = check(hostile, 'import { spacing } from "./spacing";\nexport const n = Object.keys(spacing).length;\n');
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});

describe("Tailwind", () => {
  test("v4 compiles p-4 and gap-6 to our values", () => {
    const dir = join(out, "tw4");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "index.html"), '<div class="p-4 gap-6 flex"></div>');
    const tailwind = join(here, "node_modules/tailwindcss/index.css");
    writeFileSync(join(dir, "input.css"), `@import "${tailwind}";\n@import "../spacing.tailwind.css";\n@source "./index.html";\n`);
    execFileSync(bin("tailwindcss"), ["-i", join(dir, "input.css"), "-o", join(dir, "out.css")], { cwd: here, stdio: "pipe" });
    const css = read(dir, "out.css");
    assert.match(css, /--spacing-4: 16px;/);
    assert.match(css, /--spacing-6: 24px;/);
    assert.match(css, /\.p-4 \{\s*padding: var\(--spacing-4\);/);
    assert.match(css, /\.gap-6 \{\s*gap: var\(--spacing-6\);/);
  });

  test("the v3 config loads and resolves", () => {
    const config = require(join(out, "tailwind.config.js"));
    const resolveConfig = require("tailwindcss3/resolveConfig");
    const full = resolveConfig({ content: [], ...config });
    // Our step 4 is Tailwind's: 16px here, where the default theme says 1rem.
    assert.equal(full.theme.spacing["4"], "16px");
    const firstCard = library.tokens.find((t) => t.semantic_names.contextual === "card-padding");
    assert.equal(full.theme.spacing["card-padding"], `${firstCard.value_px}px`);
    assert.equal(require(join(hostile, "tailwind.config.js")).theme.extend.spacing !== undefined, true);
  });
});

describe("CSS (lightningcss)", () => {
  const parse = (dir) => {
    const { transform } = require("lightningcss");
    const warnings = [];
    const r = transform({ filename: "spacing.css", code: Buffer.from(read(dir, "spacing.css")), errorRecovery: false });
    return { code: r.code.toString(), warnings: r.warnings.concat(warnings) };
  };

  test("parses, with every custom property and media query", () => {
    const { code, warnings } = parse(out);
    assert.deepEqual(warnings, []);
    for (const [name, value] of Object.entries(expected())) {
      assert.match(code, new RegExp(`--spacing-${name}: ${value}`));
    }
    assert.match(code, /@media \(width <= 639px\)|@media \(max-width: 639px\)/);
  });

  test("parses with hostile names, and they only name properties", () => {
    const { code } = parse(hostile);
    assert.doesNotMatch(code, /display:\s*none/);
  });
});

describe("Android XML, Figma JSON, Swift and Dart", () => {
  test("dimens.xml is valid XML with our values", async () => {
    const { XMLParser, XMLValidator } = await import("fast-xml-parser");
    assert.equal(XMLValidator.validate(read(out, "dimens.xml")), true);
    assert.equal(XMLValidator.validate(read(hostile, "dimens.xml")), true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(read(out, "dimens.xml"));
    const md = doc.resources.dimen.find((d) => d["@_name"] === "spacing_4");
    assert.equal(md["#text"], "16dp");
  });

  test("the Figma collection holds our values", () => {
    const figma = JSON.parse(read(out, "spacing.figma.json"));
    const md = figma.collections[0].variables.find((v) => v.name === "spacing/4");
    assert.equal(md.valuesByMode.Default, 16);
    JSON.parse(read(hostile, "spacing.figma.json"));
  });

  test("Swift and Dart declare one constant per token", () => {
    const swift = read(out, "Spacing.swift");
    const dart = read(out, "spacing.dart");
    assert.match(swift, /public static let size4: CGFloat = 16\n/);
    assert.match(dart, /static const double size4 = 16\.0;/);
    for (const text of [read(hostile, "Spacing.swift"), read(hostile, "spacing.dart")]) {
      for (const m of text.matchAll(/(?:static let|static const double) (\S+)/g)) {
        assert.match(m[1], /^[A-Za-z][A-Za-z0-9]*:?$/);
      }
    }
  });
});
