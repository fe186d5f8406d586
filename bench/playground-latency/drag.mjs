// Drives bench/playground-latency (see run.sh for what is measured): one headless Chromium, anonymous browser
// contexts that each drag the mouse across the Playground's latent map (~60 Hz), and the map's own latency record.
// Usage: node drag.mjs <base url> <playwright-core install dir> <phases, e.g. 1:10,30:15> [java pid]
// Environment: LEAN=1 adds Chromium flags against background throttling; SIMULATE=1 keeps one real page per phase
// and lets the other users be HTTP clients that decode exactly like the map component (see simulatedUser).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [base, playwrightDir, phaseSpec = '1:10,30:15', javaPid] = process.argv.slice(2);
const require = createRequire(path.join(playwrightDir, 'node_modules', 'noop.js'));
const { chromium } = require('playwright-core');

const MODEL = 'shipped:vae-2d';
const PAGE = new URL(`playground?model=${MODEL}&view=map`, base).href;
const MAP = 'latent-map#playground-map';
// A move every 16 ms: 62.5 Hz rather than 60, so that the moves drift through every phase of the browser's 60 Hz
// frames within a run instead of locking onto one (which made runs differ by 15 ms at the median).
const TICK_MS = 16;
const WARM_UP_MS = 1000;
const LOAD_PARALLEL = 4;
const STAGGER_MS = 500;
const LEAN = process.env.LEAN === '1';
const SIMULATE = process.env.SIMULATE === '1';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sorted = (values) => Float64Array.from(values).sort();
function percentile(values, p) {
  if (values.length === 0) return NaN;
  return values[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))];
}
const fmt = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'NaN');

// CPU seconds (user + system) from /proc: of the app, and of Chromium (all processes below this Node process).
function procTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // the process ended meanwhile
    }
  }
  return table;
}
function cpuSnapshot() {
  const table = procTable();
  const below = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of table) {
      if (!below.has(pid) && below.has(p.ppid)) { below.add(pid); grew = true; }
    }
  }
  below.delete(process.pid);
  let chromium = 0;
  for (const pid of below) chromium += table.get(pid)?.cpu ?? 0;
  const node = process.cpuUsage();
  // All CPUs' busy time (the first line of /proc/stat, in 1/100 s): what else ran is busy - java - chromium - node.
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]
    .trim().split(/\s+/).slice(1).map(Number);
  return { at: performance.now(), java: table.get(Number(javaPid))?.cpu ?? 0, chromium,
    node: (node.user + node.system) / 1e6, busy: (user + nice + system + irq + softirq + steal) / 100 };
}

const decodeUrl = (x, y) => new URL(`api/playground/decode?model=${encodeURIComponent(MODEL)}`
  + `&x=${x.toFixed(5)}&y=${y.toFixed(5)}`, base).href;

// A browser session as a page of the Playground has one: the cookie of the page's own HTTP session, which its map's
// requests carry (the server's per-client decode allowance is counted per session; without one, per address).
async function pageSession() {
  const page = await fetch(new URL('playground', base));
  await page.arrayBuffer();
  return (page.headers.get('set-cookie') ?? '').split(';')[0];
}

// The server's first decodes run on cold code (the JIT compiles for seconds): warm it up outside the measurement,
// from two sessions at about 120 decodes a second each (under the per-client allowance, as a fast drag is).
async function warmUpServer(seconds) {
  const end = performance.now() + seconds * 1000;
  await Promise.all([0, 1].map(async () => {
    const headers = { cookie: await pageSession() };
    while (performance.now() < end) {
      const began = performance.now();
      const response = await fetch(decodeUrl(Math.random() * 6 - 3, Math.random() * 6 - 3), { headers });
      if (!response.ok) throw new Error(`warm-up decode: HTTP ${response.status}`);
      await response.arrayBuffer();
      await sleep(Math.max(0, 8 - (performance.now() - began)));
    }
  }));
}

