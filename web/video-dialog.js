// video-dialog.js — the page's "Export video" button and dialog, for a presenter who never reads the docs: what to
// export (this day, the whole recording, from–to, the whole story), frame rate and size, the length it makes, a
// progress bar with frames and time left, Cancel, and the download. It calls viewer.exportVideo (video-export.js).
// Text only through textContent; both languages from assets/i18n/*.json.
import { fileStem } from './viewer-files.js';
import { localeOf } from './viewer-locale.js';

const SIZES = [[1280, 720], [1920, 1080], [3840, 2160]];
const DAY_MS = 86400000;

// ctx: {element, canvas, state, text}; viewer: the Viewer object; `opener`: the toolbar's button, if the page made it
// already (viewer-dialogs.js: this module loads on first use). Returns {open, close, isOpen, relabel, setShown}.
export function createVideoDialog(ctx, viewer, opener = null) {
  const { element, canvas, text, chrome } = ctx;
  const el = (tag, parent, props = {}) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    parent.appendChild(node);
    return node;
  };
  opener ||= el('button', chrome.toolbar, { type: 'button', className: 'bk-video-open bk-tool' });
  opener.addEventListener('click', () => open());

  const dialog = el('dialog', element, { className: 'bk-video' });
  dialog.setAttribute('aria-labelledby', 'bk-video-title');
  const title = el('h2', dialog, { id: 'bk-video-title' });
  // The other way to carry the replay away: one HTML file with everything on screen (offline-dialog.js).
  const offlineRow = el('p', dialog, { className: 'bk-video-offline' });
  const offlineText = el('span', offlineRow);
  const offlineButton = el('button', offlineRow, { type: 'button' });
  offlineButton.addEventListener('click', () => { close(); ctx.offlineDialog?.open(); });
  const form = el('form', dialog, { method: 'dialog' });
  const spanSet = el('fieldset', form);
  const spanLegend = el('legend', spanSet);
  const choice = (value) => {
    const label = el('label', spanSet, { className: 'bk-video-choice' });
    const input = el('input', label, { type: 'radio', name: 'bk-video-span', value });
    const words = el('span', label);
    return { input, words, label };
  };
  const spans = { day: choice('day'), all: choice('all'), range: choice('range'), story: choice('story') };
  const rangeRow = el('div', spanSet, { className: 'bk-video-range' });
  const field = (parent, type, extra = {}) => {
    const label = el('label', parent);
    const words = el('span', label);
    const input = el(type === 'select' ? 'select' : 'input', label, type === 'select' ? {} : { type, ...extra });
    return { label, words, input };
  };
  const from = field(rangeRow, 'datetime-local', { step: 60 });
  const to = field(rangeRow, 'datetime-local', { step: 60 });
  const options = el('div', form, { className: 'bk-video-options' });
  const fps = field(options, 'select');
  for (const f of [30, 60]) el('option', fps.input, { value: String(f), textContent: `${f} fps` });
  const size = field(options, 'select');
  for (const [w, h] of SIZES) el('option', size.input, { value: `${w}x${h}`, textContent: `${h}p (${w}×${h})`, selected: h === 1080 });
  const speed = field(options, 'number', { min: 0.1, max: 100000, step: 'any' });
  const summary = el('p', form, { className: 'bk-video-summary' });
  summary.setAttribute('aria-live', 'polite');
  const note = el('p', form, { className: 'bk-video-note', hidden: true });
  const progressRow = el('div', form, { className: 'bk-video-progress', hidden: true });
  const bar = el('progress', progressRow, { max: 1, value: 0 });
  const progressText = el('span', progressRow);
  progressText.setAttribute('role', 'status');
  const result = el('a', form, { className: 'bk-video-result', hidden: true });
  const buttons = el('div', form, { className: 'bk-video-buttons' });
  const start = el('button', buttons, { type: 'button', className: 'bk-primary' });
  const cancel = el('button', buttons, { type: 'button' });

  let running = null;   // the AbortController of the export under way
  let resultUrl = '';

  const offsetOf = (s) => (s.utcOffsetMinutes ?? 0) * 60000;
  // datetime-local values are the data's local time (its UTC offset), whatever the presenter's computer says.
  const localValue = (ms, s) => new Date(ms + offsetOf(s)).toISOString().slice(0, 16);
  const offsetText = (s) => {
    const m = s.utcOffsetMinutes ?? 0, a = Math.abs(m);
    return `${m < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
  };
  const dayOf = (s) => {
    const start0 = Math.floor((s.timeMs + offsetOf(s)) / DAY_MS) * DAY_MS - offsetOf(s);
    return [Math.max(s.startMs, start0), Math.min(s.endMs, start0 + DAY_MS)];
  };
  const chosen = () => Object.keys(spans).find((k) => spans[k].input.checked) || 'day';

  // The options exportVideo gets from the dialog as it stands.
  const request = () => {
    const s = viewer.getState();
    const [w, h] = size.input.value.split('x').map(Number);
    const o = { fps: Number(fps.input.value), width: w, height: h };
    const kind = chosen();
    if (kind === 'story') return { ...o, story: true };
    o.speed = Number(speed.input.value) || s.speed;
    if (kind === 'day') [o.from, o.to] = dayOf(s);
    else if (kind === 'all') [o.from, o.to] = [s.startMs, s.endMs];
    else {
      o.from = from.input.value ? `${from.input.value}:00${offsetText(s)}` : s.startMs;
      o.to = to.input.value ? `${to.input.value}:00${offsetText(s)}` : s.endMs;
    }
    return o;
  };
  const duration = (seconds) => {
    const m = Math.floor(seconds / 60), sec = Math.round(seconds % 60);
    return m ? text('video.minutes').replace('{m}', m).replace('{s}', sec) : text('video.seconds').replace('{s}', sec);
  };
  // The length and frame count the core plans for these options, or the core's reason they cannot be used.
  const refresh = () => {
    if (running) return;
    const kind = chosen();
    rangeRow.hidden = kind !== 'range';
    speed.label.hidden = kind === 'story';
    const checked = normalized(request());
    const plan = checked.invalid ? { error: checked.invalid }
      : ctx.bridge.videoPlan({ options: checked, speed: viewer.getState().speed,
                               story: ctx.state.story ? ctx.state.story.steps.map((st) => st.duration_s) : [] });
    const error = plan.error;
    summary.classList.toggle('bk-video-error', !!error);
    summary.textContent = error ? error.replace(/^exportVideo: /, '') : text('video.summary').replace('{length}', duration(plan.seconds))
      .replace('{frames}', plan.frames.toLocaleString(localeOf(ctx.state.lang))).replace('{size}', `${plan.width}×${plan.height}`);
    start.disabled = !!error;
  };
  // The core's normalized options (or {invalid: message}) for the plan preview.
  const normalized = (o) => {
    const r = ctx.bridge.command('exportVideo', [o]);
    return r.status === 'ok' ? r.args[0] : { invalid: r.error };
  };
  for (const input of [from.input, to.input, fps.input, size.input, speed.input, ...Object.values(spans).map((c) => c.input)]) {
    input.addEventListener('input', refresh);
    input.addEventListener('change', refresh);
  }

  const setRunning = (on) => {
    for (const input of form.querySelectorAll('input, select')) input.disabled = on || (input === spans.story.input && !hasStory());
    start.hidden = on;
    progressRow.hidden = !on && bar.value === 0;
    cancel.textContent = text(on ? 'video.cancel' : 'video.close');
  };
  const hasStory = () => !!ctx.state.story?.steps.length;

  start.addEventListener('click', async () => {
    const o = request();
    const fromMs = o.story ? viewer.getState().startMs : typeof o.from === 'number' ? o.from : Date.parse(o.from);
    running = new AbortController();
    result.hidden = true;
    note.hidden = true;
    bar.value = 0;
    progressText.textContent = text('video.preparing');
    setRunning(true);
    progressRow.hidden = false;
    try {
      const blob = await viewer.exportVideo({
        ...o, signal: running.signal,
        onProgress: (p) => {
          bar.max = p.total;
          bar.value = p.done;
          if (p.note) { note.textContent = p.note; note.hidden = false; }
          progressText.textContent = p.phase === 'finishing' ? text('video.finishing')
            : text('video.progress').replace('{done}', p.done.toLocaleString(ctx.state.lang))
              .replace('{total}', p.total.toLocaleString(ctx.state.lang)).replace('{eta}', duration(Math.max(0, p.etaS || 0)));
        },
      });
      if (resultUrl) URL.revokeObjectURL(resultUrl);
      resultUrl = URL.createObjectURL(blob);
      const name = videoFileName(fromMs, viewer.getState(), o.story, blob.type);
      result.href = resultUrl;
      result.download = name;
      result.textContent = text('video.done').replace('{name}', name).replace('{mb}', (blob.size / 1048576).toLocaleString(localeOf(ctx.state.lang), { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
      result.hidden = false;
      progressText.textContent = text('video.saved');
      result.click();  // the download starts at once; the link stays for a second copy
    } catch (error) {
      progressText.textContent = error?.name === 'AbortError' ? text('video.cancelled')
        : text('video.failed').replace('{error}', error?.message || String(error));
    } finally {
      running = null;
      setRunning(false);
      refresh();
    }
  });
  cancel.addEventListener('click', () => (running ? running.abort() : close()));
  dialog.addEventListener('cancel', (e) => {  // Esc: cancels an export under way, else closes
    e.preventDefault();
    if (running) running.abort(); else close();
  });

  function relabel() {
    offlineText.textContent = text('video.offline');
    offlineButton.textContent = text('video.offlineButton');
    opener.textContent = text('video.open');
    opener.title = text('video.openHint');
    title.textContent = text('video.title');
    spanLegend.textContent = text('video.span');
    spans.all.words.textContent = text('video.all');
    spans.range.words.textContent = text('video.range');
    spans.story.words.textContent = text('video.story');
    from.words.textContent = text('video.from');
    to.words.textContent = text('video.to');
    fps.words.textContent = text('video.fps');
    size.words.textContent = text('video.size');
    speed.words.textContent = text('video.speed');
    start.textContent = text('video.export');
    cancel.textContent = text(running ? 'video.cancel' : 'video.close');
  }

  function open() {
    if (dialog.open) return;
    const s = viewer.getState();
    relabel();
    const [d0] = dayOf(s);
    const day = new Intl.DateTimeFormat(s.lang, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' })
      .format(new Date(d0 + offsetOf(s)));
    spans.day.words.textContent = text('video.day').replace('{date}', day);
    spans.story.input.disabled = !hasStory();
    spans.story.label.classList.toggle('bk-disabled', !hasStory());
    if (!chosen() || !spans[chosen()].input.checked) spans.day.input.checked = true;
    from.input.min = to.input.min = localValue(s.startMs, s);
    from.input.max = to.input.max = localValue(s.endMs, s);
    if (!from.input.value) [from.input.value, to.input.value] = dayOf(s).map((ms) => localValue(ms, s));
    speed.input.value = String(Math.max(s.speed, 600));  // a day at 600× is 2 min 24 s of video
    if (!running) { bar.value = 0; progressRow.hidden = true; }
    refresh();
    dialog.showModal();
    start.focus();
  }
  function close() {
    if (running) return;
    dialog.close();
    canvas.focus();
  }
  relabel();
  // In the toolbar with the presenter's other button: not in ui=none, not in a kiosk or an embed unless asked for.
  return { open, close, isOpen: () => dialog.open, relabel,
           setShown: (s) => { if (!ctx.state.exporting) opener.hidden = s.ui === 'none' || !ctx.layout?.authoring; } };
}

// bukchon-iot-trial-2026-05-16T1400.webm: the dataset's title and the first frame's local time ("-story" for a tour).
function videoFileName(fromMs, s, story, type) {
  const ext = type === 'video/mp4' ? 'mp4' : 'webm';
  const stem = fileStem(s.title, 'replay');
  if (story) return `${stem}-story.${ext}`;
  const local = new Date(fromMs + (s.utcOffsetMinutes ?? 0) * 60000).toISOString();
  return `${stem}-${local.slice(0, 10)}T${local.slice(11, 13)}${local.slice(14, 16)}.${ext}`;
}
