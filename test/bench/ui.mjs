// `npm run bench:ui`: the task page (/tasks) of the production build, measured in Chromium
// against the targets of issue 11. It prints what it measured next to each target and asserts
// nothing: a miss is a number in the table, not a failure.
//
// Builds for production (unless --no-build), starts `next start` on a fresh PostgreSQL database
// (as `npm run bench` does, test/bench/harness.mjs), signs users up through the real
// /api/auth/sign-up/email and seeds their tasks ("Bench task <n>") with one INSERT ...
// generate_series. Then, signed in with the session cookie of sign-up:
//
//   lighthouse  Lighthouse's default mobile audit of /tasks with 50 tasks (simulated slow 4G and
//               4x CPU slowdown): performance score, LCP, TBT and CLS as the median of --runs
//               runs (3), accessibility score. Each run in a fresh Chromium (chrome-launcher).
//   lcp         (Playwright, desktop 1280x720, no throttling) /tasks with 50 tasks: the gzipped
//               size of every script the browser downloads while loading the page and until the
//               network is idle; then LCP (PerformanceObserver, buffered) as the median of
//               --runs loads (5), each in a fresh browser context (cold cache).
//   scale       /tasks of a user with 10,000 tasks:
//               - scrolls the list (the window, or the list's own scroll container) a screen at a
//                 time to the end (straight to the end once it is clear that rows stay in the
//                 DOM, i.e. the list is not virtualized), pressing "Load more" when there is one
//                 and waiting for more rows when the page loads them by itself, for at most
//                 --scroll-seconds (120): how many distinct tasks were ever shown as a row, and
//                 the most DOM elements the page had at any step;
//               - keystroke to filtered results: with "task 123" in the search box (11 tasks
//                 match), the time from the keydown of "4" to the first DOM change after which
//                 "Bench task 1234" is the first row shown and the rows are filtered (all match
//                 "task 1234", or, for a page that ranks fuzzy matches, they are no longer the
//                 rows of "task 123"), plus the next frame (median of --runs searches);
//               - toggle: from the click event on a task's checkbox to the first DOM change in
//                 its row after which the checkbox shows the new state, plus the next frame
//                 (median of --runs tasks: the rows nearest the screen; Playwright scrolls each
//                 into view before it clicks), on a fresh page and again after the scroll.
//
// Rows are found by role and content, so that the same bench runs on any version of the page:
// an `li`, listitem, row or option element whose text contains "Bench task <n>"; the checkbox
// inside it (input type=checkbox or role=checkbox); the search box by its label "Search tasks".
//
//   npm run bench:ui -- [--no-build] [--runs N] [--only lighthouse,lcp,scale] [--scroll-seconds 120]
//                       [--save-reports <dir>]  (Lighthouse's JSON reports and the scripts of first load)
//
// Ports: BENCH_PORTS=3600-3699 keeps the app and Lighthouse's Chromium inside a range.

import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { findChromium, HOW_TO_GET_CHROMIUM } from "../../e2e/chromium.mjs";
import { benchDatabase, connect, freePort, logger, markdownTable, onCleanup, seedTasks, signUp, startApp, withCleanup } from "./harness.mjs";

const GROUPS = ["lighthouse", "lcp", "scale"];
const SMALL = 50; // tasks of the user of the Lighthouse, first-load JS and LCP measurements
const LARGE = 10_000; // tasks of the user of the scale measurements (TASKS_PER_USER_MAX)
const VIEWPORT = { width: 1280, height: 720 };
// As playwright.config.ts launches it: root needs --no-sandbox; the rest keeps Chromium off the network.
const BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const { values: args } = parseArgs({
  options: {
    "no-build": { type: "boolean", default: false },
    runs: { type: "string" },
    only: { type: "string", multiple: true },
    "scroll-seconds": { type: "string", default: "120" },
    "save-reports": { type: "string" },
  },
});
const positive = (name, value) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a positive whole number, not ${value}`);
  return number;
};
const runsOr = (fallback) => (args.runs === undefined ? fallback : positive("runs", args.runs));
const only = new Set((args.only ?? GROUPS).flatMap((value) => value.split(",")).map((value) => value.trim()));
for (const group of only) if (!GROUPS.includes(group)) throw new Error(`--only takes ${GROUPS.join(", ")}, not ${group}`);
const scrollSeconds = positive("scroll-seconds", args["scroll-seconds"]);

const log = logger("bench:ui");
const chromePath = findChromium();
if (!chromePath) throw new Error(HOW_TO_GET_CHROMIUM);

// ---- numbers ------------------------------------------------------------------------------------

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${Math.round(value).toLocaleString("en-US")} ms`;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const count = (value) => (value === undefined ? "?" : Math.round(value).toLocaleString("en-US"));
const list = (values, format) => values.map(format).join(", ");