// A new server leads every page to its first-run setup until an admin exists: create one (a random password)
// with the setup code from the server's log.
async function firstRunSetup(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('setup', base).href, { waitUntil: 'load', timeout: 120_000 });
  const create = page.locator('#setup-create');
  if (await create.waitFor({ timeout: 15_000 }).then(() => true, () => false)) {
    const password = `bench-${Math.random().toString(36).slice(2)}-${Date.now()}`;
    // The one-time code the server printed in its log (run.sh reads it from there).
    await page.locator('#setup-code input').fill(process.env.SETUP_CODE ?? '');
    await page.locator('#username input').fill('bench-admin');
    await page.locator('#display-name input').fill('Benchmark admin');
    await page.locator('#password input').fill(password);
    await page.locator('#password-repeat input').fill(password);
    await create.click();
    await page.waitForURL((url) => !url.pathname.endsWith('/setup'), { timeout: 30_000 });
  }
  await context.close();
}

// A new anonymous session whose page shows the map with its points and the first decoded digit.
async function openUser(browser, errors) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  // Beside the map's own figure: how long each pointer event waited in the renderer before any handler ran (its
  // timeStamp is when the browser received it), and each decode request's time as the page's network stack saw
  // it (request sent to response read, which includes the server).
  await page.addInitScript(() => {
    window.__inputDelays = [];
    window.__fetches = [];
    // The map decodes from pointerrawupdate where the browser has it (Chromium), else from pointermove.
    window.addEventListener('onpointerrawupdate' in window ? 'pointerrawupdate' : 'pointermove',
      (e) => window.__inputDelays.push(performance.now() - e.timeStamp), { capture: true, passive: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name.includes('/api/playground/decode')) window.__fetches.push(entry.responseEnd - entry.startTime);
      }
    }).observe({ type: 'resource' });
  });
  await page.goto(PAGE, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction((selector) => {
    const map = window.inspectLatentMap?.(document.querySelector(selector));
    return map && map.decodedCount > 0;
  }, MAP, { timeout: 120_000, polling: 100 });
  const canvas = page.locator(`${MAP} canvas.map`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box || box.width < 50) throw new Error(`the map canvas is not visible (${JSON.stringify(box)})`);
  const cdp = await context.newCDPSession(page);
  return { context, page, box, cdp };
}

// The map's decode record, read through the page's inspectLatentMap (frontend/playground/latent-map/inspection.ts).
const readState = (page) => page.evaluate((selector) => {
  const map = inspectLatentMap(document.querySelector(selector));
  return { latencies: map.latencies.length, decoded: map.decodedCount, inputs: window.__inputDelays.length,
    fetches: window.__fetches.length };
}, MAP);

// Where the hand is t seconds into the drag: a Lissajous figure over 84 % of the square, a few hundred px/s.
function lissajous(box, seed) {
  const phase = seed * 2.399;
  return (t) => [box.x + box.width * (0.5 + 0.42 * Math.sin(2 * Math.PI * 0.37 * t + phase)),
    box.y + box.height * (0.5 + 0.42 * Math.sin(2 * Math.PI * 0.53 * t + phase / 2))];
}

