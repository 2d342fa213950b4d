// story-editor.js — the page's "Story" button and side panel: a presenter records a tour without editing JSON.
// "Add step" captures what the map shows (time, speed, camera, layers, filter, comparison, selection, playing);
// captions in both languages are typed in place; steps are timed, reordered, deleted and previewed through the
// StoryPlayer's own applyStep; the tour downloads as story.json (docs/api.md "Stories") and loads back with
// `story=<url>` or by dropping the file on the page (loadStory). Text only through textContent.
import { applyStep, checkStory } from './story.js';
import { SITE } from './site-manifest.js';

// ctx: {element, canvas, state, text, chrome}; viewer: the Viewer object; `given`: the toolbar's Story button, if the
// page made it already (viewer-dialogs.js: this module loads on first use).
// Returns {open, close, isOpen, relabel, setShown, place, loadStory(story, name), steps}.
export function createStoryEditor(ctx, viewer, given = null) {
  const { element, canvas, text, chrome, state } = ctx;
  const el = (tag, parent, props = {}) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    parent.appendChild(node);
    return node;
  };
  const opener = given || el('button', chrome.toolbar, { type: 'button', className: 'bk-story-open bk-tool' });
  if (!given) chrome.toolbar.prepend(opener);  // Story, then Export video
  opener.setAttribute('aria-expanded', 'false');
  opener.addEventListener('click', () => (panel.open ? close() : open()));

  // Non-modal: the map stays live beside it (the presenter sets up each step on the map itself).
  const panel = el('dialog', element, { className: 'bk-story', id: 'bk-story-panel' });
  opener.setAttribute('aria-controls', panel.id);
  panel.setAttribute('aria-labelledby', 'bk-story-heading');
  const head = el('div', panel, { className: 'bk-story-head' });
  const heading = el('h2', head, { id: 'bk-story-heading' });
  const closer = el('button', head, { type: 'button', className: 'bk-story-close', textContent: '×' });
  closer.addEventListener('click', () => close());
  const intro = el('p', panel, { className: 'bk-story-intro' });
  const field = (parent, type, cls) => {
    const label = el('label', parent, { className: cls || '' });
    const words = el('span', label);
    const input = el(type === 'textarea' ? 'textarea' : 'input', label, type === 'textarea' ? { rows: 2 } : { type });
    return { label, words, input };
  };
  // The story's languages: a caption (and a title) in each. The page's language and English to start with, every
  // language a loaded story has, and any the presenter adds from the site's languages (site-manifest.js).
  let langs = [];
  let title = {};
  const useLanguages = (more = []) => {
    const have = new Set();
    langs = [state.lang, 'en', ...more].filter((l) => l && !have.has(l) && have.add(l));
  };
  const nameOf = (code) => SITE.languages?.[code]?.name || code;
  const titles = el('div', panel, { className: 'bk-story-titles' });
  const adder = el('select', panel, { className: 'bk-story-lang' });
  adder.addEventListener('change', () => {
    if (!adder.value) return;
    const added = adder.value;
    useLanguages([...langs, added]);
    render();
    for (const box of list.querySelectorAll(`textarea[lang="${added}"]`)) { const d = box.closest('details'); if (d) d.open = true; }
    list.querySelector(`textarea[lang="${added}"]`)?.focus();
  });
  const list = el('ol', panel, { className: 'bk-story-steps' });
  const empty = el('p', panel, { className: 'bk-story-empty' });
  const status = el('p', panel, { className: 'bk-story-status' });
  status.setAttribute('role', 'status');
  const buttons = el('div', panel, { className: 'bk-story-buttons' });
  const add = el('button', buttons, { type: 'button', className: 'bk-primary' });
  const addEvent = el('button', buttons, { type: 'button' });
  const play = el('button', buttons, { type: 'button' });
  const save = el('button', buttons, { type: 'button' });

  let steps = [];  // the tour being edited (plain story.json steps)
  useLanguages();

  // The step the map shows now, in story.json's fields.
  const capture = () => {
    const s = viewer.getState();
    const step = { t: s.time, speed: s.speed, view: { lat: s.view.lat, lon: s.view.lon, zoom: s.view.zoom },
                   layers: [...s.layers], select: s.selected ?? null };
    if (s.filter?.text) step.filter = s.filter.text;
    const c = s.compare;
    step.compare = c?.by === 'time' && c.panes?.[1] ? { by: 'time', t2: c.panes[1].time } : c?.by === 'policy' ? { by: 'policy' } : null;
    step.play = !!s.playing;
    step.duration_s = 8;
    step.caption = Object.fromEntries(langs.map((l) => [l, '']));
    return step;
  };
  const story = () => {
    // Captions and a title in each language that has text (an empty box is no caption).
    const written = (c) => Object.fromEntries(Object.entries(c).filter(([, t]) => t && t.trim()));
    const out = { steps: steps.map((s) => ({ ...s, caption: written(s.caption) })) };
    const t = written(Object.fromEntries(Object.entries(title).map(([l, v]) => [l, v.trim()])));
    return Object.keys(t).length ? { title: t, ...out } : out;
  };
  // What a step captured, in a line: its local time (the ISO text carries the data's offset), zoom, layers, more.
  const describe = (s) => {
    const parts = [`${(s.t || '').slice(0, 16).replace('T', ' ')}`, text('story.zoom').replace('{zoom}', s.view ? s.view.zoom.toFixed(1) : '–')];
    if (s.layers) parts.push(s.layers.map((l) => text(`type.${l}`) === `type.${l}` ? l : text(`type.${l}`)).join(', '));
    if (s.filter) parts.push(text('story.filtered').replace('{filter}', s.filter));
    if (s.compare?.by === 'time') parts.push(text('story.compareTime').replace('{t2}', (s.compare.t2 || '').slice(0, 16).replace('T', ' ')));
    if (s.compare?.by === 'policy') parts.push(text('story.comparePolicy'));
    if (s.select) parts.push(text('story.selected').replace('{id}', s.select));
    return parts.join(' · ');
  };

  // The player takes the edited tour (for "Play from start", "Show" and a video export of the story).
  const toPlayer = () => {
    const st = story();
    state.story.use(checkStory(st, 'in the editor'));
  };
  const preview = (i) => {
    toPlayer();
    applyStep(viewer, steps[i]);
    const { main, sub } = state.story.captionOf(steps[i]);
    chrome.caption(main, sub);
    say(text('story.showing').replace('{n}', i + 1));
  };
  const say = (message) => { status.textContent = message; };

  // The first two languages in view (the page's and English); the others folded under "n more languages".
  const folded = (parent) => {
    if (langs.length <= 2) return () => parent;
    const more = el('details', parent, { className: 'bk-story-more' });
    el('summary', more, { textContent: text('story.otherLanguages', { count: langs.length - 2 }) });
    return (i) => (i < 2 ? parent : more);
  };
  function render(focus) {
    titles.replaceChildren();
    const titleIn = folded(titles);
    for (const [i, l] of langs.entries()) {
      const f = field(titleIn(i), 'text');
      f.words.textContent = text('story.titleIn', { language: nameOf(l) });
      f.input.value = title[l] ?? '';
      f.input.lang = l;
      f.input.dir = SITE.languages?.[l]?.dir || 'auto';
      f.input.addEventListener('input', () => { title[l] = f.input.value; });
    }
    adder.replaceChildren(el('option', adder, { value: '', textContent: text('story.addLanguage') }));
    for (const [code, { name }] of Object.entries(SITE.languages || {}))
      if (!langs.includes(code)) el('option', adder, { value: code, textContent: name, lang: code });
    adder.value = '';
    adder.setAttribute('aria-label', text('story.addLanguage'));
    adder.hidden = adder.options.length < 2;
    list.replaceChildren();
    steps.forEach((s, i) => {
      const n = i + 1;
      const item = el('li', list, { className: 'bk-story-step' });
      item.setAttribute('aria-label', text('story.step').replace('{n}', n));
      const top = el('div', item, { className: 'bk-story-step-head' });
      el('strong', top, { textContent: text('story.step').replace('{n}', n) });
      el('span', top, { className: 'bk-story-what', textContent: describe(s) });
      const captionIn = folded(item);
      for (const [i, l] of langs.entries()) {
        const box = field(captionIn(i), 'textarea', 'bk-story-caption');
        box.words.textContent = text('story.captionIn', { language: nameOf(l) });
        box.input.value = s.caption[l] ?? '';
        box.input.lang = l;
        box.input.dir = SITE.languages?.[l]?.dir || 'auto';
        box.input.addEventListener('input', () => { s.caption[l] = box.input.value; });
      }
      const row = el('div', item, { className: 'bk-story-step-row' });
      const dur = field(row, 'number', 'bk-story-duration');
      dur.words.textContent = text('story.duration');
      Object.assign(dur.input, { min: 1, max: 600, step: 0.5, value: String(s.duration_s) });
      dur.input.addEventListener('input', () => {
        const v = Number(dur.input.value);
        const ok = dur.input.value !== '' && v > 0;
        dur.input.setAttribute('aria-invalid', ok ? 'false' : 'true');
        if (ok) s.duration_s = v;
      });
      const act = (label, aria, fn, name, disabled = false) => {
        const b = el('button', row, { type: 'button', textContent: label, disabled });
        b.dataset.act = name;
        b.setAttribute('aria-label', aria.replace('{n}', n));
        b.title = aria.replace('{n}', n);
        b.addEventListener('click', fn);
        return b;
      };
      act(text('story.show'), text('story.showStep'), () => preview(i), 'show');
      act('↑', text('story.up'), () => move(i, -1), 'up', i === 0);
      act('↓', text('story.down'), () => move(i, 1), 'down', i === steps.length - 1);
      act(text('story.delete'), text('story.deleteStep'), () => remove(i), 'delete');
    });
    empty.hidden = steps.length > 0;
    play.disabled = save.disabled = steps.length === 0;
    if (focus) list.children[focus.i]?.querySelector(`[data-act="${focus.act}"]:not(:disabled)`)?.focus();
  }
  const move = (i, d) => {
    const j = i + d;
    if (j < 0 || j >= steps.length) return;
    [steps[i], steps[j]] = [steps[j], steps[i]];
    render({ i: j, act: d < 0 ? 'up' : 'down' });
    say(text('story.moved').replace('{from}', i + 1).replace('{to}', j + 1));
  };
  const remove = (i) => {
    steps.splice(i, 1);
    render(steps.length ? { i: Math.min(i, steps.length - 1), act: 'show' } : null);
    if (!steps.length) add.focus();
    say(text('story.deleted').replace('{n}', i + 1));
  };

  const added = (step, message) => {
    steps.push(step);
    render();
    const last = list.lastElementChild;
    (last?.querySelector(`textarea[lang="${state.lang}"]`) ?? last?.querySelector('textarea'))?.focus();  // the page's language's caption
    last?.scrollIntoView?.({ block: 'nearest' });
    say(message.replace('{n}', steps.length));
  };
  add.addEventListener('click', () => added(capture(), text('story.added')));
  // The next notable moment in the data (recorded, or found in the readings: derived_events.hpp), focused as the n
  // key does (its time, its sensor selected and flown to), added as a paused step whose caption names it.
  addEvent.addEventListener('click', () => {
    const before = viewer.getState().timeMs;
    const s = viewer.nextEvent(1);
    const e = s.twin?.feed?.events?.find((x) => x.timeMs === s.timeMs && x.sensor === s.selected);
    if (s.timeMs === before || !e) { say(text('story.noEvent')); return; }
    const step = capture();
    step.play = false;
    const kind = text(`event.${e.kind}`);
    step.caption[state.lang] = `${kind === `event.${e.kind}` ? e.kind : kind}: ${e.name}`;
    added(step, text('story.addedEvent'));
  });
  play.addEventListener('click', () => {
    if (!steps.length) return;
    toPlayer();
    state.story.start();
    say(text('story.playing'));
    // Said while it plays; when the tour ends (or is stopped) the status says so instead of "Playing …".
    const watch = setInterval(() => {
      if (state.story.active()) return;
      clearInterval(watch);
      say(text('story.ended'));
    }, 500);
  });
  save.addEventListener('click', () => {
    if (!steps.length) return;
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(story(), null, 2)}\n`], { type: 'application/json' }));
    const a = el('a', panel, { href: url, download: 'story.json', hidden: true });
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(text('story.saved'));
  });
  panel.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.preventDefault(); close(); } });

  function relabel() {
    opener.textContent = text('story.open');
    opener.title = text('story.openHint');
    heading.textContent = text('story.title');
    closer.setAttribute('aria-label', text('story.close'));
    closer.title = text('story.close');
    intro.textContent = text('story.intro');
    if (!steps.length) useLanguages(langs);  // the page's language first, once it is known
    empty.textContent = text('story.empty');
    add.textContent = text('story.add');
    add.title = text('story.addHint');
    addEvent.textContent = text('story.addEvent');
    addEvent.title = text('story.addEventHint');
    play.textContent = text('story.play');
    save.textContent = text('story.download');
    render();
  }
  function open() {
    if (panel.open) return;
    // A tour loaded with story= (or dropped) is there to edit when the editor has none of its own.
    if (!steps.length && state.story?.steps?.length) fill({ steps: state.story.steps, title: state.story.title });
    relabel();
    panel.show();
    opener.setAttribute('aria-expanded', 'true');
    ctx.layout?.update();  // the editor gets a column (or band) of its own: the panels move aside
    (steps.length ? list.querySelector('textarea') : add)?.focus();
  }
  function close() {
    if (!panel.open) return;
    panel.close();
    opener.setAttribute('aria-expanded', 'false');
    ctx.layout?.update();
    opener.focus();
  }
  const fill = (st) => {
    const given = [...new Set([...Object.keys(st.title || {}), ...st.steps.flatMap((s) => Object.keys(s.caption || {}))])];
    useLanguages(given);
    steps = st.steps.map((s) => ({ ...s, caption: { ...(s.caption || {}) } }));
    title = { ...(st.title || {}) };
  };
  // A story.json from a dropped file: checked like story=, then the tour and the editor's steps. Throws the check's
  // message (it names the file and the field).
  function loadStory(st, name) {
    checkStory(st, name);
    fill(st);
    state.story.use(st);
    render();
    say(text('story.loaded', { name, count: st.steps.length }));
    state.story.start();
  }
  relabel();
  // In the toolbar, first of the presenter's buttons: not in ui=none, not in a kiosk or an embed unless asked for
  // (viewer-layout.js, `authoring`).
  const setShown = (s) => {
    if (state.exporting) return;
    opener.hidden = s.ui === 'none' || !ctx.layout?.authoring;
    if (opener.hidden && panel.open) close();
  };
  // The panel in its own column or band of the layout (getState().panels.editor).
  const place = (r) => {
    if (!panel.open || !r || !(r.w > 0)) return;
    Object.assign(panel.style, { left: `${Math.round(r.x)}px`, top: `${Math.round(r.y)}px`, width: `${Math.round(r.w)}px`,
                                 maxHeight: `${Math.round(r.h)}px` });
  };
  return { open, close, isOpen: () => panel.open, relabel, setShown, place, loadStory, steps: () => steps };
}
