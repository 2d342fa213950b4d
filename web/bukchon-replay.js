// bukchon-replay.js — the embedding contract: createViewer(element, options) → Promise<Viewer> (docs/api.md).
// Each viewer is its own wasm instance on its own canvas, so several on one page stay independent.
import createBukchonModule from './bukchon.js';
import { createChrome } from './viewer-chrome.js';
import { StoryPlayer } from './story.js';

const HERE = new URL('.', import.meta.url).href;
const LAYERS = ['bin', 'parking', 'noise', 'footfall', 'air', 'fire', 'other', 'route'];  // bit order (SensorType, route)
const DATA_FILES = { map: 'map.geojson', sensors: 'sensors.geojson', recording: 'recording.json' };
const STEP_MS = 15 * 60 * 1000;
const MAX_MESSAGE_BYTES = 1024 * 1024;  // a postMessage command's JSON (src/core/embed_command.hpp)

// ---- URL parameters -------------------------------------------------------------------------------------------
// The page's query string is read by the viewer's core (src/core/launch_params.cpp: decoding, the rules in
// docs/api.md, a message for every value it cannot use): pass it as createViewer(element, {query: location.search}).

// ---- downloads ------------------------------------------------------------------------------------------------

// The offline single file (dist/bukchon-replay.html) carries every resource inline, base64, keyed by its path
// relative to this module; then nothing is fetched at all (file:// pages cannot fetch).
function inlineResource(url) {
  const inline = globalThis.BUKCHON_RESOURCES;
  if (!inline || !url.startsWith(HERE)) return null;
  const encoded = inline[url.slice(HERE.length).split(/[?#]/)[0]];
  if (encoded === undefined) return null;
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function fetchBytes(url, onProgress = () => {}, signal) {
  const inline = inlineResource(new URL(url, location.href).href);
  if (inline) {
    onProgress(inline.length, inline.length);
    return inline;
  }
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (e) {
    throw new Error(`could not download ${url}: the network request failed (${e.message})`);
  }
  if (!response.ok) throw new Error(`could not download ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  const total = Number(response.headers.get('Content-Length')) || 0;
  if (!response.body || !response.body.getReader) {
    const buffer = new Uint8Array(await response.arrayBuffer());
    onProgress(buffer.length, buffer.length);
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
  return bytes;
}

const decodeJson = (bytes) => JSON.parse(new TextDecoder().decode(bytes));

// A manifest: {map?, sensors, recording} or {map?, readings, sites?} (logs to import), relative to itself.
function manifestUrls(url, manifest) {
  const out = {};
  for (const [k, v] of Object.entries(manifest)) {
    if (typeof v !== 'string') continue;
    if (k in DATA_FILES) out[k] = new URL(v, url).href;
    else if (k === 'readings' || k === 'sites') out[`table#${k}`] = new URL(v, url).href;
  }
  return out;
}

// Which file is which when files are dropped or picked: by name first, then by content. Logs to import (CSV,
// TSV, text, GeoJSON points with times) are "table"s: the importer decides readings vs sites by their columns.
const TABLE = /\.(csv|tsv|txt)$/i;
function classify(name, bytes) {
  const lower = name.toLowerCase();
  const magic = bytes.length >= 4 ? String.fromCharCode(...bytes.subarray(0, 4)) : '';
  if (magic === 'BKRB') return 'recording';  // binary recording
  if (magic === 'BKMB') return 'map';  // binary map
  if (TABLE.test(lower)) return 'table';
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('{')) return 'table';
  const head0 = new TextDecoder().decode(bytes.subarray(0, 4096));
  if (!head0.includes('"bukchon-recording"') && /"(time|timestamp|datetime|measured_at|측정시간)"\s*:/.test(head0)) return 'table';
  if (lower.includes('recording')) return 'recording';
  if (lower.includes('sensor')) return 'sensors';
  if (lower.includes('map')) return 'map';
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  if (head.includes('"bukchon-recording"')) return 'recording';
  if (/"type"\s*:\s*"Point"/.test(head) && /"id"\s*:/.test(head)) return 'sensors';
  return 'map';
}

// ---- the viewer -----------------------------------------------------------------------------------------------

/**
 * Creates a viewer inside `element` (it becomes the viewer's frame: give it a size).
 * Options (docs/api.md): the URL parameters' options (lang, t, speed, play, loop, layers, sensor, view, ui, kiosk,
 * story, palette, kioskIdleSeconds, data, timezone, detail), plus
 *   query: a URL query string (location.search) whose parameters the core reads; options given here win over it
 *   defaults: options that apply unless the query or the options say otherwise (embed.html: {ui: 'minimal'})
 *   base: URL of the folder holding bukchon.wasm, fonts and data (default: this module's folder)
 *   allowDataOrigins: extra origins a `data` URL from the page's address may come from (default: same origin only)
 *   maxFileBytes, onProgress(fraction, message)
 */
export async function createViewer(element, options = {}) {
  // Startup marks (performance.getEntriesByType('mark')): bk:start, bk:wasm, bk:data, bk:first-frame.
  const mark = (name) => { try { performance.mark(name); } catch { /* marks are optional */ } };
  mark('bk:start');
  const base = options.base || HERE;
  // The viewer's own styles, once per page (a stylesheet file, so a strict Content-Security-Policy allows it).
  const css = new URL('bukchon-replay.css', base).href;
  const inlineCss = inlineResource(css);
  if (inlineCss && !document.getElementById('bk-inline-css')) {
    const style = document.createElement('style');
    style.id = 'bk-inline-css';
    style.textContent = new TextDecoder().decode(inlineCss);
    document.head.appendChild(style);
  } else if (!inlineCss && ![...document.styleSheets].some((s) => s.href === css) && !document.querySelector(`link[href="${css}"]`)) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    document.head.appendChild(link);
  }
  const listeners = new Map();
  const emit = (event, payload) => (listeners.get(event) || []).forEach((fn) => { try { fn(payload); } catch (e) { console.warn(e); } });
  let strings = { strings: {} };
  // Until the language file arrives (or if it cannot), the loading card speaks English.
  const BOOT = { loading: 'Loading…', loadingMB: 'Loading {mb} MB', retry: 'Try again', dismiss: 'Dismiss',
                 cannotStart: 'Could not start', 'error.title': 'Could not load that data',
                 'error.kept': 'The previous data is still shown.', 'aria.map': 'Map of Bukchon with replayed IoT sensor readings' };
  const text = (key) => strings.strings[key] || BOOT[key] || key;
  const chrome = createChrome(element, text);
  const canvas = chrome.canvas;
  const state = { module: null, destroyed: false, story: null, lang: 'en', fonts: null };

  const languageUrl = (code) => new URL(`assets/i18n/${encodeURIComponent(code)}.json`, base).href;
  const LANG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
  // What to download depends on `lang` and `data`; when only the query names them, those downloads wait until the
  // core has read it (just after the module starts). Nothing else of the query is looked at here.
  const query = typeof options.query === 'string' ? options.query : '';
  const asked = new URLSearchParams(query);
  const deferLang = options.lang === undefined && asked.has('lang');
  const deferData = options.data === undefined && asked.has('data');
  let wanted = LANG.test(options.lang || '') ? options.lang : 'en';

  // Where the data comes from. The Bukchon week ships as a binary recording too (sensors inside): no JSON to parse
  // before the first frame. A `data` URL taken from the page's address is same-origin only unless allowed.
  let dataSource = options.data || { map: new URL('assets/bukchon/map.bkm', base).href,
                                     recording: new URL('assets/bukchon/recording.bkr', base).href };
  const checkDataOrigin = (source) => {
    const origin = new URL(source, location.href).origin;
    const allowed = [location.origin, ...(options.allowDataOrigins || [])];
    if (!allowed.includes(origin)) {
      throw new Error(`data=${source}: loading data from ${origin} is not allowed by this page (same origin only)`);
    }
  };
  const dataUrls = async (source) => {
    if (typeof source === 'object') return source;
    const url = new URL(source, location.href);
    if (url.pathname.endsWith('/')) return Object.fromEntries(Object.entries(DATA_FILES).map(([k, f]) => [k, new URL(f, url).href]));
    if (TABLE.test(url.pathname)) return { table: url.href };  // a log to import
    if (/\.bkr$/i.test(url.pathname)) return { recording: url.href };  // a binary recording: sensors inside
    return manifestUrls(url, decodeJson(await fetchBytes(url.href)));
  };

  // Everything downloads in parallel; progress is the sum of bytes over the sum of known sizes.
  const abort = new AbortController();
  let firstFailure = null;
  const progress = {};
  const report = () => {
    if (abort.signal.aborted) return;
    const parts = Object.values(progress);
    const got = parts.reduce((a, p) => a + p.got, 0);
    const total = parts.reduce((a, p) => a + (p.total || p.got), 0);
    const message = text('loadingMB').replace('{mb}', (got / 1048576).toFixed(1));
    chrome.progress(total ? got / total : 0, message);
    options.onProgress?.(total ? got / total : 0, message);
  };
  const download = (key, url) => {
    progress[key] = { got: 0, total: 0 };
    const bytes = fetchBytes(url, (got, total) => { progress[key] = { got, total }; report(); }, abort.signal);
    bytes.catch((e) => { firstFailure = firstFailure || e; abort.abort(); });
    const reported = bytes.catch((e) => { throw firstFailure || e; });
    reported.catch(() => {});  // a download nobody awaits after a failure is not an unhandled rejection
    return reported;
  };

  try {
    const english = download('langEn', languageUrl('en'));
    // Another language is optional: if its file is missing the viewer speaks English (and says so).
    const optionalLanguage = (code) => fetchBytes(languageUrl(code), () => {}, abort.signal);
    let lang = wanted === 'en' ? english : optionalLanguage(wanted);
    lang.catch(() => {});
    const wasm = download('wasm', new URL('bukchon.wasm', base).href);
    // The WebGL2 context is made now, while the files download: the GPU process starts it on its own (a second
    // on a software renderer), and the first frame waits only for what is left of that. At the canvas's final
    // size and with the attributes of web_main.cpp's hints, so GLFW's window adopts it as it is.
    const dpr = Math.min(4, Math.max(0.5, window.devicePixelRatio || 1));
    const box = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(box.width * dpr));
    canvas.height = Math.max(1, Math.round(box.height * dpr));
    if (!canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false, alpha: true })) {
      throw new Error('this browser cannot create a WebGL2 context (WebGL2 is needed to draw the map)');
    }
    const fontRegular = download('fontRegular', new URL('assets/fonts/NanumGothic-subset.ttf', base).href);
    const fontBold = download('fontBold', new URL('assets/fonts/NanumGothicBold-subset.ttf', base).href);
    const startData = async () => {
      const urls = await dataUrls(dataSource);
      return { urls, files: Object.fromEntries(Object.entries(urls).map(([kind, url]) => [kind, download(kind, url)])) };
    };
    let data = deferData ? null : await startData();
    // Fallback font packs (other cities' scripts): the engine asks for them by name once the text in use needs
    // them; the answer, bytes or the reason, goes back the same way. Nothing waits for them.
    const fetchFontFile = (name) => {
      fetchBytes(new URL(`assets/fonts/${name}`, base).href).then(
        (bytes) => { if (!state.destroyed) str(state.module, name, (n) => heap(state.module, bytes, (p, l) => state.module._bk_add_font_file(n, p, l))); },
        (e) => { if (!state.destroyed) str(state.module, name, (n) => str(state.module, e.message, (w) => state.module._bk_font_file_failed(n, w))); });
    };

    const languageProblems = [];
    const useLanguage = async () => {
      strings = decodeJson(await english);
      if (lang === english) return;
      try {
        strings = decodeJson(await lang);
      } catch (e) {
        languageProblems.push(`URL parameter lang=${wanted}: no usable language file (${e.message}); showing English`);
      }
    };
    if (!deferLang) await useLanguage();
    chrome.relabel();
    let fatal = null;
    const wasmBytes = await wasm;
    mark('bk:downloaded');
    // The engine compiles the module on its own threads (the context was made while everything downloaded).
    const compiled = WebAssembly.compile(wasmBytes);
    compiled.catch(() => {});  // awaited below
    const wasmModule = await compiled;
    let instantiateFailed;
    const instantiation = new Promise((resolve, reject) => { instantiateFailed = reject; });
    const module = await Promise.race([instantiation, createBukchonModule({
      canvas,
      instantiateWasm: (imports, receive) => {
        WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), instantiateFailed);
        return {};  // exports arrive through receive()
      },
      locateFile: (path) => new URL(path, base).href,
      print: (t) => console.log(t),
      printErr: (t) => console.warn(t),
      onFatal: (message) => { fatal = message; emit('error', message); },
      onFontFile: (name) => fetchFontFile(name),
    })]);
    if (fatal) throw new Error(fatal);
    state.module = module;
    const launch = JSON.parse(module.UTF8ToString(str(module, query, (p) => module._bk_launch_params(p))));
    state.urlOptions = Object.freeze(launch.options);
    options = { ...(options.defaults || {}), ...launch.options, ...options };
    if (deferLang) {
      wanted = options.lang || 'en';
      if (wanted !== 'en') lang = optionalLanguage(wanted);
      await useLanguage();
      chrome.relabel();
    }
    if (deferData) {
      if (options.data) {
        dataSource = options.data;
        if (options.dataFromUrl) checkDataOrigin(dataSource);
      }
      data = await startData();
    }
    state.urlProblems = [...launch.problems, ...languageProblems];
    state.fonts = [await fontRegular, await fontBold];
    const [regular, bold] = state.fonts;
    registerPageFonts(regular, bold);
    heap(module, regular, (rp, rl) => heap(module, bold, (bp, bl) => module._bk_set_fonts(rp, rl, bp, bl)));
    mark('bk:wasm');
    applyLanguage(module, strings, `${strings.lang}.json`);
    state.lang = strings.lang;
    if (window.matchMedia) module._bk_set_reduced_motion(matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0);
    const loaded = {};
    for (const [kind, bytes] of Object.entries(data.files)) loaded[kind] = { name: new URL(data.urls[kind], location.href).pathname.split('/').pop(), bytes: await bytes };
    setImportTimeZone(module, options.timezone);
    const s = commit(module, loaded, emit);
    mark('bk:data');
    if (s.import && Object.keys(loaded).some((k) => k.startsWith('table'))) state.importReport = s.import;
    if (s.error) throw new Error(s.error);
  } catch (error) {
    abort.abort();  // stop the other downloads: their progress must not overwrite the reason on the card
    if (!state.destroyed) chrome.failed(error.message, () => location.reload());
    throw error;
  }
  chrome.loaded();
  requestAnimationFrame(() => requestAnimationFrame(() => mark('bk:first-frame')));
  if (state.urlProblems.length) chrome.showNotice(text('url.title'), state.urlProblems, text('url.kept'));
  const module = state.module;
  if (state.importReport) chrome.showReport(state.importReport);

  // ---- the API ----
  let ids = { version: -1, list: [] };   // sensor ids, fetched once per dataset
  const sensorIds = (version) => {
    if (version !== ids.version) ids = { version, list: Object.freeze(JSON.parse(module.UTF8ToString(module._bk_sensor_ids()))) };
    return ids.list;
  };
  const parseState = () => { const s = JSON.parse(module.UTF8ToString(module._bk_state())); s.sensorIds = sensorIds(s.dataVersion); return s; };
  const getState = () => ({ ...parseState(), ui: uiMode, kiosk: !!options.kiosk, urlProblems: state.urlProblems,
                            story: state.story ? state.story.status() : null, palette: paletteName,
                            heapBytes: module.HEAPU8.length, heapUsedBytes: module._bk_heap_used() });
  const toTimeMs = (value) => {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string') {
      const ms = str(module, value, (p) => module._bk_parse_time(p));
      if (Number.isFinite(ms)) return ms;
    }
    throw new TypeError(`seek: expected milliseconds or an ISO 8601 time with offset (e.g. "2026-05-11T12:00:00+09:00"), got ${JSON.stringify(value)}`);
  };
  let uiMode = 'full';
  const limits = { maxFileBytes: options.maxFileBytes > 0 ? options.maxFileBytes : 1024 * 1024 * 1024 };
  module._bk_set_max_file_bytes(limits.maxFileBytes);
  let paletteName = 'default';
  const viewer = {
    getState,
    urlOptions: state.urlOptions,  // what the core read from the query (e.g. embed.html's `parents`)
    // A postMessage-shaped command ({bukchon: 1, id, cmd, args}): the core checks and normalizes it
    // (src/core/embed_command.cpp), then it runs. Resolves {ignored: reason} for a message that is not a
    // well-formed command, {id, ok: false, error} for bad arguments, {id, ok: true, result} after running.
    async command(message) {
      const blobs = [];
      let text = '';
      try {
        text = JSON.stringify(message, (key, value) => (value instanceof Blob ? { $blob: blobs.push(value) - 1 } : value)) || '';
      } catch { /* cyclic or otherwise unserializable: the core ignores an empty message */ }
      let bytes = new TextEncoder().encode(text);
      if (bytes.length > MAX_MESSAGE_BYTES) bytes = bytes.subarray(0, MAX_MESSAGE_BYTES + 1);  // the core says it is too large
      const r = JSON.parse(module.UTF8ToString(heap(module, bytes, (ptr, len) => module._bk_embed_command(ptr, len))));
      if (r.status === 'ignored') return { ignored: r.reason };
      if (r.status === 'invalid') return { id: r.id, ok: false, error: r.error };
      const unblob = (v) => (Array.isArray(v) && v.length && v.every((x) => x && typeof x.$blob === 'number') ? v.map((x) => blobs[x.$blob]) : v);
      const args = r.cmd === 'load' ? r.args.map(unblob) : r.args;
      try {
        return { id: r.id, ok: true, result: await viewer[r.cmd](...args) };
      } catch (error) {
        return { id: r.id, ok: false, error: String(error && error.message ? error.message : error) };
      }
    },
    play() { module._bk_play(); return getState(); },
    pause() { module._bk_pause(); return getState(); },
    seek(time) { module._bk_seek(toTimeMs(time)); return getState(); },
    setSpeed(x) {
      if (typeof x !== 'number' || !(x > 0)) throw new TypeError(`setSpeed: expected a positive number, got ${JSON.stringify(x)}`);
      module._bk_set_speed(x);
      return getState();
    },
    setLoop(on) { module._bk_set_loop(on ? 1 : 0); return getState(); },
    select(id) { str(module, id == null ? '' : String(id), (p) => module._bk_select(p)); return getState(); },
    setLayers(names) {
      const unknown = names.filter((n) => !LAYERS.includes(n));
      if (unknown.length) throw new TypeError(`setLayers: unknown layer ${unknown.join(', ')}; layers are ${LAYERS.join(', ')}`);
      module._bk_set_layers(names.reduce((m, n) => m | (1 << LAYERS.indexOf(n)), 0));
      return getState();
    },
    flyTo(lat, lon, zoom, { animate = true } = {}) {
      if (![lat, lon, zoom].every(Number.isFinite)) throw new TypeError('flyTo: expected numbers lat, lon, zoom');
      module._bk_set_view(lat, lon, zoom, animate ? 1 : 0);
      return getState();
    },
    resetView() { module._bk_reset_view(); return getState(); },
    // The next (+1) or previous (-1) notable event from the replay time: seek there, select, fly (as a feed click).
    nextEvent(direction = 1) { module._bk_next_event(direction < 0 ? -1 : 1); return getState(); },
    // Select the next (+1) or previous (-1) visible sensor and fly to it: "clicking" without a pointer.
    selectNext(direction = 1) { module._bk_select_next(direction < 0 ? -1 : 1); return getState(); },
    zoomBy(factor) { module._bk_zoom_by(factor); return getState(); },
    setUi(mode) {
      const modes = ['full', 'minimal', 'none'];
      if (!modes.includes(mode)) throw new TypeError(`setUi: expected one of ${modes.join(', ')}`);
      uiMode = mode;
      module._bk_set_ui_mode(modes.indexOf(mode));
      return getState();
    },
    // Size limits for loaded files (bytes): bigger files are refused with a message instead of exhausting memory.
    setLimits({ maxFileBytes } = {}) {
      if (!(maxFileBytes > 0)) throw new TypeError('setLimits: expected { maxFileBytes: a positive number }');
      limits.maxFileBytes = maxFileBytes;
      module._bk_set_max_file_bytes(maxFileBytes);
      return getState();
    },
    // Level of detail: 'auto' (thousands of sensors on screen become a dot matrix; alerts stay glyphs) or 'glyphs'
    // (every sensor drawn as its glyph, whatever the count).
    setDetail(mode) {
      if (!['auto', 'glyphs'].includes(mode)) throw new TypeError('setDetail: expected "auto" or "glyphs"');
      module._bk_set_detail_limit(mode === 'glyphs' ? 0 : 3000);
      return getState();
    },
    setPalette(name) {
      if (!['default', 'colourblind'].includes(name)) throw new TypeError('setPalette: expected "default" or "colourblind"');
      paletteName = name;
      module._bk_set_palette(name === 'colourblind' ? 1 : 0);
      return getState();
    },
    async setLanguage(code) {
      const next = decodeJson(await fetchBytes(languageUrl(code)));
      applyLanguage(module, next, `${code}.json`);
      strings = next;
      state.lang = next.lang;
      chrome.relabel();
      state.story?.refresh();
      emit('language', next.lang);
      return getState();
    },
    screenPositionOf(id) {
      return JSON.parse(str(module, String(id), (p) => module.UTF8ToString(module._bk_screen_position(p))));
    },
    // Loads another dataset: a folder URL, a manifest URL, {map?, sensors, recording} URLs, or File objects.
    // Rejects with the message if it cannot be used; the current dataset stays on screen.
    async load(source) {
      let files;
      if (source instanceof FileList || Array.isArray(source)) {
        files = {};
        for (const [i, file] of [...source].entries()) {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const kind = classify(file.name, bytes);
          files[kind === 'table' ? `table#${i}` : kind] = { name: file.name, bytes };
        }
      } else {
        const urls = await dataUrls(source);
        // A folder need not have a map (a city without one gets the neutral basemap): a missing map.geojson is fine.
        const optional = typeof source === 'string' && new URL(source, location.href).pathname.endsWith('/') ? ['map'] : [];
        const entries = await Promise.all(Object.entries(urls).map(async ([kind, url]) => {
          try {
            return [kind, { name: new URL(url, location.href).pathname.split('/').pop(), bytes: await fetchBytes(url) }];
          } catch (e) {
            if (optional.includes(kind) && / 404 /.test(e.message)) return null;
            throw e;
          }
        }));
        files = Object.fromEntries(entries.filter(Boolean));
      }
      for (const [, file] of Object.entries(files)) {
        if (file.bytes.length > limits.maxFileBytes) {
          const mb = (n) => (n / 1048576).toFixed(1);
          const message = `${file.name} is ${mb(file.bytes.length)} MB; the limit is ${mb(limits.maxFileBytes)} MB`;
          chrome.showError(message);
          throw new Error(message);
        }
      }
      setImportTimeZone(module, options.timezone);
      const s = commit(module, files, emit);
      const imported = Object.keys(files).some((k) => k.startsWith('table'));
      if (imported && s.import) chrome.showReport(s.import);
      else chrome.hideReport();
      if (s.error) { chrome.showError(s.error); throw new Error(s.error); }
      chrome.hideError();
      return getState();
    },
    // A PNG of the view as shown (panels, legend and time included), at 1× or 2× the canvas resolution.
    screenshot({ scale = 1 } = {}) {
      return new Promise((resolve, reject) => {
        module.onCapture = () => {
          module.onCapture = null;
          canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('screenshot: the canvas gave no image'))), 'image/png');
        };
        module._bk_capture(scale);
      });
    },
    // A WebM clip of `seconds` of replay as it plays (for slides that cannot embed a live page).
    record(seconds = 5, { fps = 30 } = {}) {
      if (typeof MediaRecorder === 'undefined' || !canvas.captureStream) return Promise.reject(new Error('record: this browser cannot record a canvas'));
      const stream = canvas.captureStream(fps);
      const type = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'].find((t) => MediaRecorder.isTypeSupported(t));
      const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      const chunks = [];
      recorder.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
      return new Promise((resolve, reject) => {
        recorder.onstop = () => resolve(new Blob(chunks, { type: 'video/webm' }));
        recorder.onerror = (e) => reject(e.error || new Error('record failed'));
        recorder.start(250);
        setTimeout(() => recorder.state !== 'inactive' && recorder.stop(), seconds * 1000);
      });
    },
    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, []);
      listeners.get(event).push(fn);
      return () => listeners.set(event, listeners.get(event).filter((f) => f !== fn));
    },
    story: {
      start: () => state.story?.start(),
      stop: () => state.story?.stop(),
      next: () => state.story?.step(1),
      previous: () => state.story?.step(-1),
    },
    fullscreen() {
      if (document.fullscreenElement) return document.exitFullscreen();
      return element.requestFullscreen?.();
    },
    destroy() {
      if (state.destroyed) return;
      state.destroyed = true;
      state.story?.stop();
      clearInterval(timers.live);
      cancelAnimationFrame(timers.frame);
      for (const [target, type, fn] of domListeners) target.removeEventListener(type, fn);
      module._bk_destroy();
      canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
      chrome.remove();
      emit('destroy');
      listeners.clear();
    },
  };

  // ---- keys, idle, events to the page ----
  const domListeners = [];
  const listen = (target, type, fn) => { target.addEventListener(type, fn); domListeners.push([target, type, fn]); };
  const helpRows = () => [
    ['Space', text('help.space')],
    ['← →', text('help.arrows')], ['+ − 0', text('help.zoom')], ['1 … 7', text('help.layers')],
    ['[ ]  L', text('help.speed')], ['N  Shift+N', text('help.events')], ['S  Shift+S', text('help.sensors')],
    ['F', text('help.fullscreen')], ['?', text('help.help')], [text('help.touchKey'), text('help.touch')],
  ];
  listen(canvas, 'keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const s = getState();
    const step = (e.shiftKey ? 4 : 1) * STEP_MS;
    let handled = true;
    if (e.key === ' ') viewer[s.playing ? 'pause' : 'play']();
    else if (e.key === 'ArrowRight') state.story?.active() ? state.story.step(1) : viewer.seek(Math.min(s.endMs, s.timeMs + step));
    else if (e.key === 'ArrowLeft') state.story?.active() ? state.story.step(-1) : viewer.seek(Math.max(s.startMs, s.timeMs - step));
    else if (e.key === '+' || e.key === '=') viewer.zoomBy(1.25);
    else if (e.key === '-' || e.key === '_') viewer.zoomBy(0.8);
    else if (e.key === '0') viewer.resetView();
    else if (e.key >= '1' && e.key <= '7') {  // 1–6 sensor types, 7 the collection route
      const name = e.key === '7' ? 'route' : LAYERS[Number(e.key) - 1];
      viewer.setLayers(s.layers.includes(name) ? s.layers.filter((l) => l !== name) : [...s.layers, name]);
    } else if (e.key === 'f' || e.key === 'F') viewer.fullscreen();
    else if (e.key === '?') chrome.toggleHelp(helpRows());
    else if (e.key === 'Escape' && chrome.helpOpen()) chrome.toggleHelp();
    else if (e.key === ']' || e.key === '[') {  // speed up / down through the timeline's steps
      const speeds = [1, 10, 60, 600, 3600];
      const i = speeds.findIndex((x) => x >= s.speed - 1e-9);
      viewer.setSpeed(speeds[Math.max(0, Math.min(speeds.length - 1, (i < 0 ? speeds.length - 1 : i) + (e.key === ']' ? 1 : -1)))]);
    } else if (e.key === 'n' || e.key === 'N') viewer.nextEvent(e.key === 'N' ? -1 : 1);
    else if (e.key === 's' || e.key === 'S') viewer.selectNext(e.key === 'S' ? -1 : 1);
    else if (e.key === 'Escape' && s.selected) viewer.select(null);
    else if (e.key === 'l' || e.key === 'L') viewer.setLoop(!s.loop);
    else handled = false;
    if (handled) e.preventDefault();
  });

  // Drop recording files (map, sensors, recording) on the viewer to load them through the same checks.
  listen(element, 'dragover', (e) => { if (e.dataTransfer?.types?.includes('Files')) e.preventDefault(); });
  listen(element, 'drop', (e) => {
    if (!e.dataTransfer?.files?.length) return;
    e.preventDefault();
    viewer.load(e.dataTransfer.files).catch(() => {});  // the banner shows why; the current data stays
  });

  // 'time' at most 4 times a second while playing; the live region every ~10 s.
  const timers = { frame: 0, live: 0 };
  let lastTime = 0;
  const tick = (now) => {
    if (state.destroyed) return;
    if (now - lastTime >= 250) {
      const s = getState();
      if (s.playing) { lastTime = now; emit('time', s); }
    }
    timers.frame = requestAnimationFrame(tick);
  };
  timers.frame = requestAnimationFrame(tick);
  timers.live = setInterval(() => {
    const s = getState();
    if (s.playing) chrome.announce(liveSummary(s, text));
  }, 10000);

  // Story and kiosk.
  state.story = new StoryPlayer(viewer, chrome, () => state.lang, { loop: !!options.kiosk });
  const storySource = options.story === true || (options.kiosk && options.story === undefined) ? 'default' : options.story;
  if (storySource) {
    const url = storySource === 'default' ? new URL('assets/bukchon/story.json', base).href : new URL(storySource, location.href).href;
    try {
      await state.story.load(url, async (u) => decodeJson(await fetchBytes(u)));
    } catch (error) {
      chrome.showError(error.message);  // the viewer still works without its tour
    }
  }
  if (options.kiosk) {
    const idle = options.kioskIdleSeconds > 0 ? options.kioskIdleSeconds : 60;
    setupKiosk(element, viewer, chrome, state, text, listen, idle);
  }

  // Options from the URL or the embedding page.
  if (options.palette === 'colourblind' || options.palette === 'cb') viewer.setPalette('colourblind');
  if (options.ui) viewer.setUi(options.ui);
  if (options.detail === 'glyphs' || options.detail === 'auto') viewer.setDetail(options.detail);
  if (options.layers) viewer.setLayers(options.layers.filter((l) => LAYERS.includes(l)));
  if (options.t) viewer.seek(options.t);
  if (Number.isFinite(options.speed) && options.speed > 0) viewer.setSpeed(options.speed);
  if (options.loop !== undefined) viewer.setLoop(options.loop);
  if (options.kiosk) viewer.setLoop(true);
  if (options.sensor) viewer.select(options.sensor);
  if (options.view && [options.view.lat, options.view.lon, options.view.zoom].every(Number.isFinite)) {
    viewer.flyTo(options.view.lat, options.view.lon, options.view.zoom, { animate: false });
  }
  if (options.play) viewer.play();
  if (storySource && (options.story || options.kiosk)) state.story.start();
  emit('load', getState());
  return viewer;
}