// A person's drag: press, then a mouse move every TICK_MS, release. The events go straight to Chromium's input
// pipeline over the DevTools protocol (Input.dispatchMouseEvent), as a mouse's would. Playwright's page.mouse is
// not used for the moves: with a button down it runs scripts in the page before and after every move (to detect
// HTML drag and drop) and waits for them, which halves the move rate and loads the renderer with work a real drag
// does not make. Like a hand, the ticks do not wait for the browser: a move goes out on time unless MAX_UNACKED
// earlier moves of this page are still unacknowledged (then that tick is skipped, and counted).
const MAX_UNACKED = 3;
async function drag(user, durationMs, seed) {
  const { page, box, cdp } = user;
  const at = lissajous(box, seed);
  const mouse = (type, [x, y], buttons) => cdp.send('Input.dispatchMouseEvent',
    { type, x, y, button: 'left', buttons, clickCount: type === 'mouseMoved' ? 0 : 1, pointerType: 'mouse' });
  await mouse('mouseMoved', at(0), 0);
  await mouse('mousePressed', at(0), 1);
  const start = performance.now();
  let mark = null;
  let sent = 0;
  let skipped = 0;
  let unacked = 0;
  let failure = null;
  for (let tick = 1; ; tick++) {
    const wait = start + tick * TICK_MS - performance.now();
    if (wait > 0) await sleep(wait);
    const elapsed = performance.now() - start;
    if (elapsed >= durationMs) break;
    if (!mark && elapsed >= WARM_UP_MS) {
      mark = readState(page).then((state) => ({ ...state, at: performance.now() }));
    }
    if (unacked >= MAX_UNACKED) {
      skipped++;
      continue;
    }
    unacked++;
    sent++;
    mouse('mouseMoved', at(elapsed / 1000), 1).then(() => unacked--, (e) => { unacked--; failure ??= e; });
  }
  const end = performance.now();
  await mouse('mouseReleased', at((end - start) / 1000), 0);
  if (failure) throw failure;
  const from = (await mark) ?? { latencies: 0, decoded: 0, inputs: 0, fetches: 0, at: start };
  await sleep(400); // the last answer comes back and is painted
  const result = await page.evaluate(({ selector, from }) => {
    const element = document.querySelector(selector);
    const map = inspectLatentMap(element);
    return { latencies: map.latencies.slice(from.latencies), decoded: map.decodedCount - from.decoded,
      inputDelays: window.__inputDelays.slice(from.inputs), fetches: window.__fetches.slice(from.fetches),
      status: element.shadowRoot.querySelector('.status')?.textContent.trim() ?? '' };
  }, { selector: MAP, from });
  return { ...result, seconds: (end - from.at) / 1000, sent, skipped };
}

