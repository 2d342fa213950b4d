// video-export.js — viewer.exportVideo (docs/api.md): a video rendered frame by frame at a fixed rate, not captured
// in real time. The core plans the frames (src/core/embed/video_export.cpp); each frame is one fixed step of the
// platform (bk_video_frame: exactly 1/fps of video, speed/fps of replay, at the video's size), encoded by WebCodecs'
// VideoEncoder and muxed into WebM (or MP4) by mediabunny, which is imported only here, when a video is exported.
// Without VideoEncoder it falls back to the real-time recorder (viewer.record) and says so.
import { inlineResource } from './viewer-files.js';

const MUXER_URL = new URL('vendor/mediabunny.mjs', import.meta.url).href;
const QUEUE_LIMIT = 4;         // frames waiting in the encoder before rendering waits for it (back-pressure)

// The muxer's module: from the site, or in the offline single file from its inline copy (a blob: module).
async function loadMuxer() {
  const inline = inlineResource(MUXER_URL);
  if (!inline) return import(MUXER_URL);
  const url = URL.createObjectURL(new Blob([inline], { type: 'text/javascript' }));
  try { return await import(url); } finally { URL.revokeObjectURL(url); }
}

// The first codec this browser encodes at this size: H.264 in MP4 when asked for and present, else VP9, else VP8.
async function pickCodec(plan) {
  const pixels = plan.width * plan.height;
  const bitrate = Math.round(Math.min(40e6, Math.max(1e6, pixels * plan.fps * 0.08)));
  const vp9Level = pixels > 2228224 ? '51' : pixels > 983040 ? '41' : '31';
  const candidates = [
    ...(plan.format === 'mp4' ? [{ codec: 'avc1.640033', muxer: 'avc', container: 'mp4' }] : []),
    { codec: `vp09.00.${vp9Level}.08`, muxer: 'vp9', container: 'webm' },
    { codec: 'vp8', muxer: 'vp8', container: 'webm' },
  ];
  for (const c of candidates) {
    const config = { codec: c.codec, width: plan.width, height: plan.height, bitrate, framerate: plan.fps,
                     latencyMode: 'quality', ...(c.muxer === 'avc' ? { avc: { format: 'avc' } } : {}) };
    try {
      if ((await VideoEncoder.isConfigSupported(config)).supported) return { ...c, config };
    } catch { /* a codec string this browser does not parse: try the next */ }
  }
  return null;
}

const aborted = () => new DOMException('exportVideo: cancelled', 'AbortError');

// The replay time as the video shows it in ui=none (the timeline shows it otherwise): "2026-05-16 14:00".
function clockText(s) {
  return (s.time || '').replace('T', ' ').slice(0, 16);
}

// Frames that need more than the canvas (a story's caption, the time in ui=none) are composited in 2D: the
// caption is HTML over the canvas on the page, so it is not in the canvas's pixels. The caption's box is the core's
// layout's (getState().panels.caption at the video's size: the same room as on the page, clear of every panel),
// its type fitted as the page fits it (two lines at most, words kept whole: Korean breaks between words).
function makeCompositor(width, height) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  const font = '"Nanum Gothic Subset", "Nanum Gothic", sans-serif';
  const unit = height / 1080;
  // Lines of at most maxWidth, broken between words; a word longer than a line is broken where it must be.
  const wrap = (text, maxWidth) => {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (g.measureText(next).width <= maxWidth) { line = next; continue; }
      if (line) lines.push(line);
      line = word;
      while (g.measureText(line).width > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && g.measureText(line.slice(0, cut)).width > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    if (line) lines.push(line);
    return lines;
  };
  // room: {x, y, w, h} in video px; scale: video px per design px.
  const captionBox = (caption, room, scale) => {
    const padX = 0.85, padY = 0.45;  // em, as .bk-caption
    for (let size = Math.round(26 * scale); ; size--) {
      const subSize = Math.max(14, Math.round(size * 0.62));
      g.font = `700 ${size}px ${font}`;
      const main = wrap(caption.main, room.w - 2 * padX * size);
      g.font = `400 ${subSize}px ${font}`;
      const sub = caption.sub ? wrap(caption.sub, room.w - 2 * padX * size) : [];
      const h = 2 * padY * size + main.length * size * 1.3 + (sub.length ? 0.3 * size + sub.length * subSize * 1.3 : 0);
      if ((main.length <= 2 && h <= room.h) || size <= Math.round(15 * scale)) return { size, subSize, main, sub, h, padY };
    }
  };
  return (source, { caption, clock, room, scale }) => {
    g.drawImage(source, 0, 0, width, height);
    if (clock) {
      g.font = `700 ${Math.round(26 * unit)}px ${font}`;
      // Top right: the data badge holds the top left, the attribution the bottom right.
      const w = g.measureText(clock).width + 28 * unit, x = width - 16 * unit - w;
      g.fillStyle = 'rgba(28, 33, 44, .78)';
      g.fillRect(x, 16 * unit, w, 44 * unit);
      g.fillStyle = '#fdfbf6';
      g.textBaseline = 'middle';
      g.fillText(clock, x + 14 * unit, 38 * unit);
    }
    if (caption?.main && room && room.w > 0 && room.h > 0) {
      const box = captionBox(caption, room, scale);
      const top = room.y + room.h - Math.min(room.h, box.h);
      g.fillStyle = 'rgba(28, 33, 44, .9)';
      g.beginPath();
      g.roundRect?.(room.x, top, room.w, Math.min(room.h, box.h), 14 * scale);
      g.fill();
      g.textAlign = 'center';
      g.textBaseline = 'top';
      const cx = room.x + room.w / 2;
      let y = top + box.padY * box.size + 0.15 * box.size;
      g.fillStyle = '#fdfbf6';
      g.font = `700 ${box.size}px ${font}`;
      for (const l of box.main) { g.fillText(l, cx, y); y += box.size * 1.3; }
      y += 0.3 * box.size;
      g.fillStyle = '#e6e1d6';
      g.font = `400 ${box.subSize}px ${font}`;
      for (const l of box.sub) { g.fillText(l, cx, y); y += box.subSize * 1.3; }
      g.textAlign = 'start';
    }
    return canvas;
  };
}

