// viewer-shaper.js — the shaper module (bukchon-shaper.js + .wasm: HarfBuzz, FriBidi), fetched the first time the
// viewer's text needs shaping (Thai, Devanagari, Arabic …) and compiled once per page; the viewer's module calls it
// synchronously through Module.shaperModule (src/platform/shaper_port.cpp). The offline single file carries both.
import { compileWasm, lazyModule } from './viewer-files.js';
import { SITE } from './site-manifest.js';

let shaper = null;   // Promise of the instantiated module, once asked for

// Connects the loaded shaper to the viewer's module: Module.shaperCall (src/platform/shaper_port.cpp) copies the
// arguments into the shaper's heap, calls bk_shaper_call, and copies its answer into a buffer of the viewer's.
export function connectShaper(viewer, s) {
  viewer.shaperCall = (op, a, aLength, b, bLength, size, outLength) => {
    const put = (p, n) => {
      const q = s._malloc(n + 1);
      s.HEAPU8.set(viewer.HEAPU8.subarray(p, p + n), q);
      s.HEAPU8[q + n] = 0;
      return q;
    };
    const qa = put(a, aLength), qb = put(b, bLength);
    const r = s._bk_shaper_call(op, qa, aLength, qb, bLength, size);
    s._free(qa);
    s._free(qb);
    const n = s._bk_shaper_result_length();
    const out = viewer._malloc(n + 1);
    viewer.HEAPU8.set(s.HEAPU8.subarray(r, r + n), out);
    viewer.HEAPU8[out + n] = 0;
    new DataView(viewer.HEAPU8.buffer).setInt32(outLength, n, true);
    return out;
  };
}

// `ahead`: {glue, wasm} promises the start-up made already (a language that needs shaping: bukchon-replay.js).
export function loadShaper(ahead = {}) {
  if (!shaper) {
    shaper = (async () => {
      const [{ default: createShaper }, wasm] = await Promise.all([
        ahead.glue || lazyModule('bukchon-shaper.js'),
        ahead.wasm || compileWasm(new URL(SITE.wasm.shaper, import.meta.url).href),
      ]);
      return createShaper({ instantiateWasm: (imports, receive) => {
        WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm));
        return {};
      } });
    })();
    shaper.catch(() => { shaper = null; });   // a failed download may be tried again
  }
  return shaper;
}