// ---- helpers --------------------------------------------------------------------------------------------------

// The chrome's text (loading card, captions, notices) uses the same Nanum Gothic subset as the canvas: registered
// from the bytes already downloaded for the engine, so the page never fetches the fonts a second time (a CSS
// @font-face would: its requests are a different kind and miss the preload). Once per document.
let pageFontsRegistered = false;
function registerPageFonts(regular, bold) {
  if (pageFontsRegistered || typeof FontFace !== 'function' || !document.fonts) return;
  pageFontsRegistered = true;
  for (const [bytes, weight] of [[regular, '400'], [bold, '700']]) {
    const face = new FontFace('Nanum Gothic Subset', bytes, { weight });
    face.load().then(() => document.fonts.add(face), () => {});  // a font the browser refuses: system fonts remain
  }
}

function heap(module, bytes, fn) {
  const ptr = module._malloc(Math.max(1, bytes.length));
  module.HEAPU8.set(bytes, ptr);
  try { return fn(ptr, bytes.length); } finally { module._free(ptr); }
}

function str(module, value, fn) {
  return heap(module, new TextEncoder().encode(`${value}\0`), (ptr) => fn(ptr));
}

function applyLanguage(module, strings, fileName) {
  const bytes = new TextEncoder().encode(JSON.stringify(strings));
  const error = heap(module, bytes, (ptr, len) => str(module, fileName, (name) => module._bk_set_language(ptr, len, name)));
  if (error) throw new Error(module.UTF8ToString(error));
}

