// bukchon-replay.js — the embedding contract: createViewer(element, options) → Promise<Viewer> (docs/api.md).
// Each viewer is its own wasm instance on its own canvas, so several on one page stay independent. This file starts
// one: styles, downloads (all at once), the module, the language, the first data; then the API (viewer-api.js), the
// inputs (viewer-input.js), the panels' accessible twin (viewer-a11y.js) and the options at start, which the core turns into commands.
import createBukchonModule from './bukchon.js';
import { createChrome, registerPageFonts } from './viewer-chrome.js';
import { StoryPlayer } from './story.js';
import { HERE, inlineResource, fetchBytes, compileWasm, decodeJson, dataUrls, fileName, optionalKinds } from './viewer-files.js';
import { createBridge } from './viewer-bridge.js';
import { createApi } from './viewer-api.js';
import { convertLogs, convertOsm } from './viewer-convert.js';
import { attachInput, setupKiosk } from './viewer-input.js';
import { createTwin } from './viewer-a11y.js';
import { createVideoDialog } from './video-dialog.js';
import { createOfflineDialog } from './offline-dialog.js';
import { createStoryEditor } from './story-editor.js';
import { createLayout } from './viewer-layout.js';

const MAX_MESSAGE_BYTES = 1024 * 1024;  // a postMessage command's JSON (src/core/embed/embed_command.hpp)

