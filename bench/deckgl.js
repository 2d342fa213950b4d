// deckgl.js — the peer replay in deck.gl 9, built the way deck.gl's performance guide recommends for large, often
// updated data: binary attributes (typed arrays handed to the layer, no per-object accessors), positions uploaded
// once, colours and radii recomputed for the replay time every frame and passed as new arrays (deck.gl re-uploads
// exactly those two attributes). The sensors and readings come from the same .bkr file our viewer loads.
/* global deck */

// The readings of a .bkr file (docs/formats.md, "Values"): version 1 is f32 × count (zero-copy); version 2 is runs,
// each raw f32 or decimal fixed point as varint differences.
function readValues(bytes, dv, at, count, version) {
  if (version < 2) return new Float32Array(bytes, at, count);
  const out = new Float32Array(count);
  const u8 = new Uint8Array(bytes);
  let p = at, k = 0;
  const varint = () => {
    let v = 0, shift = 1;
    for (;;) {
      const b = u8[p++];
      v += (b & 127) * shift;
      if (b < 128) return v;
      shift *= 128;
    }
  };
  while (k < count) {
    const decimals = u8[p++];
    const n = varint();
    if (decimals === 255) {
      for (let i = 0; i < n; i++, p += 4) out[k++] = dv.getFloat32(p, true);
    } else {
      const scale = 10 ** decimals;
      let q = 0;
      for (let i = 0; i < n; i++) {
        const c = varint();
        if (c === 0) { out[k++] = NaN; continue; }
        const z = c - 1;
        q += z % 2 ? -(z + 1) / 2 : z / 2;
        out[k++] = q / scale;
      }
    }
  }
  return out;
}

