// viewer-convert.js — files the viewer does not install as they are (JSON datasets, logs to import, OpenStreetMap
// extracts) go through the tools module, a wasm of its own fetched the first time one is converted (then cached):
// they come back as the viewer's own formats (.bkr, with the importer's report for logs; .bkm), with a progress bar
// between the steps.
// Which file is which, and which converter takes it, is the core's file-kind table (bk_classify_file, bk_file_kinds).
import { compileWasm, inlineResource, lazyModule } from './viewer-files.js';
import { SITE } from './site-manifest.js';

let tools = null;   // Promise of the instantiated module, once asked for

// The tools module (bukchon-tools.js + .wasm), fetched and compiled once per page; the offline single file carries
// both inline (viewer-files.js's inlineResource), so nothing is fetched there.
export function loadTools(onProgress = () => {}) {
  if (!tools) {
    tools = (async () => {
      const [{ default: createTools }, wasm] = await Promise.all([
        lazyModule('bukchon-tools.js'),
        compileWasm(new URL(SITE.wasm.tools, import.meta.url).href, (got, total) => onProgress(total ? got / total : 0)),
      ]);
      return createTools({ instantiateWasm: (imports, receive) => {
        WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm));
        return {};
      } });
    })();
    tools.catch(() => { tools = null; });   // a failed download may be tried again
  }
  return tools;
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

// Runs `converter` on `files` ([{name, bytes}]) with `options` (src/convert/converter.hpp), stepping between frames
// so the page can show `onProgress(fraction, stage)`. Resolves {recording, map, report, text} (Uint8Arrays, a JSON
// object); rejects with the converter's message (it names the file and what was expected).
// `hooks.zoneAt(lat, lon)`: the zone at a position (a zoneSpec), asked by the importer for logs without a zone.
export async function convert(converter, files, options, onProgress = () => {}, hooks = {}) {
  onProgress(0, 'loading');
  const m = await loadTools((f) => onProgress(0.05 * f, 'loading'));
  m.zoneAt = hooks.zoneAt || null;
  const encoder = new TextEncoder();
  const text = (s) => {
    const b = encoder.encode(`${s}\0`);
    const p = m._malloc(b.length);
    m.HEAPU8.set(b, p);
    return p;
  };
  try {
    for (const f of files) {
      const name = text(f.name);
      const ptr = m._bk_tools_file(name, f.bytes.length);
      m._free(name);
      m.HEAPU8.set(f.bytes, ptr);
    }
    const c = text(converter), o = text(JSON.stringify(options || {}));
    m._bk_tools_start(c, o);
    m._free(c);
    m._free(o);
    while (!m._bk_tools_step(40)) {
      onProgress(0.05 + 0.95 * m._bk_tools_progress(), m.UTF8ToString(m._bk_tools_stage()));
      await frame();
    }
    onProgress(0.95, m.UTF8ToString(m._bk_tools_stage()));   // what is left (the map's assembly) runs in finish
    await frame();
    const r = JSON.parse(m.UTF8ToString(m._bk_tools_finish()));
    if (r.error) {
      const error = new Error(r.error);
      error.report = r.report ? JSON.parse(r.report) : null;   // an import that found nothing usable says why, in full
      throw error;
    }
    const bytes = ([ptr, n]) => (n ? m.HEAPU8.slice(ptr, ptr + n) : null);
    return { recording: bytes(r.recording), map: bytes(r.map), report: r.report ? JSON.parse(r.report) : null,
             reportText: r.report || '', text: r.text };
  } finally {
    m.zoneAt = null;
    m._bk_tools_clear();
  }
}

const stem = (name) => name.replace(/\.[^.]*$/, '');
const osmBase = (name) => name.replace(/(\.osm)?(\.pbf|\.xml)?(\.gz|\.bz2)?$/i, '');