// The viewer's own styles, once per page (a stylesheet file, so a strict Content-Security-Policy allows it).
function addStyles(base) {
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
}

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
  // Start-up marks (performance.getEntriesByType('mark'); docs/performance.md says what each means): bk:start,
  // bk:downloaded, bk:compiled, bk:main, bk:fetched, bk:data, bk:first-useful-frame.
  const mark = (name) => { try { performance.mark(name); } catch { /* marks are optional */ } };
  mark('bk:start');
  const base = options.base || HERE;
  addStyles(base);
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
  const state = { destroyed: false, story: null, lang: 'en', fonts: null, urlProblems: [], urlOptions: {}, fontFiles: new Map() };
  let bridge = null;

  const languageUrl = (code) => new URL(`assets/i18n/${encodeURIComponent(code)}.json`, base).href;
  // What to download depends on `lang` and `data`; when only the query names them, those downloads wait until the
  // core has read it (just after the module starts). Nothing else of the query is looked at here.
  const query = typeof options.query === 'string' ? options.query : '';
  const asked = new URLSearchParams(query);
  // Another language than English is checked by the core's rule (the command table's setLanguage) before its file is
  // asked for, so that download waits for the module; English, the fallback, downloads at once.
  const deferLang = (options.lang !== undefined && options.lang !== 'en') || (options.lang === undefined && asked.has('lang'));
  const deferData = options.data === undefined && asked.has('data');
  let wanted = 'en';

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
  // `optional`: a file the dataset may lack; a 404 gives null instead of stopping everything. `fetcher`: how the
  // bytes come (fetchBytes, or compileWasm for the module).
  const download = (key, url, optional = false, fetcher = fetchBytes) => {
    progress[key] = { got: 0, total: 0 };
    const fetched = fetcher(url, (got, total) => { progress[key] = { got, total }; report(); }, abort.signal);
    const bytes = optional ? fetched.catch((e) => { if (/ 404 /.test(e.message)) { delete progress[key]; return null; } throw e; }) : fetched;
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
    // The module compiles while it downloads (the engine's own threads), so it is ready about when its last byte is.
    const compiled = download('wasm', new URL('bukchon.wasm', base).href, false,
                              (url, onProgress, signal) => compileWasm(url, onProgress, signal, () => mark('bk:downloaded')));
    const fontRegular = download('fontRegular', new URL('assets/fonts/NanumGothic-subset.ttf', base).href);
    const fontBold = download('fontBold', new URL('assets/fonts/NanumGothicBold-subset.ttf', base).href);
    // A manifest is read by the core, so the data's downloads start once the module is there (`bridgeReady`).
    let bridgeReady;
    const bridgeStarted = new Promise((resolve) => { bridgeReady = resolve; });
    const readManifest = async (bytes, name) => (await bridgeStarted).manifest(bytes, name);
    const startData = async () => {
      const urls = await dataUrls(dataSource, readManifest);
      const optional = optionalKinds(dataSource);
      return { urls, files: Object.fromEntries(Object.entries(urls).map(([kind, url]) => [kind, download(kind, url, optional.includes(kind))])) };
    };
    let data = deferData ? null : startData();
    data?.catch(() => {});  // awaited below
    // Fallback font packs (other cities' scripts): the engine asks for them by name once the text in use needs
    // them; the answer, bytes or the reason, goes back the same way. Nothing waits for them.
    const fetchFontFile = (name) => {
      fetchBytes(new URL(`assets/fonts/${name}`, base).href).then(
        (bytes) => {
          if (state.destroyed) return;
          state.fontFiles.set(name, bytes);   // an offline copy carries the fonts its text needed
          bridge.addFontFile(name, bytes);
        },
        (e) => { if (!state.destroyed) bridge.fontFileFailed(name, e.message); });
    };

    // The WebGL2 context is made now, while the files download: the GPU process starts it on its own (a second
    // on a software renderer), and the first frame waits only for what is left of that. Its creation blocks this
    // thread (a quarter of a second here), so it comes after every download has been asked for: the data's
    // requests go out from startData's continuation, which the yield lets run first. At the canvas's final size
    // and with the attributes of web_main.cpp's hints, so GLFW's window adopts it as it is.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // (The core clamps the ratio it lays out and draws at, layout.hpp; the first frame sizes the canvas again.)
    const dpr = window.devicePixelRatio || 1;
    const box = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(box.width * dpr));
    canvas.height = Math.max(1, Math.round(box.height * dpr));
    if (!canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false, alpha: true })) {
      throw new Error('this browser cannot create a WebGL2 context (WebGL2 is needed to draw the map)');
    }

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
    const wasmModule = await compiled;
    mark('bk:compiled');
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
    mark('bk:main');
    bridge = createBridge(module);
    bridgeReady(bridge);
    const launch = bridge.launchParams(query);
    state.urlOptions = Object.freeze(launch.options);
    options = { ...(options.defaults || {}), ...launch.options, ...options };
    if (deferLang) {
      const checked = bridge.command('setLanguage', [options.lang || 'en']);
      if (checked.status === 'ok') wanted = checked.args[0];
      else languageProblems.push(`${checked.error}; showing English`);
      if (wanted !== 'en') lang = optionalLanguage(wanted);
      await useLanguage();
      chrome.relabel();
    }
    if (deferData) {
      if (options.data) {
        dataSource = options.data;
        if (options.dataFromUrl) checkDataOrigin(dataSource);
      }
      data = startData();
    }
    data = await data;
    state.urlProblems = [...launch.problems, ...languageProblems];
    state.fonts = [await fontRegular, await fontBold];
    registerPageFonts(...state.fonts);
    bridge.setFonts(...state.fonts);
    bridge.setLanguage(strings, `${strings.lang}.json`);
    state.lang = strings.lang;
    if (window.matchMedia) bridge.setReducedMotion(matchMedia('(prefers-reduced-motion: reduce)').matches);
    const loaded = {};
    for (const [kind, pending] of Object.entries(data.files)) {
      const bytes = await pending;
      if (bytes) loaded[kind] = { name: fileName(data.urls[kind]), bytes };
    }
    mark('bk:fetched');
    // Logs named by the URL are imported by the tools module first (fetched only then): the viewer gets a recording.
    const converting = (f, name, stage) => chrome.progress(f, text(`convert.${stage}`).replace('{file}', name));
    const ready = await convertLogs(loaded, { zone: options.timezone, onProgress: converting });
    let committed = bridge.commit(ready);
    mark('bk:data');
    const imported = !!ready.report;
    if (committed.ok && loaded.osm) {  // an OpenStreetMap extract as the data's map, cut around the sensors
      const { map } = await convertOsm(loaded.osm, committed.state.extent, converting);
      committed = bridge.commit({ map });
    }
    if (!committed.ok || imported || listeners.has('data')) {
      const s = committed.state;
      emit(committed.ok ? 'data' : 'error', committed.ok ? s : s.error);
      if (s.import && imported) state.importReport = s.import;
      if (s.error) throw new Error(s.error);
    }
  } catch (error) {
    abort.abort();  // stop the other downloads: their progress must not overwrite the reason on the card
    if (!state.destroyed) chrome.failed(error.message, () => location.reload());
    throw error;
  }
  chrome.loaded();
  // The first useful frame: the main loop has drawn a frame with the data committed (the map, the sensors, the
  // whole week: play and seek work), and the browser is at the next frame. The page's parts that are not pixels
  // (the API's objects, the accessible twin, the dialogs: ~100 ms of script on a slow machine) are made after it,
  // so they do not hold it back; `ready` resolves once they are there. A hidden tab has no frames: a second at most.
  const firstUsefulFrame = new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
    mark('bk:first-useful-frame');
    resolve();
  })));
  await Promise.race([firstUsefulFrame, new Promise((resolve) => setTimeout(resolve, 1000))]);
  if (state.urlProblems.length) chrome.showNotice(text('url.title'), state.urlProblems, text('url.kept'));
  if (state.importReport) chrome.showReport(state.importReport);

  const ctx = { bridge, chrome, canvas, element, state, options, emit, listeners, text, languageUrl,
                maxMessageBytes: MAX_MESSAGE_BYTES,
                useStrings: (next) => { strings = next; state.lang = next.lang; chrome.relabel(); ctx.videoDialog?.relabel(); ctx.storyEditor?.relabel(); ctx.offlineDialog?.relabel(); } };
  const api = createApi(ctx);
  const { viewer, run } = api;
  ctx.getState = viewer.getState;
  ctx.run = run;
  ctx.layout = createLayout(ctx, run);
  ctx.videoDialog = createVideoDialog(ctx, viewer);
  ctx.offlineDialog = createOfflineDialog(ctx, viewer);
  ctx.storyEditor = createStoryEditor(ctx, viewer);
  const input = attachInput(ctx, api);
  const twin = createTwin(ctx, viewer);
  viewer.on('language', () => twin.relabel());
  viewer.destroy = () => {
    if (state.destroyed) return;
    state.destroyed = true;
    state.story?.stop();
    input.stop();
    twin.stop();
    ctx.layout.stop();
    bridge.destroy();
    canvas.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext();
    chrome.remove();
    emit('destroy');
    listeners.clear();
  };

  // Story and kiosk.
  state.story = new StoryPlayer(viewer, chrome, () => state.lang, { loop: !!options.kiosk, noneFull: () => text('collection.noneFull') });
  const storySource = options.story === true || (options.kiosk && options.story === undefined) ? 'default' : options.story;
  if (storySource) {
    const url = storySource === 'default' ? new URL('assets/bukchon/story.json', base).href : new URL(storySource, location.href).href;
    try {
      await state.story.load(url, async (u) => decodeJson(await fetchBytes(u)));
    } catch (error) {
      chrome.showError(error.message);  // the viewer still works without its tour
    }
  }
  if (options.kiosk) setupKiosk(ctx, viewer, input.listen, options.kioskIdleSeconds > 0 ? options.kioskIdleSeconds : 60);

  // Options from the URL or the embedding page, as commands of the core's table, in the order it gives.
  for (const [cmd, args] of bridge.startCommands(options)) {
    try { run(cmd, args); } catch (e) { console.warn(`createViewer option: ${e.message}`); }
  }
  if (storySource && (options.story || options.kiosk) && options.storyStart !== false) state.story.start();
  ctx.layout.update();
  emit('load', viewer.getState());
  return viewer;
}