/** One line of the report. `meets` is true, false, or undefined for values without a target. */
const results = [];
const report = (metric, measured, target, meets, runs) => results.push({ metric, measured, target, meets, runs });
const notes = [];

// ---- in the page --------------------------------------------------------------------------------

/**
 * Installed in every page before its own scripts: finds rows, keeps the page's LCP entries, and
 * times interactions. Serialized into the page, so it must not use anything from this module.
 */
function pageHelpers() {
  const ROW = 'li, [role="listitem"], [role="row"], [role="option"]';
  const KEY = /Bench task (\d+)(?!\d)/;
  /** An element's text, a space between its text nodes (so "Bench task 1" and "2 May" stay apart). */
  const textOf = (element) => {
    const parts = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) parts.push(walker.currentNode.data);
    return parts.join(" ");
  };
  const keyOf = (element) => (element ? KEY.exec(textOf(element))?.[1] : undefined);
  const shown = (element) => element.getClientRects().length > 0;
  /** The task rows on the page: innermost row elements naming a bench task. */
  const rows = () => [...document.querySelectorAll(ROW)].filter((row) => keyOf(row) && ![...row.querySelectorAll(ROW)].some(keyOf));
  const checkboxOf = (row) => row?.querySelector('input[type="checkbox"], [role="checkbox"]');
  const isChecked = (box) => (box instanceof HTMLInputElement ? box.checked : box?.getAttribute("aria-checked") === "true");
  const rowOf = (node) => (node instanceof Element ? node : node?.parentElement)?.closest(ROW);

  let lcp = null;
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) lcp = entry;
  }).observe({ type: "largest-contentful-paint", buffered: true });

  const describe = (element) => {
    if (!element) return "(none)";
    const classes = typeof element.className === "string" && element.className ? `.${element.className.trim().split(/\s+/).join(".")}` : "";
    const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 30);
    return `${element.tagName.toLowerCase()}${classes}${text ? ` "${text}"` : ""}`;
  };

  /**
   * Resolves with the milliseconds from the first `startEvent` after this call to the first DOM
   * change after which done(records since the start) holds (`dom`), and to the frame after it
   * (`paint`: a message posted from requestAnimationFrame runs once that frame is drawn).
   */
  const time = (startEvent, done, timeoutMs = 10_000) =>
    new Promise((resolve) => {
      let start = null;
      let finished = false;
      const seen = [];
      const onStart = (event) => (start ??= event.timeStamp);
      const finish = (result) => {
        finished = true;
        observer.disconnect();
        window.removeEventListener(startEvent, onStart, true);
        resolve(result);
      };
      const observer = new MutationObserver((records) => {
        if (start === null || finished) return;
        const now = performance.now(); // when the DOM changed, before done() looks at it
        seen.push(...records);
        if (!done(seen)) return;
        const dom = now - start;
        finished = true;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => finish({ dom, paint: performance.now() - start });
          channel.port2.postMessage(null);
        });
      });
      window.addEventListener(startEvent, onStart, true);
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => finished || finish({ timeout: true, started: start !== null }), timeoutMs);
    });

  // The scroll test's record of every task ever shown as a row (rows may come and go).
  const everShown = new Set();
  let lastRow = null;
  let rowsRemoved = false; // a virtualized list takes rows out of the DOM as they scroll away
  const note = (row) => {
    const key = keyOf(row);
    if (key) {
      everShown.add(key);
      lastRow = row;
    }
  };
  let collector = null;
  let maxNodes = 0;
  const sampleNodes = () => (maxNodes = Math.max(maxNodes, document.getElementsByTagName("*").length));
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

  /** The element that scrolls the list: its nearest scrollable ancestor, else the document. */
  const scrollerOf = (row) => {
    for (let element = row?.parentElement; element && element !== document.body && element !== document.documentElement; element = element.parentElement) {
      const { overflowY } = getComputedStyle(element);
      if (/(auto|scroll|overlay)/.test(overflowY) && element.scrollHeight > element.clientHeight + 1) return element;
    }
    return null;
  };
  const atEnd = (element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 2;

  window.__bench = {
    ready: () => rows().filter(shown).length > 0,
    lcp: () => (lcp ? { time: lcp.startTime, size: lcp.size, element: describe(lcp.element) } : null),
    shownKeys: () => rows().filter(shown).map(keyOf),
    /** The `n` rows with a checkbox nearest the viewport (those in it first), in page order. */
    nearScreen: (n) => {
      const distance = (row) => {
        const box = row.getBoundingClientRect();
        return Math.max(0, box.top < 0 ? -box.bottom : box.bottom - innerHeight);
      };
      const candidates = rows()
        .filter((row) => checkboxOf(row) && shown(row))
        .map((row, order) => ({ row, order, distance: distance(row) }));
      return candidates
        .sort((a, b) => a.distance - b.distance || a.order - b.order)
        .slice(0, n)
        .sort((a, b) => a.order - b.order)
        .map(({ row }) => ({ key: keyOf(row), checked: isChecked(checkboxOf(row)) }));
    },
    /** The first `n` shown rows (at least `n`) contain `text`: a search for it has been answered. */
    settled: (text, n) => {
      const first = rows().filter(shown).slice(0, n);
      return first.length === n && first.every((row) => textOf(row).toLowerCase().includes(text.toLowerCase()));
    },
    /**
     * Times the next keystroke until `key`'s row is the first row shown and the rows are filtered:
     * every shown row contains `text`, or (for a page that ranks fuzzy matches) the shown rows
     * are no longer those shown before the keystroke.
     */
    timeSearch: (text, key) => {
      const needle = text.toLowerCase();
      const keysBefore = window.__bench.shownKeys().join();
      window.__pending = time("keydown", () => {
        const shownRows = rows().filter(shown);
        if (keyOf(shownRows[0]) !== key) return false;
        return shownRows.every((row) => textOf(row).toLowerCase().includes(needle)) || shownRows.map(keyOf).join() !== keysBefore;
      });
    },
    /**
     * Times the next click until a DOM change in `key`'s row after which its checkbox is `checked`.
     * From the click event, not the pointerdown: Playwright sends the press and the release as two
     * commands, and the time between them is the bench's, not the page's.
     */
    timeToggle: (key, checked) => {
      const find = () => rows().find((candidate) => keyOf(candidate) === key);
      let row = find();
      window.__pending = time("click", (records) => {
        if (!row?.isConnected) row = find(); // looked up again only when React replaced it
        if (!row || isChecked(checkboxOf(row)) !== checked) return false;
        return records.some((record) => row.contains(record.target) || [...record.addedNodes].some((node) => node.contains(row)));
      });
    },
    loadMoreShown: () => [...document.querySelectorAll("button")].some((button) => /load more/i.test(button.textContent ?? "") && button.getClientRects().length > 0),
    startCollecting: () => {
      for (const row of rows()) note(row);
      collector = new MutationObserver((records) => {
        for (const record of records) {
          note(rowOf(record.target));
          for (const node of record.addedNodes) {
            if (!(node instanceof Element)) continue;
            note(node.closest(ROW));
            for (const row of node.querySelectorAll(ROW)) note(row);
          }
          for (const node of record.removedNodes) {
            if (node instanceof Element && (keyOf(node.matches(ROW) ? node : node.querySelector(ROW)) !== undefined)) rowsRemoved = true;
          }
        }
      });
      collector.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
      sampleNodes();
    },
    stopCollecting: () => {
      collector?.disconnect();
      for (const row of rows()) note(row);
      sampleNodes();
      return { shown: everShown.size, maxNodes };
    },
    progress: () => ({ shown: everShown.size, height: document.documentElement.scrollHeight, nodes: sampleNodes() }),
    /**
     * Scrolls one screen further (the list's own scroller first, then the window), or straight to
     * the end with `jump`, then waits two frames.
     */
    scrollStep: async (jump) => {
      const inner = scrollerOf(lastRow);
      const page = document.scrollingElement;
      if (inner && !atEnd(inner)) inner.scrollTop = jump ? inner.scrollHeight : inner.scrollTop + inner.clientHeight;
      else page.scrollTop = jump ? page.scrollHeight : page.scrollTop + page.clientHeight;
      await frame();
      await frame();
      sampleNodes();
      return { atEnd: (!inner || atEnd(inner)) && atEnd(page), shown: everShown.size, height: page.scrollHeight, nodes: maxNodes, rowsRemoved };
    },
  };
}

