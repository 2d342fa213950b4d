// viewer-bridge.js — the wasm module's C functions (src/platform/js_bridge.cpp) as JavaScript calls: bytes and text
// into the heap, JSON back. Nothing here decides anything: the core checks and answers.
import { localeTables } from './viewer-locale.js';

const encoder = new TextEncoder();

function heap(module, bytes, fn) {
  const ptr = module._malloc(Math.max(1, bytes.length));
  module.HEAPU8.set(bytes, ptr);
  try { return fn(ptr, bytes.length); } finally { module._free(ptr); }
}

export function createBridge(module) {
  const json = (ptr) => JSON.parse(module.UTF8ToString(ptr));
  const withText = (value, fn) => heap(module, encoder.encode(`${value}\0`), (ptr) => fn(ptr));
  const withJson = (value, fn) => heap(module, encoder.encode(JSON.stringify(value)), fn);
  return {
    module,
    state: () => json(module._bk_state()),
    sensorIds: () => json(module._bk_sensor_ids()),
    heapBytes: () => module.HEAPU8.length,
    heapUsed: () => module._bk_heap_used(),
    measureSteps: (frames, stepMs) => module._bk_bench_steps(frames, stepMs),
    launchParams: (query) => withText(query, (p) => json(module._bk_launch_params(p))),
    startCommands: (options) => withJson(options, (p, l) => json(module._bk_start_commands(p, l))),
    // {cmd, args} → {status: 'ok', runs: 'viewer' | 'page', cmd, args} or {status: 'invalid', error} (commands.hpp).
    command: (cmd, args) => withJson({ cmd, args }, (p, l) => json(module._bk_command(p, l))),
    embedCommand: (bytes) => heap(module, bytes, (p, l) => json(module._bk_embed_command(p, l))),
    key: (key, shift) => withText(key, (p) => json(module._bk_key(p, shift ? 1 : 0))),
    keyHelp: () => json(module._bk_key_help()),
    screenPosition: (id) => withText(id, (p) => json(module._bk_screen_position(p))),
    setFonts: (regular, bold) => heap(module, regular, (rp, rl) => heap(module, bold, (bp, bl) => module._bk_set_fonts(rp, rl, bp, bl))),
    // The UI language's own glyphs ({regular, bold, covers: [[first, last], …]}, or null for none).
    setLanguageFonts: (fonts) => withText((fonts?.covers || []).flat().join(','), (c) => (fonts
      ? heap(module, fonts.regular, (rp, rl) => heap(module, fonts.bold, (bp, bl) => module._bk_set_language_fonts(rp, rl, bp, bl, c)))
      : module._bk_set_language_fonts(0, 0, 0, 0, c))),
    addFontFile: (name, bytes) => withText(name, (n) => heap(module, bytes, (p, l) => module._bk_add_font_file(n, p, l))),
    fontFileFailed: (name, why) => withText(name, (n) => withText(why, (w) => module._bk_font_file_failed(n, w))),
    // A language file's strings; throws with the core's reason when it cannot be used.
    setLanguage(strings, fileName) {
      const error = withJson({ ...strings, ...localeTables(strings.lang) }, (p, l) => withText(fileName, (n) => module._bk_set_language(p, l, n)));
      if (error) throw new Error(module.UTF8ToString(error));
    },
    // A language's place names, {local name: name} (place_names.hpp).
    addPlaceNames: (code, names) => withText(code, (c) => withText(Object.entries(names).map((e) => e.join('\x1F')).join('\x1E'),
      (r) => module._bk_add_place_names(c, r))),
    // Stages files (kind → {name, bytes}) and commits them: {ok, state}; on failure the previous dataset stays.
    commit(files) {
      for (const [key, file] of Object.entries(files)) {
        const kind = key.split('#')[0];
        // Straight into the viewer's own buffer: a big recording is in the heap once (the heap's view is read after
        // the call, which may have grown it).
        withText(kind, (k) => withText(file.name, (n) => {
          const ptr = module._bk_stage_buffer(k, n, file.bytes.length);
          if (ptr) module.HEAPU8.set(file.bytes, ptr);
        }));
      }
      const ok = module._bk_commit() === 1;
      // The state's JSON on first read only: after the first commit it costs tens of ms, and start-up needs it
      // only when the commit failed or someone listens.
      let state = null;
      return { ok, get state() { state = state || json(module._bk_state()); return state; } };
    },
    // A throw-away commit of a small generated city while the data downloads: the real commit then runs in code
    // the engine has compiled (decision 83). Nothing of it is kept or shown.
    rehearse: () => module._bk_rehearse() === 1,
    // A manifest's bytes → {kind: url as written}; throws with the core's message (file, line, field) if unusable.
    manifest(bytes, fileName) {
      const r = heap(module, bytes, (p, l) => withText(fileName, (n) => json(module._bk_manifest(p, l, n))));
      if (r.error) throw new Error(r.error);
      return r.files;
    },
    failLoad: (message, report = null) => withText(message, (p) => withText(report ? JSON.stringify(report) : '', (r) => module._bk_fail_load(p, r))),
    // The core's size rule for a file of this kind (the file-kind table's name), "" when it may be loaded.
    fileSizeProblem: (kind, name, bytes) => withText(kind, (k) => withText(name, (p) => module.UTF8ToString(module._bk_file_size_problem(k, p, bytes)))),
    // Which kind a file is (file_kinds.hpp): its name and first bytes.
    classifyFile: (name, head) => withText(name, (n) => heap(module, head, (p, l) => module.UTF8ToString(module._bk_classify_file(n, p, l)))),
    fileKinds: () => json(module._bk_file_kinds()),
    // The converter a file of this kind goes through, from its first bytes: "" for the viewer's own .bkr and .bkm.
    fileConverter: (kind, head) => withText(kind, (k) => heap(module, head, (p, l) => module.UTF8ToString(module._bk_file_converter(k, p, l)))),
    // What is shown as the viewer's own files ({recording, map}: Uint8Array copies, map null without one).
    savedData() {
      const r = json(module._bk_saved_data());
      const bytes = ([ptr, n]) => (n ? module.HEAPU8.slice(ptr, ptr + n) : null);
      return { recording: bytes(r.recording), map: bytes(r.map) };
    },
    setReducedMotion: (on) => module._bk_set_reduced_motion(on ? 1 : 0),
    capture: (scale) => module._bk_capture(scale),
    // Video export (video-export.js): the core's plan of frames, then fixed steps with the main loop paused.
    videoPlan: (input) => withJson(input, (p, l) => json(module._bk_video_plan(p, l))),
    videoBegin: () => module._bk_video_begin(),
    videoFrame: (elapsedMs, width, height) => module._bk_video_frame(elapsedMs, width, height),
    videoEnd: () => module._bk_video_end(),
    destroy: () => module._bk_destroy(),
  };
}
