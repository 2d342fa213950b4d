// viewer-input.js — the page's inputs and outputs around the canvas: keys (through the core's key table), dropped
// files, the "time" event and the screen-reader live region, and the kiosk's idle behaviour. Mouse, wheel and touch
// are the core's (src/platform/web_main.cpp).
import { localeOf } from './viewer-locale.js';

// ctx: {bridge, chrome, canvas, element, state, options, emit, text}, api: createApi's {viewer, page}.
// Returns {listen, stop}: a listener that is removed at stop(), and stop() itself.
export function attachInput(ctx, api) {
  const { bridge, chrome, canvas, element, state, emit } = ctx;
  const { viewer, page } = api;
  const domListeners = [];
  const listen = (target, type, fn) => { target.addEventListener(type, fn); domListeners.push([target, type, fn]); };

  // Keys: the core's key table says what each does; it has run the viewer's commands, the page runs its own.
  listen(canvas, 'keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const r = bridge.key(e.key, e.shiftKey);
    if (!r || r.status !== 'ok') return;
    if (r.runs === 'page' && page[r.cmd](...r.args) === false) return;
    e.preventDefault();
  });

  // Drop dataset files (map, sensors, recording, logs) on the viewer to load them through the same checks; a JSON
  // file with "steps" is a story (story.json), the tour and the story editor's steps, not data.
  listen(element, 'dragover', (e) => { if (e.dataTransfer?.types?.includes('Files')) e.preventDefault(); });
  listen(element, 'drop', async (e) => {
    if (!e.dataTransfer?.files?.length) return;
    e.preventDefault();
    const files = [...e.dataTransfer.files];
    const story = files.length === 1 ? await storyIn(files[0]) : null;
    if (story) {
      try {
        await ctx.storyEditor.loadStory(story, files[0].name);   // the editor loads on first use
        chrome.hideError();
      } catch (error) {
        chrome.showError(error.message);  // names the file and the field; the data and the viewer carry on
      }
      return;
    }
    viewer.load(files).catch(() => {});  // the banner shows why; the current data stays
  });

  // 'time' at most 4 times a second while playing; the live region every ~10 s.
  const timers = { frame: 0, live: 0 };
  let lastTime = 0;
  const tick = (now) => {
    if (state.destroyed) return;
    if (now - lastTime >= 250) {
      const s = viewer.getState();
      if (s.playing) { lastTime = now; emit('time', s); }
      ctx.layout?.update(s);  // the page's overlays in their places of the layout (viewer-layout.js)
    }
    timers.frame = requestAnimationFrame(tick);
  };
  timers.frame = requestAnimationFrame(tick);
  timers.live = setInterval(() => {
    const s = viewer.getState();
    if (s.playing) chrome.announce(liveSummary(s, ctx.text));
  }, 10000);

  const stop = () => {
    clearInterval(timers.live);
    cancelAnimationFrame(timers.frame);
    for (const [target, type, fn] of domListeners) target.removeEventListener(type, fn);
  };
  return { listen, stop };
}

// A dropped file's story (a JSON object with "steps"), or null: anything else is data for viewer.load.
async function storyIn(file) {
  if (!/\.json$/i.test(file.name) || file.size > 8 * 1024 * 1024) return null;
  try {
    const json = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
    return json && typeof json === 'object' && !Array.isArray(json) && 'steps' in json ? json : null;
  } catch {
    return null;  // not JSON: the loader says why
  }
}

function liveSummary(s, text) {
  const k = s.kpis || {};
  // The data's local time (the UTC offset in force then, daylight saving included), whatever the city: shift, then
  // format as UTC.
  const when = new Date(s.timeMs + (s.utcOffsetMinutes ?? 540) * 60000);
  const locale = localeOf(s.lang);
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hour12: false }).format(when);
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(when);
  const n = (v) => Math.round(v ?? 0).toLocaleString(locale);
  return text('live.summary', { date, time, bins: n(k.binsOver80), total: n(k.bins), parking: n(k.parkingOccupancyPct),
                                pm25: n(k.pm25MaxToday), alarms: n(k.activeAlarms) });
}

// Kiosk: loops forever, a full-screen button, cursor hidden when idle, back to the tour after `idleSeconds`
// without touch.
export function setupKiosk(ctx, viewer, listen, idleSeconds) {
  const { element, chrome, state, text } = ctx;
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