// Files as read (key → {name, bytes}; keys are file-kind names, "table#i" for each log, "spreadsheet#i" for each
// workbook, "osm") → the viewer's kinds:
// the logs imported into one recording (a sensors file dropped beside them is their sites) with its report as the
// "report" kind; a JSON dataset (map.geojson, sensors.geojson + recording.json, either or both) converted into .bkm
// and .bkr. An OpenStreetMap extract is left for convertOsm, which wants the data's extent once it is loaded.
// `ctx`: {zone (the import's time zone: an offset or a zone name, `tz=`), sheet (a workbook's sheet by name; default:
// the first with data), converterFor(kind, first bytes) (the file-kind table's: "" for the viewer's own .bkr and
// .bkm), onProgress(fraction, file, stage)}.
export async function convertLogs(files, ctx) {
  const out = {};
  const isLog = (k) => k.startsWith('table') || k.startsWith('spreadsheet');   // workbooks are logs to the importer
  const tables = Object.entries(files).filter(([k]) => isLog(k));
  for (const [k, f] of Object.entries(files)) if (!isLog(k) && k !== 'osm') out[k] = f;
  const own = (k) => out[k] && !ctx.converterFor(k, out[k].bytes.subarray(0, 16));
  if (tables.length) {
    if (out.recording) throw new Error(`${out.recording.name}: load a recording or logs to import, not both`);
    const inputs = tables.map(([, f]) => f);
    if (out.sensors) { inputs.push(out.sensors); delete out.sensors; }
    const label = inputs.map((f) => f.name).join(', ');
    // No zone given: the importer asks where the sensors stand (the lookup is fetched only now); when their places
    // came after the readings (a sites file), it names the zone and the logs are read once more in it.
    const zoneAt = ctx.zone ? null : await zoneLookup();
    const run = (zone, found) => convert('import', inputs, { timeZone: zoneSpec(zone), zoneByPosition: found,
                                                            ...(ctx.sheet ? { sheet: ctx.sheet } : {}) },
                                         (f, stage) => ctx.onProgress(f, label, stage), { zoneAt });
    let r = await run(ctx.zone, false);
    if (!ctx.zone && r.report?.zoneSuggested) r = await run(r.report.zoneSuggested, true);
    out.recording = { name: `${stem(inputs[0].name)}.bkr`, bytes: r.recording };
    out.report = { name: 'import-report.json', bytes: new TextEncoder().encode(r.reportText) };
  } else if (own('recording')) {
    delete out.sensors;   // a binary recording carries its own sensors
  }
  const json = ['map', 'sensors', 'recording'].filter((k) => out[k] && !own(k));
  if (!json.length) return out;
  const inputs = json.map((k) => out[k]);
  const label = inputs.map((f) => f.name).join(', ');
  const r = await convert('json', inputs, { kinds: json }, (f, stage) => ctx.onProgress(f, label, stage));
  if (r.map) out.map = { name: `${stem(out.map.name)}.bkm`, bytes: r.map };
  if (r.recording) out.recording = { name: `${stem(out.recording.name)}.bkr`, bytes: r.recording };
  delete out.sensors;   // inside the recording now
  return out;
}

// The logs among files as read (and a sensors file beside them: their sites): what setImportZone reads again.
export const logsOf = (files) => Object.fromEntries(Object.entries(files).filter(([k]) => k.startsWith('table') || k === 'sensors'));

// An OpenStreetMap extract → {map: {name, bytes}} (a .bkm), cut to `around` (the sensors' [west, south, east,
// north], from the state) with a margin when there is data; the map's title is the file's name.
export async function convertOsm(file, around, onProgress) {
  const options = { name: osmBase(file.name) };
  if (around) options.around = around;
  const r = await convert('osm', [file], options, (f, stage) => onProgress(f, file.name, stage));
  return { map: { name: `${osmBase(file.name)}.bkm`, bytes: r.map }, report: r.report };
}

// The zone at a position, as the importer's hook wants it (a zoneSpec, or null): the tz-lookup grid (npm
// @photostructure/tz-lookup, in dist/vendor; the single file carries it inline), fetched on first use. Null when it
// cannot be had (a failed download): the importer then reads the times as UTC and says so.
const TZ_LOOKUP_URL = new URL('vendor/tz-lookup.mjs', import.meta.url).href;
let lookup = null;
async function zoneLookup() {
  if (!lookup) {
    lookup = (async () => {
      const inline = inlineResource(TZ_LOOKUP_URL);
      if (!inline) return (await import(TZ_LOOKUP_URL)).default;
      const url = URL.createObjectURL(new Blob([inline], { type: 'text/javascript' }));
      try { return (await import(url)).default; } finally { URL.revokeObjectURL(url); }
    })();
    lookup.catch(() => { lookup = null; });
  }
  try {
    const find = await lookup;
    return (lat, lon) => {
      try { return zoneSpec(find(lat, lon)); } catch (e) { return null; }   // outside the grid: no zone
    };
  } catch (e) {
    return null;
  }
}

// The time zone for imported local times: an offset ("+09:00", "UTC-5") as is, or a zone name ("Europe/Lisbon"),
// whose offset changes the browser knows: sent as transitions (wasm has no time-zone database).
export function zoneSpec(zone) {
  const spec = zone || '';
  if (!spec.includes('/')) return spec;
  const offsetAt = (ms) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric',
                                                    day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(ms));
    const v = Object.fromEntries(parts.map((p) => [p.type, Number(p.value)]));
    return Math.round((Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute) - Math.floor(ms / 60000) * 60000) / 60000);
  };
  try {
    const from = Date.UTC(1990, 0, 1), to = Date.UTC(2040, 0, 1), day = 86400000;
    const initial = offsetAt(from);
    const transitions = [];
    let prev = initial;
    for (let t = from + day; t <= to; t += day) {
      const now = offsetAt(t);
      if (now === prev) continue;
      let lo = t - day, hi = t;  // the change is in (lo, hi]: narrow it to the minute
      while (hi - lo > 60000) { const mid = lo + Math.floor((hi - lo) / 120000) * 60000; if (offsetAt(mid) === prev) lo = mid; else hi = mid; }
      transitions.push([hi, now]);
      prev = now;
    }
    return { name: zone, initial, transitions };
  } catch (e) {
    return zone;  // not a zone the browser knows: the importer says so in its report
  }
}