// SIMULATE=1: a user whose browser is elsewhere. It makes the requests the map component makes for the same drag
// (latent-map/decode-pump.ts): the position changes every TICK_MS; one decode in flight, and when it is answered
// the latest position is requested at once if the pointer moved meanwhile. It keeps its session cookie
// and reads the map once, as the page does. Its times are not in the latency figures (no browser paints them).
async function simulatedUser(durationMs, seed) {
  const cookie = await pageSession();
  const first = await fetch(new URL(`api/playground/map?model=${encodeURIComponent(MODEL)}`, base),
    { headers: { cookie } });
  if (!first.ok) throw new Error(`map: HTTP ${first.status}`);
  const map = await first.json();
  const [x0, x1, y0, y1] = map.bounds;
  const at = lissajous({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, seed);
  const start = performance.now();
  let decoded = 0;
  let fromDecoded = null;
  let moved = false;
  let inFlight = null;
  let failure = null;
  const pump = () => {
    if (inFlight || !moved || failure) return;
    moved = false;
    const [x, y] = at((performance.now() - start) / 1000);
    inFlight = fetch(decodeUrl(x, y), { headers: cookie ? { cookie } : {} })
      .then(async (response) => {
        if (!response.ok) throw new Error(`decode: HTTP ${response.status}`);
        await response.arrayBuffer();
        decoded++;
      })
      .catch((e) => { failure ??= e; })
      .finally(() => { inFlight = null; pump(); });
  };
  for (let tick = 1; ; tick++) {
    const wait = start + tick * TICK_MS - performance.now();
    if (wait > 0) await sleep(wait);
    const elapsed = performance.now() - start;
    if (elapsed >= durationMs) break;
    if (fromDecoded === null && elapsed >= WARM_UP_MS) fromDecoded = { decoded, at: performance.now() };
    moved = true;
    pump();
  }
  const end = performance.now();
  await inFlight;
  return { latencies: [], decoded: decoded - (fromDecoded?.decoded ?? 0), inputDelays: [], fetches: [],
    status: failure ? failure.message : '', seconds: (end - (fromDecoded?.at ?? start)) / 1000, sent: 0, skipped: 0 };
}

async function phase(browser, users, seconds) {
  const errors = [];
  const pages = SIMULATE ? 1 : users;
  const opened = [];
  for (let i = 0; i < pages; i += LOAD_PARALLEL) {
    const batch = Math.min(LOAD_PARALLEL, pages - i);
    opened.push(...(await Promise.all(Array.from({ length: batch }, () => openUser(browser, errors)))));
  }
  const before = cpuSnapshot();
  const results = await Promise.all(Array.from({ length: users }, async (_, i) => {
    if (users > 1) await sleep(Math.random() * STAGGER_MS);
    return i < pages ? drag(opened[i], seconds * 1000, i + 1) : simulatedUser(seconds * 1000, i + 1);
  }));
  const after = cpuSnapshot();
  await Promise.all(opened.map((user) => user.context.close()));

  const latencies = sorted(results.flatMap((r) => r.latencies));
  const delays = sorted(results.flatMap((r) => r.inputDelays));
  const fetches = sorted(results.flatMap((r) => r.fetches));
  const decodes = results.reduce((sum, r) => sum + r.decoded, 0);
  const window = Math.max(...results.map((r) => r.seconds));
  const sent = results.reduce((sum, r) => sum + r.sent, 0);
  const skipped = results.reduce((sum, r) => sum + r.skipped, 0);
  const wall = (after.at - before.at) / 1000;
  const used = (key) => after[key] - before[key];
  const share = (key) => `${Math.round((100 * used(key)) / wall)}%`;
  const others = Math.max(0, used('busy') - used('java') - used('chromium') - used('node'));
  for (const r of results) {
    if (r.status) errors.push(`a map shows an error: ${r.status}`);
  }
  const who = SIMULATE && users > 1 ? ` (1 browser page, ${users - 1} simulated)` : '';
  console.log(`users=${users} moves=${latencies.length} decodes=${decodes} p50_ms=${fmt(percentile(latencies, 50))}`
    + ` p95_ms=${fmt(percentile(latencies, 95))} p99_ms=${fmt(percentile(latencies, 99))}`
    + ` max_ms=${fmt(percentile(latencies, 100))}`);
  console.log(`  users=${users}${who} decodes_per_s=${(decodes / window).toFixed(0)} over ${window.toFixed(1)} s;`
    + ` mouse moves sent ${(sent / pages / seconds).toFixed(0)}/s per page (${skipped} ticks skipped, browser`
    + ` behind); input delay p50_ms=${fmt(percentile(delays, 50))} p95_ms=${fmt(percentile(delays, 95))};`
    + ` decode fetch p50_ms=${fmt(percentile(fetches, 50))} p95_ms=${fmt(percentile(fetches, 95))};`
    + ` cpu java=${share('java')} chromium=${share('chromium')} node=${share('node')}`
    + ` other processes=${Math.round((100 * others) / wall)}% (of ${os.availableParallelism() * 100}%)`);
  return { p95: percentile(latencies, 95), errors, count: latencies.length };
}

const args = ['--no-sandbox', '--disable-background-networking', '--disable-component-update'];
if (LEAN) {
  args.push('--disable-renderer-backgrounding', '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows', '--disable-extensions', '--mute-audio');
}
await warmUpServer(5);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
let failed = false;
const p95 = {};
try {
  await firstRunSetup(browser);
  for (const spec of phaseSpec.split(',')) {
    const [users, seconds] = spec.split(':').map(Number);
    const result = await phase(browser, users, seconds);
    p95[users] = result.p95;
    for (const e of result.errors) console.error(e);
    if (result.count === 0) console.error(`users=${users}: no latencies recorded`);
    if (result.count === 0 || result.errors.some((e) => e.startsWith('a map shows'))) failed = true;
  }
} finally {
  await browser.close();
}
console.log(Object.entries(p95).map(([users, v]) => `p95_ms_${users}_user${users === '1' ? '' : 's'}=${fmt(v)}`)
  .join(' '));
process.exit(failed ? 1 : 0);
