// viewer.js — loads the wasm viewer and a dataset into a canvas, and exposes the JavaScript API (docs/api.md).
import createBukchonModule from './bukchon.js';

const DEFAULT_FILES = { map: 'map.geojson', sensors: 'sensors.geojson', recording: 'recording.json' };

// Fetches a URL as bytes, reporting progress (bytes so far, total if the server says).
async function fetchBytes(url, onProgress, signal) {
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

// Calls fn(pointer, length) with bytes copied into the wasm heap, then frees them.
function withHeapBytes(module, bytes, fn) {
  const ptr = module._malloc(Math.max(1, bytes.length));
  module.HEAPU8.set(bytes, ptr);
  try { return fn(ptr, bytes.length); } finally { module._free(ptr); }
}

function withHeapString(module, text, fn) {
  return withHeapBytes(module, new TextEncoder().encode(text + '\0'), (ptr) => fn(ptr));
}

/**
 * Creates a viewer on `canvas`.
 * options.base: URL the module, fonts and default data are relative to (default: this file's folder)
 * options.dataUrl: folder URL of map.geojson / sensors.geojson / recording.json (default: base + assets/bukchon/)
 * options.onProgress(fraction, message), options.onError(message): loading feedback for the page
 */
export async function createViewer(canvas, options = {}) {
  const base = options.base || new URL('.', import.meta.url).href;
  const dataUrl = options.dataUrl || new URL('assets/bukchon/', base).href;
  const onProgress = options.onProgress || (() => {});
  const listeners = new Map();
  const emit = (event, payload) => (listeners.get(event) || []).forEach((fn) => fn(payload));

  // Everything downloads in parallel; progress is the sum of bytes over the sum of known sizes.
  const sources = {
    wasm: new URL('bukchon.wasm', base).href,
    fontRegular: new URL('assets/fonts/NanumGothic-subset.ttf', base).href,
    fontBold: new URL('assets/fonts/NanumGothicBold-subset.ttf', base).href,
    map: new URL(DEFAULT_FILES.map, dataUrl).href,
    sensors: new URL(DEFAULT_FILES.sensors, dataUrl).href,
    recording: new URL(DEFAULT_FILES.recording, dataUrl).href,
  };
  const progress = {};
  const abort = new AbortController();  // one failed download cancels the rest and silences progress
  let firstFailure = null;
  const report = () => {
    if (abort.signal.aborted) return;
    const parts = Object.values(progress);
    const got = parts.reduce((a, p) => a + p.got, 0);
    const total = parts.reduce((a, p) => a + (p.total || p.got), 0);
    onProgress(total ? got / total : 0, `Loading ${(got / 1048576).toFixed(1)} MB`);
  };
  const downloads = Object.fromEntries(Object.entries(sources).map(([key, url]) => {
    progress[key] = { got: 0, total: 0 };
    const bytes = fetchBytes(url, (got, total) => { progress[key] = { got, total }; report(); }, abort.signal);
    bytes.catch((e) => { firstFailure = firstFailure || e; abort.abort(); });
    // Awaiting any download reports the first failure, not the cancellations it caused.
    const reported = bytes.catch((e) => { throw firstFailure || e; });
    reported.catch(() => {});  // a download nobody awaits after a failure is not an unhandled rejection
    return [key, reported];
  }));

  const wasmBinary = await downloads.wasm;
  let fatal = null;
  const module = await createBukchonModule({
    canvas,
    wasmBinary,
    locateFile: (path) => new URL(path, base).href,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onFatal: (message) => { fatal = message; emit('error', message); },
  });
  if (fatal) throw new Error(fatal);
  if (window.matchMedia) module._bk_set_reduced_motion(window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0);

  const [regular, bold] = await Promise.all([downloads.fontRegular, downloads.fontBold]);
  withHeapBytes(module, regular, (rp, rl) => withHeapBytes(module, bold, (bp, bl) => module._bk_set_fonts(rp, rl, bp, bl)));

  const state = () => JSON.parse(module.UTF8ToString(module._bk_state()));

  // Stages files (kind → {name, bytes}) and commits them; on failure the previous dataset stays on screen.
  const commit = (files) => {
    for (const [kind, file] of Object.entries(files)) {
      withHeapString(module, kind, (kindPtr) => withHeapString(module, file.name, (namePtr) =>
        withHeapBytes(module, file.bytes, (ptr, len) => module._bk_stage_file(kindPtr, namePtr, ptr, len))));
    }
    const ok = module._bk_commit() === 1;
    const s = state();
    if (!ok) emit('error', s.error);
    else emit('load', s);
    return s;
  };

  const [map, sensors, recording] = await Promise.all([downloads.map, downloads.sensors, downloads.recording]);
  commit({
    map: { name: DEFAULT_FILES.map, bytes: map },
    sensors: { name: DEFAULT_FILES.sensors, bytes: sensors },
    recording: { name: DEFAULT_FILES.recording, bytes: recording },
  });

  const toTimeMs = (value) => {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string') {
      const ms = withHeapString(module, value, (ptr) => module._bk_parse_time(ptr));
      if (Number.isFinite(ms)) return ms;
    }
    throw new TypeError(`seek: expected milliseconds or an ISO 8601 time with offset (e.g. "2026-05-11T12:00:00+09:00"), got ${JSON.stringify(value)}`);
  };

  return {
    getState: state,
    play() { module._bk_play(); return state(); },
    pause() { module._bk_pause(); return state(); },
    seek(time) { module._bk_seek(toTimeMs(time)); return state(); },
    setSpeed(x) {
      if (typeof x !== 'number' || !(x > 0)) throw new TypeError(`setSpeed: expected a positive number, got ${JSON.stringify(x)}`);
      module._bk_set_speed(x);
      return state();
    },
    setLoop(on) { module._bk_set_loop(on ? 1 : 0); return state(); },
    select(id) { withHeapString(module, id == null ? '' : String(id), (ptr) => module._bk_select(ptr)); return state(); },
    resetView() { module._bk_reset_view(); return state(); },
    // Where a sensor's glyph is drawn, in CSS px from the canvas's top left, or null for an unknown id.
    screenPositionOf(id) {
      return JSON.parse(withHeapString(module, String(id), (ptr) => module.UTF8ToString(module._bk_screen_position(ptr))));
    },
    // Loads another dataset: { map?, sensors, recording } as URLs. Rejects with the message if it cannot be used;
    // the current dataset stays on screen.
    async load(urls) {
      const entries = await Promise.all(Object.entries(urls).map(async ([kind, url]) =>
        [kind, { name: new URL(url, location.href).pathname.split('/').pop(), bytes: await fetchBytes(url, () => {}) }]));
      const s = commit(Object.fromEntries(entries));
      if (s.error) throw new Error(s.error);
      return s;
    },
    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, []);
      listeners.get(event).push(fn);
      return () => listeners.set(event, listeners.get(event).filter((f) => f !== fn));
    },
  };
}