/** With --save-reports <dir>: Lighthouse's full reports and the list of scripts, to see where a number comes from. */
async function saveReport(name, text) {
  await mkdir(args["save-reports"], { recursive: true });
  const file = path.join(args["save-reports"], name);
  await writeFile(file, text);
  log(`saved ${file}`);
}

// ---- browsers -----------------------------------------------------------------------------------

async function lighthouseRun(url, cookie) {
  const chrome = await chromeLauncher.launch({ chromePath, port: await freePort(), chromeFlags: ["--headless=new", ...BROWSER_ARGS], logLevel: "silent" });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: { Cookie: cookie } });
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (args["save-reports"]) await saveReport(`lighthouse-${Date.now()}.json`, JSON.stringify(lhr));
    const audit = (id) => lhr.audits[id]?.numericValue;
    const failing = lhr.categories.accessibility.auditRefs.map((ref) => lhr.audits[ref.id]).filter((result) => result.score !== null && result.score < 1);
    return {
      finalUrl: lhr.finalDisplayedUrl,
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      fcp: audit("first-contentful-paint"),
      domSize: audit("dom-size-insight") ?? audit("dom-size"),
      benchmarkIndex: lhr.environment?.benchmarkIndex,
      failing: failing.map((result) => result.id),
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    await chrome.kill();
  }
}

