// viewer-api.js — the Viewer object (docs/api.md): every method is a command of the core's command table
// (src/core/embed/commands.hpp), checked there; the page commands (loading, screenshots, video, language, full
// screen) are done here with the arguments the core normalized.
import { decodeJson, downloadDataset, fetchBytes, lazyModule, readFiles } from './viewer-files.js';
import { registerLanguageFonts } from './viewer-chrome.js';

// Blobs and Files cannot cross as JSON: they go as {"$blob": i} markers and come back as themselves.
function marked(args, blobs) {
  const mark = (v) => (v instanceof Blob ? { $blob: blobs.push(v) - 1 } : v);
  return args.map((a) => (typeof FileList !== 'undefined' && a instanceof FileList ? [...a].map(mark)
    : Array.isArray(a) ? a.map(mark) : mark(a)));
}
const unmarked = (v, blobs) => (Array.isArray(v) && v.length && v.every((x) => x && typeof x.$blob === 'number')
  ? v.map((x) => blobs[x.$blob]) : v);

// ctx: {bridge, chrome, canvas, element, state, options, emit, listeners, languageUrl, languageFonts(code),
//       useStrings(strings)}
export function createApi(ctx) {
  const { bridge, chrome, canvas, element, state, options, emit } = ctx;
  let ids = { version: -1, list: [] };   // sensor ids, fetched once per dataset
  const sensorIds = (version) => {
    if (version !== ids.version) ids = { version, list: Object.freeze(bridge.sensorIds()) };
    return ids.list;
  };
  const getState = () => {
    const s = bridge.state();
    s.sensorIds = sensorIds(s.dataVersion);
    return { ...s, kiosk: !!options.kiosk, urlProblems: state.urlProblems, story: state.story ? state.story.status() : null,
             heapBytes: bridge.heapBytes(), heapUsedBytes: bridge.heapUsed() };
  };
  const commit = (files) => {
    const { ok, state: s } = bridge.commit(files);
    emit(ok ? 'data' : 'error', ok ? s : s.error);
    return s;
  };
  // The progress of a conversion (the tools module) on the loading card, over the map.
  const converting = (fraction, name, stage) => chrome.busy(fraction, ctx.text(`convert.${stage}`).replace('{file}', name));
  const failed = (error) => {  // nothing reached the core: it says so all the same, and the data shown stays
    bridge.failLoad(error.message, error.report);
    chrome.showError(error.message);
    if (error.report) chrome.showReport(error.report);
    emit('error', error.message);
    throw error;
  };

  // Files as read (readFiles, downloadDataset) → the viewer: logs and JSON datasets converted by the tools module
  // (fetched now if this is the first; logs read in `zone`), then committed; an OpenStreetMap extract becomes the
  // map of the data now shown, cut around it. Rejects with the message; the current dataset stays on screen.
  const loadFiles = async (files, zone) => {
    let ready, convert;
    try {
      convert = await lazyModule('viewer-convert.js');   // the converters' page half, fetched on first use
      ready = await convert.convertLogs(files, { zone, sheet: options.sheet, converterFor: bridge.fileConverter, onProgress: converting });
    } catch (error) {
      chrome.idle();
      return failed(error);
    }
    chrome.idle();
    let s = null;
    if (Object.keys(ready).length) {
      s = commit(ready);
      if (ready.report && s.import) chrome.showReport(s.import);
      else chrome.hideReport();
      if (s.error) { chrome.showError(s.error); throw new Error(s.error); }
      if (ready.report) state.importedLogs = convert.logsOf(files);   // kept for the import panel's time zone
    }
    if (files.osm) {
      try {
        const { map } = await convert.convertOsm(files.osm, getState().extent, converting);
        s = commit({ map });
      } catch (error) {
        chrome.idle();
        return failed(error);
      }
      chrome.idle();
      if (s.error) { chrome.showError(s.error); throw new Error(s.error); }
    }
    chrome.hideError();
    return getState();
  };
  chrome.onImportZone = (zone) => run('setImportZone', [zone]).catch(() => {});   // a failure shows on the page

  // The page's half of the table: what these commands do once the core has checked their arguments.
  const page = {
    getState,
    async setLanguage(code) {
      const [bytes, fonts] = await Promise.all([fetchBytes(ctx.languageUrl(code)), ctx.languageFonts(code)]);
      const next = decodeJson(bytes);
      bridge.setLanguage(next, `${code}.json`);
      bridge.setLanguageFonts(fonts);   // in the same task: the next frame has the text and its glyphs together
      registerLanguageFonts(code, fonts);
      ctx.useStrings(next);
      state.story?.refresh();
      emit('language', next.lang);
      return getState();
    },
    // Another dataset: a folder URL, a manifest URL, {map?, sensors, recording} URLs, or Files. Rejects with the
    // message if it cannot be used; the current dataset stays on screen.
    async load(source) {
      let files;
      try {
        files = Array.isArray(source) ? await readFiles(source, bridge.classifyFile) : await downloadDataset(source, bridge.manifest);
        // Files over the limit are not copied anywhere: the core says so by its rules (the file-kind table's).
        for (const [key, file] of Object.entries(files)) {
          const problem = bridge.fileSizeProblem(key.split('#')[0], file.name, file.bytes.length);
          if (problem) throw new Error(problem);
        }
      } catch (error) {
        chrome.idle();
        return failed(error);
      }
      return loadFiles(files, options.timezone);
    },
    // The logs imported last, read again in `zone` ('' : where their sensors stand): the import panel's time zone.
    async setImportZone(zone) {
      if (!state.importedLogs) throw new Error('setImportZone: no logs were imported on this page (drop a CSV log first)');
      return loadFiles(state.importedLogs, zone);
    },
    // A PNG of the view as shown (panels, legend and time included), at 1× or 2× the canvas resolution.
    screenshot({ scale }) {
      return new Promise((resolve, reject) => {
        bridge.module.onCapture = () => {
          bridge.module.onCapture = null;
          canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('screenshot: the canvas gave no image'))), 'image/png');
        };
        bridge.capture(scale);
      });
    },
    // A WebM clip of `seconds` of replay as it plays (for slides that cannot embed a live page).
    record(seconds, { fps }) {
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
    // A video rendered frame by frame at a fixed rate (video-export.js); `extra`: {signal, onProgress} from the method.
    // Loaded on first use: the first load carries the viewer only.
    async exportVideo(options, extra) {
      const { exportVideo } = await lazyModule('video-export.js');
      return exportVideo(ctx, viewer, options, extra);
    },
    videoDialog() { return ctx.videoDialog?.open(); },   // its code loads on first use
    // One HTML file with what is shown (offline-copy.js, loaded now if this is the first): {blob, name, bytes}; with
    // {download: true} (the default) the browser saves it too; `languages`: others it can show offline.
    async saveOffline({ download, languages }) {
      const { offlineCopy } = await lazyModule('offline-copy.js');
      const copy = await offlineCopy(ctx, viewer, { languages });
      if (download) {
        const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(copy.blob), download: copy.name });
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 60000);
      }
      return copy;
    },
    fullscreen() {
      if (document.fullscreenElement) return document.exitFullscreen();
      return element.requestFullscreen?.();
    },
    // The arrow keys: a tour's next or previous step while one plays, otherwise the replay time moved.
    step(direction, ms) {
      if (state.story?.active()) state.story.step(direction);
      else run('seekBy', [direction * ms]);
    },
    // The tour (story.js): start, stop, next, previous, or step n (from 0), as keys, methods and a parent frame ask.
    storyStart() { tour().start(); return getState(); },
    storyStop() { tour().stop(); return getState(); },
    storyNext() { tour().step(1); return getState(); },
    storyPrevious() { tour().step(-1); return getState(); },
    storyGo(n) {
      const player = tour();
      if (n >= player.steps.length) throw new RangeError(`storyGo: the tour has ${player.steps.length} steps (0 to ${player.steps.length - 1}), got ${n}`);
      player.show(n);
      return getState();
    },
    help() {
      chrome.toggleHelp(bridge.keyHelp().map((r) => [r.keys ?? ctx.text(r.keysText), ctx.text(r.text)]));
    },
    escape() {  // closes the help, else clears the selection; false: nothing to do (the key is not taken)
      if (chrome.helpOpen()) chrome.toggleHelp();
      else if (bridge.state().selected) run('select', [null]);
      else return false;
      return true;
    },
  };

  const tour = () => {
    if (!state.story?.steps.length) throw new Error('no tour is loaded (story=1, a story.json dropped on the page, or the story editor)');
    return state.story;
  };

  // Every method and key goes through here: the core checks (and runs its own commands), the page does the rest.
  // `extra`: what cannot cross as JSON (an AbortSignal, a callback), handed to the page command after its arguments.
  function run(cmd, args, ...extra) {
    const blobs = [];
    const r = bridge.command(cmd, marked(args, blobs));
    if (r.status !== 'ok') throw new TypeError(r.error);
    if (r.runs === 'viewer') return getState();
    return page[r.cmd](...r.args.map((a) => unmarked(a, blobs)), ...extra);
  }
  const method = (cmd) => (...args) => run(cmd, args);

  const viewer = {
    getState,
    urlOptions: state.urlOptions,  // what the core read from the query (e.g. embed.html's `parents`)
    // A postMessage-shaped command ({bukchon: 1, id, cmd, args}): the core checks the envelope and the arguments
    // (src/core/embed/embed_command.cpp), runs its own commands, and hands the page's here. Resolves {ignored: reason}
    // for a message that is not a well-formed command, {id, ok: false, error} for bad arguments, {id, ok: true,
    // result} after running.
    async command(message) {
      const blobs = [];
      let text = '';
      try {
        text = JSON.stringify(message, (key, value) => (value instanceof Blob ? { $blob: blobs.push(value) - 1 } : value)) || '';
      } catch { /* cyclic or otherwise unserializable: the core ignores an empty message */ }
      let bytes = new TextEncoder().encode(text);
      if (bytes.length > ctx.maxMessageBytes) bytes = bytes.subarray(0, ctx.maxMessageBytes + 1);  // the core says it is too large
      const r = bridge.embedCommand(bytes);
      if (r.status === 'ignored') return { ignored: r.reason };
      if (r.status === 'invalid') return { id: r.id, ok: false, error: r.error };
      try {
        const result = r.runs === 'viewer' ? getState() : await page[r.cmd](...r.args.map((a) => unmarked(a, blobs)));
        return { id: r.id, ok: true, result };
      } catch (error) {
        return { id: r.id, ok: false, error: String(error && error.message ? error.message : error) };
      }
    },
    screenPositionOf: (id) => bridge.screenPosition(String(id)),
    measureSteps(frames, stepMs) {   // docs/api.md: the CPU frame alone, as the native bench runs it
      bridge.measureSteps(Math.max(1, Math.min(240, Math.floor(Number(frames) || 1))), Math.max(0, Number(stepMs) || 0));
      return getState().frame;
    },
    on(event, fn) {
      if (!ctx.listeners.has(event)) ctx.listeners.set(event, []);
      ctx.listeners.get(event).push(fn);
      return () => ctx.listeners.set(event, ctx.listeners.get(event).filter((f) => f !== fn));
    },
    story: {
      start: () => run('storyStart', []),
      stop: () => run('storyStop', []),
      next: () => run('storyNext', []),
      previous: () => run('storyPrevious', []),
      go: (n) => run('storyGo', [n]),
    },
  };
  for (const cmd of ['play', 'pause', 'seek', 'setSpeed', 'setLoop', 'select', 'setLayers', 'resetView', 'nextEvent',
                     'focusEvent', 'selectNext', 'zoomBy', 'setUi', 'setLimits', 'setDetail', 'setMetric', 'setFilter',
                     'setEventRules', 'setPalette', 'compare', 'showPane', 'fullscreen']) viewer[cmd] = method(cmd);
  // Those that wait for something return a Promise, also when the core refuses their arguments.
  for (const cmd of ['setLanguage', 'load', 'setImportZone', 'screenshot', 'record', 'saveOffline']) viewer[cmd] = async (...args) => run(cmd, args);
  // exportVideo's signal and onProgress stay in the page; the rest is checked by the core.
  viewer.exportVideo = async (opts) => {
    if (!opts || typeof opts !== 'object') return run('exportVideo', [opts]);
    const { signal, onProgress, ...rest } = opts;
    return run('exportVideo', [rest], { signal, onProgress });
  };
  // flyTo's options come last and may be left out.
  viewer.flyTo = (lat, lon, zoom, opts) => run('flyTo', [lat, lon, zoom, opts ?? null]);
  return { viewer, run, page, commit };
}