// Stages files (kind → {name, bytes}) and commits them; on failure the previous dataset stays on screen.
function commit(module, files, emit) {
  for (const [key, file] of Object.entries(files)) {
    const kind = key.split('#')[0];
    str(module, kind, (k) => str(module, file.name, (n) => heap(module, file.bytes, (ptr, len) => module._bk_stage_file(k, n, ptr, len))));
  }
  const ok = module._bk_commit() === 1;
  const s = JSON.parse(module.UTF8ToString(module._bk_state()));
  if (!ok) emit('error', s.error);
  else emit('data', s);
  return s;
}

// The time zone for imported local times: an offset ("+09:00", "UTC-5") as is, or a zone name ("Europe/Lisbon"),
// whose offset changes the browser knows: sent as transitions (wasm has no time-zone database).
function setImportTimeZone(module, zone) {
  let spec = zone || '';
  if (spec.includes('/')) {
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
      spec = JSON.stringify({ name: zone, initial, transitions });
    } catch (e) {
      spec = zone;  // not a zone the browser knows: the importer says so in its report
    }
  }
  str(module, spec, (p) => module._bk_set_import_time_zone(p));
}

function liveSummary(s, text) {
  const k = s.kpis || {};
  // The data's local time (its UTC offset), whatever the city: shift, then format as UTC.
  const when = new Date(s.timeMs + (s.utcOffsetMinutes ?? 540) * 60000);
  const time = new Intl.DateTimeFormat(s.lang, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hour12: false }).format(when);
  const date = new Intl.DateTimeFormat(s.lang, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(when);
  return text('live.summary').replace('{date}', date).replace('{time}', time)
    .replace('{bins}', k.binsOver80 ?? 0).replace('{total}', k.bins ?? 0)
    .replace('{parking}', Math.round(k.parkingOccupancyPct ?? 0)).replace('{pm25}', Math.round(k.pm25MaxToday ?? 0))
    .replace('{alarms}', k.activeAlarms ?? 0);
}

// Kiosk: loops forever, a full-screen button, cursor hidden when idle, back to the tour after 60 s without touch.
function setupKiosk(element, viewer, chrome, state, text, listen, idleSeconds = 60) {
  element.classList.add('bk-kiosk-mode');
  chrome.kioskButtons([[text('kiosk.fullscreen'), () => viewer.fullscreen()], [text('kiosk.story'), () => state.story.start()]]);
  let idleCursor = 0, idleStory = 0;
  const activity = (e) => {
    if (e && e.type !== 'pointermove' && state.story.active()) state.story.stop();  // a visitor takes over
    element.classList.remove('bk-idle');
    clearTimeout(idleCursor);
    clearTimeout(idleStory);
    idleCursor = setTimeout(() => element.classList.add('bk-idle'), 3000);
    idleStory = setTimeout(() => { if (!state.story.active()) state.story.start(); }, idleSeconds * 1000);
  };
  for (const type of ['pointerdown', 'pointermove', 'wheel', 'touchstart']) listen(element, type, activity);
  activity();
}