async function measureLighthouse(url, cookie, runs) {
  const done = [];
  for (let i = 1; i <= runs; i++) {
    const result = await lighthouseRun(url, cookie);
    if (!new URL(result.finalUrl).pathname.startsWith("/tasks")) throw new Error(`Lighthouse ended on ${result.finalUrl}, not /tasks: the session cookie was not accepted`);
    log(`lighthouse ${i}/${runs}: performance ${result.performance}, LCP ${ms(result.lcp)}, TBT ${ms(result.tbt)}, CLS ${result.cls.toFixed(3)}, accessibility ${result.accessibility}`);
    for (const warning of result.warnings) log(`lighthouse warning: ${warning}`);
    done.push(result);
  }
  const pick = (key) => done.map((result) => result[key]);
  const performance = median(pick("performance"));
  const accessibility = Math.min(...pick("accessibility"));
  const [lcp, tbt, cls] = ["lcp", "tbt", "cls"].map((key) => median(pick(key)));
  report("Lighthouse mobile: performance score", String(performance), "≥ 95", performance >= 95, `median of ${list(pick("performance"), String)}`);
  report("Lighthouse mobile: LCP", ms(lcp), "(printed only)", undefined, `median of ${list(pick("lcp"), ms)}`);
  report("Lighthouse mobile: TBT", ms(tbt), "≤ 200 ms", tbt <= 200, `median of ${list(pick("tbt"), ms)}`);
  report("Lighthouse mobile: CLS", cls.toFixed(3), "≤ 0.05", cls <= 0.05, `median of ${list(pick("cls"), (value) => value.toFixed(3))}`);
  report("Lighthouse mobile: accessibility score", String(accessibility), "100", accessibility >= 100, `lowest of ${list(pick("accessibility"), String)}`);
  const failing = [...new Set(done.flatMap((result) => result.failing))];
  notes.push(
    `Lighthouse: simulated throttling (Lantern), FCP ${list(pick("fcp"), ms)}, DOM size ${list(pick("domSize"), count)} elements, ` +
      `benchmarkIndex ${list(pick("benchmarkIndex"), (value) => String(Math.round(value)))}` +
      (failing.length ? `; failing accessibility audits: ${failing.join(", ")}` : ""),
  );
}