// What an export changes and puts back afterwards: time, speed, play state, layers, selection, view, the tour.
function saveView(viewer, story) {
  const s = viewer.getState();
  const tour = story?.active() ? story.status().step : -1;
  story?.stop();
  return () => {
    viewer.setLayers(s.layers);
    viewer.select(s.selected);
    viewer.flyTo(s.view.lat, s.view.lon, s.view.zoom, { animate: false });
    viewer.setSpeed(s.speed);
    viewer.seek(s.timeMs);
    if (s.playing) viewer.play(); else viewer.pause();
    if (tour >= 0) story.show(tour);
  };
}

// ctx: {bridge, canvas, state, emit, text}; viewer: the Viewer object; options: exportVideo's checked options.
// progress({done, total, framesPerSecond, etaS, note, realtime}) is also emitted as 'videoprogress'.
export async function exportVideo(ctx, viewer, options, { signal, onProgress } = {}) {
  const { bridge, canvas, state, emit } = ctx;
  if (state.exporting) throw new Error('exportVideo: an export is already running');
  const story = state.story;
  const s0 = viewer.getState();
  const plan = bridge.videoPlan({ options, speed: s0.speed, story: story ? story.steps.map((st) => st.duration_s) : [] });
  if (plan.error) throw new TypeError(plan.error);
  if (signal?.aborted) throw aborted();
  const report = (p) => {
    const event = { ...p, total: plan.frames, width: plan.width, height: plan.height, fps: plan.fps };
    onProgress?.(event);
    emit('videoprogress', event);
  };
  state.exporting = true;
  try {
    if (typeof VideoEncoder === 'undefined' || typeof VideoFrame === 'undefined') return await realtime(ctx, viewer, plan, signal, report);
    const codec = await pickCodec(plan);
    if (!codec) return await realtime(ctx, viewer, plan, signal, report);
    const mux = await loadMuxer();
    return await frameByFrame(ctx, viewer, plan, codec, mux, signal, report);
  } finally {
    state.exporting = false;
  }
}

