// viewer-files.js — files in: downloads with progress (or the offline single file's inline copies), what a dataset
// source names (a folder, a manifest, a log to import, a binary recording, an OpenStreetMap extract).
export const HERE = new URL('.', import.meta.url).href;
export const DATA_FILES = { map: 'map.geojson', sensors: 'sensors.geojson', recording: 'recording.json' };
const TABLE = /\.(csv|tsv|txt|xlsx|xlsm|ods)$/i;   // logs to import, workbooks too

// The offline single file (dist/bukchon-replay.html) carries every resource inline, base64, keyed by its path
// relative to this module; then nothing is fetched at all (file:// pages cannot fetch).
export function inlineResource(url) {
  const inline = globalThis.BUKCHON_RESOURCES;
  if (!inline || !url.startsWith(HERE)) return null;
  const encoded = inline[url.slice(HERE.length).split(/[?#]/)[0]];
  if (encoded === undefined) return null;
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// A module the page loads on first use (the tools module's glue, the video export): from the site, or in the offline
// single file from the copy it carries (cmake/single_file.mjs registers those in BUKCHON_MODULES).
export function lazyModule(file) {
  const bundled = globalThis.BUKCHON_MODULES && globalThis.BUKCHON_MODULES[file];
  return bundled ? Promise.resolve(bundled) : import(new URL(file, HERE).href);
}

// A stylesheet the page needs on first use (the dialogs'): from the site, or in the single file from its copy.
// Resolves once it applies, so a dialog never shows unstyled.
const sheets = new Map();
export function lazyStyles(file) {
  if (!sheets.has(file)) sheets.set(file, new Promise((resolve) => {
    const href = new URL(file, HERE).href;
    const inline = inlineResource(href);
    const node = document.createElement(inline ? 'style' : 'link');
    if (inline) node.textContent = new TextDecoder().decode(inline);
    else Object.assign(node, { rel: 'stylesheet', href, onload: resolve, onerror: resolve });
    document.head.appendChild(node);
    if (inline) resolve();
  }));
  return sheets.get(file);
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

// Downloads and compiles a wasm module as its bytes arrive (WebAssembly.compileStreaming, which needs the server's
// Content-Type: application/wasm); a server that sends another type, an engine without streaming, or the offline
// file's inline copy compile the whole download instead. `onProgress(got, total)` as fetchBytes; `onDownloaded()`
// when the last byte is in (compiling ends a few ms later).
export async function compileWasm(url, onProgress = () => {}, signal, onDownloaded = () => {}) {
  const absolute = new URL(url, location.href).href;
  const streaming = typeof WebAssembly.compileStreaming === 'function' && typeof TransformStream === 'function' && !inlineResource(absolute);
  if (!streaming) {
    const bytes = await fetchBytes(url, onProgress, signal);
    onDownloaded();
    return WebAssembly.compile(bytes);
  }
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (e) {
    throw new Error(`could not download ${url}: the network request failed (${e.message})`);
  }
  if (!response.ok) throw new Error(`could not download ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  if (!/^application\/wasm\b/i.test(response.headers.get('Content-Type') || '') || !response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress(bytes.length, bytes.length);
    onDownloaded();
    return WebAssembly.compile(bytes);
  }
  const total = Number(response.headers.get('Content-Length')) || 0;
  let received = 0;
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) { received += chunk.length; onProgress(received, total); controller.enqueue(chunk); },
    flush() { onDownloaded(); },
  }), { signal });
  return WebAssembly.compileStreaming(new Response(counted, { headers: { 'Content-Type': 'application/wasm' } }));
}

export const decodeJson = (bytes) => JSON.parse(new TextDecoder().decode(bytes));

// A manifest's files (the core read them: src/core/formats/manifest.hpp), relative to the manifest.
function manifestUrls(url, manifest) {
  const out = {};
  for (const [k, v] of Object.entries(manifest)) {
    if (typeof v !== 'string') continue;
    if (k in DATA_FILES) out[k] = new URL(v, url).href;
    else if (k === 'readings' || k === 'sites') out[`table#${k}`] = new URL(v, url).href;
  }
  return out;
}

// The files a dataset source names, kind → URL: a folder, a log to import, a binary recording, a manifest (fetched
// here and read by `readManifest(bytes, fileName)`), or an object of URLs as it is.
export async function dataUrls(source, readManifest) {
  if (typeof source === 'object') {  // logs to import (readings, sites) go to the importer as tables
    return Object.fromEntries(Object.entries(source).map(([k, v]) => [k in DATA_FILES ? k : `table#${k}`, v]));
  }
  const url = new URL(source, location.href);
  if (url.pathname.endsWith('/')) return Object.fromEntries(Object.entries(DATA_FILES).map(([k, f]) => [k, new URL(f, url).href]));
  if (TABLE.test(url.pathname)) return { table: url.href };  // a log to import
  if (/\.bkr$/i.test(url.pathname)) return { recording: url.href };  // a binary recording: sensors inside
  if (/\.(osm|pbf|osm\.gz|osm\.bz2)$/i.test(url.pathname)) return { osm: url.href };  // a map to convert
  return manifestUrls(url, await readManifest(await fetchBytes(url.href), fileName(url.href)));
}

// Kinds a source may lack: a folder need not have a map (a city without one gets the neutral basemap).
export const optionalKinds = (source) => (typeof source === 'string' && new URL(source, location.href).pathname.endsWith('/') ? ['map'] : []);

// Files picked or dropped (a FileList or an array of Files) → key → {name, bytes}. Which file is which is the core's
// file-kind table (`classify(name, head)` is bk_classify_file): keys are its kind names, "table#i" for each log.
export async function readFiles(list, classify) {
  const files = {};
  for (const [i, file] of [...list].entries()) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = classify(file.name, bytes.subarray(0, 4096));
    files[kind === 'table' || kind === 'spreadsheet' ? `${kind}#${i}` : kind] = { name: file.name, bytes };
  }
  return files;
}

// The files a source names, downloaded: kind → {name, bytes}; a missing optional one (404) is left out.
export async function downloadDataset(source, readManifest) {
  const urls = await dataUrls(source, readManifest);
  const optional = optionalKinds(source);
  const entries = await Promise.all(Object.entries(urls).map(async ([kind, url]) => {
    try {
      return [kind, { name: fileName(url), bytes: await fetchBytes(url) }];
    } catch (e) {
      if (optional.includes(kind) && / 404 /.test(e.message)) return null;
      throw e;
    }
  }));
  return Object.fromEntries(entries.filter(Boolean));
}

export const fileName = (url) => new URL(url, location.href).pathname.split('/').pop();

// A file name from the dataset's title: "Lisbon bins, March" → "lisbon-bins-march".
export const fileStem = (title, fallback = 'replay') => (title || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase().slice(0, 60) || fallback;