/** A signed-in browser context (fresh cache and storage) with the page helpers installed. */
async function signedInContext(browser, appUrl, user) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addCookies(user.cookies.map((cookie) => ({ ...cookie, url: appUrl })));
  await context.addInitScript(pageHelpers);
  return context;
}

/** Opens /tasks and waits for its first rows and an idle network. */
async function openTasks(context, appUrl, onPage = () => {}) {
  const page = await context.newPage();
  onPage(page);
  await page.goto(`${appUrl}/tasks`, { waitUntil: "load" });
  if (!page.url().includes("/tasks")) throw new Error(`/tasks went to ${page.url()}: the session cookie was not accepted`);
  await page.waitForFunction(() => window.__bench.ready(), null, { timeout: 30_000 });
  await page.waitForLoadState("networkidle");
  return page;
}

async function measureLoad(browser, appUrl, user, runs) {
  // First-load JS: every script response while /tasks loads, until the network is idle.
  const context = await signedInContext(browser, appUrl, user);
  const scripts = [];
  await openTasks(context, appUrl, (page) => page.on("response", (response) => response.request().resourceType() === "script" && scripts.push(response)));
  let raw = 0;
  let gzipped = 0;
  let wire = 0;
  const encodings = new Set();
  const files = [];
  for (const response of scripts) {
    const body = await response.body();
    raw += body.length;
    const size = gzipSync(body, { level: 9 }).length;
    gzipped += size;
    files.push(`${kb(size)}\t${new URL(response.url()).pathname}`);
    wire += (await response.request().sizes()).responseBodySize;
    encodings.add((await response.headerValue("content-encoding")) ?? "none");
  }
  await context.close();
  if (args["save-reports"]) await saveReport("first-load-js.tsv", `${files.join("\n")}\n`);
  report("/tasks first-load JS, gzip -9", kb(gzipped), "≤ 150 kB", gzipped <= 150_000, `${scripts.length} files; ${kb(raw)} raw, ${kb(wire)} on the wire (${[...encodings].join(", ")})`);

  // LCP, each load in a fresh context: nothing cached.
  const loads = [];
  for (let i = 1; i <= runs; i++) {
    const loadContext = await signedInContext(browser, appUrl, user);
    const page = await openTasks(loadContext, appUrl);
    await page.waitForTimeout(300);
    const lcp = await page.evaluate(() => window.__bench.lcp());
    await loadContext.close();
    if (!lcp) throw new Error("no largest-contentful-paint entry");
    log(`desktop LCP ${i}/${runs}: ${ms(lcp.time)} (${lcp.element})`);
    loads.push(lcp);
  }
  const lcp = median(loads.map((load) => load.time));
  report("LCP, desktop localhost, no throttling", ms(lcp), "≤ 400 ms", lcp <= 400, `median of ${list(loads.map((load) => load.time), ms)}`);
  notes.push(`Desktop LCP elements: ${[...new Set(loads.map((load) => load.element))].join("; ")}`);
}

/** Search numbers: four digits, so that "task <n>" matches exactly one of tasks 1..10,000 and "task <n without its last digit>" eleven. */
const searchKeys = (n) => Array.from({ length: n }, (_, i) => String(1001 + ((i * 2357 + 233) % 8999)));