(async () => {
  const params = new URLSearchParams(location.search);
  const bytes = await (await fetch(params.get('data') || 'scale.bkr')).arrayBuffer();
  const dv = new DataView(bytes);
  const u64 = (at) => Number(dv.getBigUint64(at, true));
  const sensorCount = dv.getUint32(24, true), seriesCount = dv.getUint32(28, true);
  const sensorsOff = u64(96), seriesOff = u64(104), valuesOff = u64(120), valueCount = u64(40);
  const strings = new Uint8Array(bytes, u64(80), u64(88));
  const values = readValues(bytes, dv, valuesOff, valueCount, dv.getUint16(4, true));
  const text = (refAt) => new TextDecoder().decode(strings.subarray(dv.getUint32(refAt, true), dv.getUint32(refAt, true) + dv.getUint32(refAt + 4, true)));

  // Per sensor: position, type (for the colour scale), and its one regular series.
  const positions = new Float32Array(sensorCount * 2);
  const typeOf = new Uint8Array(sensorCount);
  const TYPES = ['bin', 'parking', 'noise', 'footfall', 'air', 'fire'];
  const capacity = new Float32Array(sensorCount);
  for (let i = 0; i < sensorCount; i++) {
    const at = sensorsOff + i * 80;
    positions[i * 2] = dv.getFloat64(at + 48, true);      // lon
    positions[i * 2 + 1] = dv.getFloat64(at + 40, true);  // lat
    typeOf[i] = Math.max(0, TYPES.indexOf(text(at + 8)));
    capacity[i] = dv.getFloat64(at + 56, true);
  }
  const seriesOffset = new Uint32Array(sensorCount), seriesCountOf = new Uint32Array(sensorCount);
  let startMs = 0, stepMs = 1;
  for (let s = 0; s < seriesCount; s++) {
    const at = seriesOff + s * 64;
    const sensor = dv.getUint32(at, true);
    seriesCountOf[sensor] = dv.getUint32(at + 4, true);
    seriesOffset[sensor] = dv.getUint32(at + 24, true);
    startMs = Number(dv.getBigInt64(at + 48, true));
    stepMs = Number(dv.getBigInt64(at + 56, true));
  }
  const endMs = Number(dv.getBigInt64(64, true));

  // The same value → colour rules as the viewer's glyphs (thresholds per type), and size for loudness.
  const GREEN = [47, 158, 104], YELLOW = [232, 185, 35], ORANGE = [230, 126, 34], RED = [192, 57, 43], INK = [41, 46, 56];
  const colours = new Uint8Array(sensorCount * 4);
  const radii = new Float32Array(sensorCount);
  const paint = (t) => {
    const f = (t - startMs) / stepMs;
    const k = Math.floor(f), frac = f - k;
    for (let i = 0; i < sensorCount; i++) {
      const n = seriesCountOf[i], o = seriesOffset[i];
      const a = values[o + Math.min(Math.max(k, 0), n - 1)], b = values[o + Math.min(Math.max(k + 1, 0), n - 1)];
      const v = a + (b - a) * frac;
      let c = INK, r = 4;
      switch (typeOf[i]) {
        case 0: c = v <= 50 ? GREEN : v <= 80 ? YELLOW : v < 99.5 ? ORANGE : RED; break;
        case 1: { const x = capacity[i] > 0 ? v / capacity[i] : v / 10; c = x <= 0.6 ? GREEN : x <= 0.85 ? YELLOW : x <= 0.97 ? ORANGE : RED; break; }
        case 2: c = v <= 45 ? GREEN : v <= 55 ? YELLOW : v <= 65 ? ORANGE : RED; r = 3 + Math.min(1, Math.max(0, (v - 30) / 60)) * 4; break;
        case 3: c = [201, 146, 30]; r = 3 + Math.min(1, v / 2000) * 4; break;
        case 4: c = v <= 15 ? [52, 113, 190] : v <= 35 ? GREEN : v <= 75 ? ORANGE : RED; break;
        case 5: c = v >= 57 ? RED : INK; break;
      }
      colours[i * 4] = c[0]; colours[i * 4 + 1] = c[1]; colours[i * 4 + 2] = c[2]; colours[i * 4 + 3] = 255;
      radii[i] = r;
    }
  };

  let lo = [180, 90], hi = [-180, -90];
  for (let i = 0; i < sensorCount; i++) {
    lo = [Math.min(lo[0], positions[i * 2]), Math.min(lo[1], positions[i * 2 + 1])];
    hi = [Math.max(hi[0], positions[i * 2]), Math.max(hi[1], positions[i * 2 + 1])];
  }
  const view = new deck.WebMercatorViewport({ width: innerWidth, height: innerHeight }).fitBounds([lo, hi], { padding: 40 });
  const instance = new deck.Deck({
    parent: document.getElementById('map'),
    initialViewState: { longitude: view.longitude, latitude: view.latitude, zoom: view.zoom },
    controller: false,
    useDevicePixels: true,
  });
  const speed = Number(params.get('speed') || 3600);
  let t = startMs, last = performance.now(), version = 0;
  const layer = () => new deck.ScatterplotLayer({
    id: 'sensors',
    data: { length: sensorCount, attributes: {
      getPosition: { value: positions, size: 2 },
      getFillColor: { value: colours.slice(), size: 4, normalized: true },   // a new array: this attribute re-uploads
      getRadius: { value: radii.slice(), size: 1 },
    } },
    radiusUnits: 'pixels',
    stroked: false,
    updateTriggers: { getFillColor: version, getRadius: version },
  });
  // Frame intervals measured the same way as on our page: requestAnimationFrame deltas.
  const intervals = [];
  const tick = (now) => {
    intervals.push(now - last);
    if (intervals.length > 600) intervals.shift();
    t += (now - last) * speed;
    if (t > endMs) t = startMs + (t - endMs);
    last = now;
    paint(t);
    version++;
    instance.setProps({ layers: [layer()] });
    requestAnimationFrame(tick);
  };
  window.bench = {
    sensors: sensorCount, readings: valueCount,
    reset() { intervals.length = 0; },
    intervals: () => intervals.slice(),
  };
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
})();