async function frameByFrame(ctx, viewer, plan, codec, mux, signal, report) {
  const { bridge, canvas, state } = ctx;
  const story = state.story;
  const target = new mux.BufferTarget();
  const output = new mux.Output({
    format: codec.container === 'mp4' ? new mux.Mp4OutputFormat({ fastStart: 'in-memory' }) : new mux.WebMOutputFormat(),
    target,
  });
  const source = new mux.EncodedVideoPacketSource(codec.muxer);
  output.addVideoTrack(source, { frameRate: plan.fps });
  await output.start();
  let failure = null;
  let muxing = Promise.resolve();
  const encoder = new VideoEncoder({
    output: (chunk, meta) => {
      const packet = mux.EncodedPacket.fromEncodedChunk(chunk);
      muxing = muxing.then(() => source.add(packet, meta)).catch((e) => { failure = failure || e; });
    },
    error: (e) => { failure = failure || e; },
  });
  encoder.configure(codec.config);
  const restore = saveView(viewer, story);
  const composite = makeCompositor(plan.width, plan.height);
  const uiNone = viewer.getState().ui === 'none';
  const frameUs = (k) => Math.round((k * 1e6) / plan.fps);
  const keyEvery = Math.max(1, Math.round(plan.fps * 2));
  const started = performance.now();
  let lastReport = 0;
  bridge.videoBegin();  // the main loop waits: only the fixed steps below draw
  try {
    // What each frame shows: a span plays from `from` at its speed; a story runs its steps, each for its frames.
    const schedule = plan.story ? plan.stepFrames.map((n, i) => [i, n]) : [[-1, plan.frames]];
    if (!plan.story) {
      viewer.seek(plan.fromMs);
      viewer.setSpeed(plan.speed);
      viewer.play();
    }
    let k = 0;
    // A story's frames leave its caption room, as the page does (the layout at the video's size).
    if (plan.story) ctx.run('setOverlays', [{ ...ctx.layout.overlays(), caption: true }]);
    let room = null, scale = 1;
    for (const [step, count] of schedule) {
      const caption = step >= 0 ? story.apply(step) : null;
      for (let i = 0; i < count; i++, k++) {
        if (signal?.aborted) throw aborted();
        if (failure) throw failure;
        bridge.videoFrame(k === 0 ? 0 : 1000 / plan.fps, plan.width, plan.height);
        if (caption && !room) {  // laid out once: the video's size and overlays do not change during an export
          const p = viewer.getState().panels;
          room = { x: p.caption.x * p.dpr, y: p.caption.y * p.dpr, w: p.caption.w * p.dpr, h: p.caption.h * p.dpr };
          scale = p.scale * p.dpr;
        }
        const clock = uiNone ? clockText(viewer.getState()) : '';
        const picture = caption || clock ? composite(canvas, { caption, clock, room, scale }) : canvas;
        const frame = new VideoFrame(picture, { timestamp: frameUs(k), duration: frameUs(k + 1) - frameUs(k) });
        encoder.encode(frame, { keyFrame: k % keyEvery === 0 });
        frame.close();
        while (encoder.encodeQueueSize > QUEUE_LIMIT && !failure) {
          await new Promise((resolve) => encoder.addEventListener('dequeue', resolve, { once: true }));
        }
        const now = performance.now();
        if (now - lastReport > 100 || k === plan.frames - 1) {
          lastReport = now;
          const perSecond = ((k + 1) * 1000) / Math.max(1, now - started);
          report({ done: k + 1, framesPerSecond: perSecond, etaS: (plan.frames - k - 1) / perSecond, phase: 'encoding' });
          await new Promise((resolve) => setTimeout(resolve, 0));  // let the page paint the progress and take a click
        }
      }
    }
    report({ done: plan.frames, framesPerSecond: (plan.frames * 1000) / (performance.now() - started), etaS: 0, phase: 'finishing' });
    await encoder.flush();
    await muxing;
    if (failure) throw failure;
    await output.finalize();
    const blob = new Blob([target.buffer], { type: codec.container === 'mp4' ? 'video/mp4' : 'video/webm' });
    const seconds = (performance.now() - started) / 1000;
    report({ done: plan.frames, framesPerSecond: plan.frames / seconds, etaS: 0, phase: 'done', codec: codec.codec, bytes: blob.size });
    return blob;
  } catch (error) {
    await output.cancel().catch(() => {});
    throw error;
  } finally {
    if (encoder.state !== 'closed') encoder.close();
    bridge.videoEnd();
    ctx.layout?.forget();  // the page's own overlays again at the next tick
    // The view is put back once a frame at the page's size has run: the camera scaled with the video's size.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    restore();
    // and the export returns once the view is back (its camera lands on the next frame)
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }
}

// No WebCodecs encoder: the real-time recorder, as the replay plays (a slow computer's file stutters).
async function realtime(ctx, viewer, plan, signal, report) {
  const { state, text } = ctx;
  const note = text('video.fallback');
  const restore = saveView(viewer, state.story);
  try {
    if (plan.story) state.story.start();
    else {
      viewer.seek(plan.fromMs);
      viewer.setSpeed(plan.speed);
      viewer.play();
    }
    report({ done: 0, etaS: plan.seconds, note, realtime: true, phase: 'recording' });
    const started = performance.now();
    const timer = setInterval(() => {
      const done = Math.min(plan.frames, Math.round(((performance.now() - started) / 1000) * plan.fps));
      report({ done, etaS: plan.seconds - done / plan.fps, note, realtime: true, phase: 'recording' });
    }, 250);
    try {
      const recording = viewer.record(Math.max(0.1, plan.seconds), { fps: plan.fps });
      const cancelled = new Promise((resolve, reject) => signal?.addEventListener('abort', () => reject(aborted()), { once: true }));
      return await Promise.race([recording, cancelled]);
    } finally {
      clearInterval(timer);
    }
  } finally {
    restore();
  }
}