async function measureScale(browser, appUrl, user, runs) {
  const context = await signedInContext(browser, appUrl, user);

  // (c) keystroke to filtered results
  {
    const page = await openTasks(context, appUrl);
    const box = page
      .getByRole("searchbox", { name: /search tasks/i })
      .or(page.getByRole("combobox", { name: /search tasks/i }))
      .or(page.getByLabel(/search tasks/i))
      .first();
    const timings = [];
    for (const key of searchKeys(runs)) {
      const text = `task ${key}`;
      const prefix = text.slice(0, -1);
      await box.fill(prefix);
      await page.waitForFunction((needle) => window.__bench.settled(needle, 2), prefix, { timeout: 30_000 });
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(500);
      await page.evaluate(([needle, expected]) => window.__bench.timeSearch(needle, expected), [text, key]);
      await box.press(text.at(-1));
      const result = await page.evaluate(() => window.__pending);
      if (result.timeout) throw new Error(`search "${text}": no filtered result within 10 s (${result.started ? "after" : "no"} keydown)`);
      log(`search "${prefix}" + "${text.at(-1)}": ${ms(result.paint)} (DOM ${ms(result.dom)})`);
      timings.push(result);
    }
    const paint = median(timings.map((timing) => timing.paint));
    report(
      `${count(LARGE)} tasks: keystroke to filtered results`,
      ms(paint),
      "≤ 100 ms",
      paint <= 100,
      `median of ${list(timings.map((timing) => timing.paint), ms)} (DOM: ${list(timings.map((timing) => timing.dom), ms)})`,
    );
    await page.close();
  }

  const toggles = async (page, label) => {
    const targets = await page.evaluate((n) => window.__bench.nearScreen(n), runs);
    if (targets.length < runs) throw new Error(`toggle: only ${targets.length} rows with a checkbox`);
    const timings = [];
    for (const { key, checked } of targets) {
      await page.evaluate(([expectedKey, expected]) => window.__bench.timeToggle(expectedKey, expected), [key, !checked]);
      await page.getByRole("checkbox", { name: new RegExp(`Bench task ${key}(?!\\d)`) }).first().click();
      const result = await page.evaluate(() => window.__pending);
      if (result.timeout) throw new Error(`toggle of "Bench task ${key}": no change of its row within 10 s`);
      log(`toggle "Bench task ${key}" (${label}): ${ms(result.paint)} (DOM ${ms(result.dom)})`);
      timings.push(result);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
    }
    const paint = median(timings.map((timing) => timing.paint));
    report(
      `${count(LARGE)} tasks: toggle on screen, ${label}`,
      ms(paint),
      "≤ 50 ms",
      paint <= 50,
      `median of ${list(timings.map((timing) => timing.paint), ms)} (DOM: ${list(timings.map((timing) => timing.dom), ms)})`,
    );
  };

  // (d) toggle, on a freshly loaded page
  {
    const page = await openTasks(context, appUrl);
    await toggles(page, "fresh page");
    await page.close();
  }

  // (a), (b) scroll to the end, then (d) again down there
  {
    const page = await openTasks(context, appUrl);
    await page.evaluate(() => window.__bench.startCollecting());
    const loadMore = page.getByRole("button", { name: /load more/i });
    const started = Date.now();
    const deadline = started + scrollSeconds * 1000;
    let steps = 0;
    let jumps = 0;
    let clicks = 0;
    let capped = false;
    let rowsRemoved = false;
    let lastLog = started;
    for (;;) {
      if (Date.now() > deadline) {
        capped = true;
        break;
      }
      // A screen at a time, so that a virtualized list renders every row on the way. Once three
      // screens have gone by and no row has left the DOM, the list keeps its rows: from then on,
      // straight to the end (where "Load more" is), or this would take many minutes.
      const jump = steps >= 3 && !rowsRemoved;
      const step = await page.evaluate((toEnd) => window.__bench.scrollStep(toEnd), jump);
      rowsRemoved = step.rowsRemoved;
      steps++;
      if (jump) jumps++;
      if (Date.now() - lastLog > 10_000) {
        log(`scrolling: ${count(step.shown)} tasks shown so far, ${count(step.nodes)} elements at most, ${Math.round((Date.now() - started) / 1000)} s`);
        lastLog = Date.now();
      }
      if (!step.atEnd) continue;
      if ((await loadMore.count()) > 0 && (await loadMore.first().isVisible())) {
        await loadMore.first().click();
        clicks++;
        await page
          .waitForFunction((shownBefore) => window.__bench.progress().shown > shownBefore || !window.__bench.loadMoreShown(), step.shown, {
            timeout: Math.max(1, deadline - Date.now()),
            polling: 50,
          })
          .catch(() => {}); // the time cap
        continue;
      }
      // No button: wait a little for a page that loads more by itself as the end comes into view
      // (compared with the step, as it may have done so already).
      const grew = await page
        .waitForFunction(
          (previous) => {
            const now = window.__bench.progress();
            return now.shown > previous.shown || now.height > previous.height;
          },
          step,
          { timeout: 3_000, polling: 100 },
        )
        .then(() => true)
        .catch(() => false);
      if (!grew) break;
    }
    const seconds = (Date.now() - started) / 1000;
    const { shown, maxNodes } = await page.evaluate(() => window.__bench.stopCollecting());
    const how =
      `${Math.round(seconds)} s${capped ? ` (stopped at the ${scrollSeconds} s cap)` : ""}, ${count(steps - jumps)} one-screen scrolls` +
      `${jumps ? `, ${count(jumps)} jumps to the end (rows stayed in the DOM)` : ""}, ${count(clicks)} "Load more" clicks`;
    report(`${count(LARGE)} tasks: reachable by scrolling`, `${count(shown)} of ${count(LARGE)}`, count(LARGE), shown >= LARGE, how);
    report(`${count(LARGE)} tasks: most DOM elements while scrolling`, count(maxNodes), "≤ 1,500", maxNodes <= 1500, `document.getElementsByTagName('*').length after every step, with ${count(shown)} tasks shown`);
    await toggles(page, "after scrolling to the end");
    await page.close();
  }
  await context.close();
}

// ---- main ---------------------------------------------------------------------------------------

await withCleanup(main);

async function main() {
  const databaseUrl = await benchDatabase();
  const { appUrl } = await startApp({ databaseUrl, build: !args["no-build"] });
  const db = await connect(databaseUrl);
  const small = { ...(await signUp(appUrl)), count: SMALL };
  const large = only.has("scale") ? { ...(await signUp(appUrl)), count: LARGE } : null;
  log(`seeding ${SMALL} tasks for one user${large ? ` and ${count(LARGE)} for another` : ""}`);
  await seedTasks(db, large ? [small, large] : [small]);

  const groups = [];
  if (only.has("lighthouse")) groups.push(["lighthouse", () => measureLighthouse(`${appUrl}/tasks`, small.cookie, runsOr(3))]);
  let browser;
  const launch = async () => {
    if (!browser) {
      browser = await chromium.launch({ executablePath: chromePath, args: BROWSER_ARGS });
      onCleanup(() => browser.close());
    }
    return browser;
  };
  if (only.has("lcp")) groups.push(["lcp", async () => measureLoad(await launch(), appUrl, small, runsOr(5))]);
  if (only.has("scale")) groups.push(["scale", async () => measureScale(await launch(), appUrl, large, runsOr(5))]);
  for (const [name, measure] of groups) {
    const started = Date.now();
    log(`measuring: ${name}`);
    try {
      await measure();
    } catch (error) {
      log(`${name} failed: ${error.stack ?? error.message}`);
      report(`${name}: failed`, "error", "", false, error.message.split("\n")[0]);
    }
    log(`${name} took ${Math.round((Date.now() - started) / 1000)} s`);
  }

  const cpus = os.cpus();
  console.log(
    `\nTasks page bench (/tasks, production build): ${cpus.length} x ${cpus[0]?.model.trim()}, load ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(" ")}, Node ${process.version}, ${chromePath}\n`,
  );
  const meets = (value) => (value === undefined ? "" : value ? "yes" : "NO");
  console.log(
    markdownTable(
      ["metric", "measured", "target", "met", "runs / how"],
      results.map((result) => [result.metric, result.measured, result.target, meets(result.meets), result.runs]),
      ["left", "right", "right", "left", "left"],
    ),
  );
  if (notes.length) console.log(`\n${notes.map((line) => `- ${line}`).join("\n")}`);
}
