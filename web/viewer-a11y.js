// viewer-a11y.js — the panels' accessible twin: the canvas's timeline, KPIs, legend, event feed and sensor card as
// focusable HTML in the viewer's language, kept in step with getState() (docs/api.md, "Accessibility").
// Visually hidden until it holds keyboard focus; then the focused part shows as a card over its canvas panel.
// It works only through the viewer's methods. Texts: the core's facts (state.twin) in the language's strings.

const UPDATE_MS = 250;          // at most 4 updates a second
const SEEK_STEP_MS = 15 * 60000; // the slider's arrow keys: 15 minutes, as ← → on the map
const DRAG_QUIET_MS = 800;       // a slider the user moved keeps its value this long

import { localeOf } from './viewer-locale.js';

// ctx: {element, canvas, text, state}; viewer: the Viewer (viewer-api.js). Returns {update(state), relabel(), stop()}.
export function createTwin(ctx, viewer) {
  const { canvas, text } = ctx;
  const say = (t) => (!t ? '' : t.text !== undefined ? t.text : text(t.key, t.args));
  const number = (n) => n.toLocaleString(localeOf(ctx.state.lang));
  const textOr = (key, fallback) => { const s = text(key); return s === key ? fallback : s; };
  const el = (tag, parent, props = {}) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    if (parent) parent.appendChild(node);
    return node;
  };
  const setText = (node, value) => { if (node.textContent !== value) node.textContent = value; };
  const setAttr = (node, name, value) => { if (node.getAttribute(name) !== value) node.setAttribute(name, value); };
  const act = (fn) => () => { try { update(fn()); } catch (e) { console.warn(e); } };

  const root = el('div', null, { className: 'bk-twin' });
  canvas.after(root);  // Tab: the map, then the twin, then the page's other controls
  let headingId = 0;
  const section = (cls) => {
    const s = el('section', root, { className: `bk-twin-part ${cls}` });
    const h = el('h2', s, { id: `bk-twin-${cls}-${++headingId}-${Math.random().toString(36).slice(2, 7)}` });
    s.setAttribute('aria-labelledby', h.id);
    return { s, h };
  };
  const button = (parent, onClick) => {
    const b = el('button', parent, { type: 'button' });
    b.addEventListener('click', act(onClick));
    return b;
  };
  const labelled = (parent, control) => {
    const label = el('label', parent);
    const span = el('span', label);
    label.appendChild(control);
    return span;
  };

  // ---- Replay controls (the timeline) ----
  const tl = section('bk-twin-timeline');
  const tlRow = el('div', tl.s, { className: 'bk-twin-row' });
  const play = button(tlRow, () => (viewer.getState().playing ? viewer.pause() : viewer.play()));
  const slider = el('input', null, { type: 'range', step: String(SEEK_STEP_MS) });
  const sliderLabel = labelled(tlRow, slider);
  const timeText = el('output', tlRow, { className: 'bk-twin-time' });
  let lastInput = 0, dragging = false;
  slider.addEventListener('input', () => { lastInput = performance.now(); act(() => viewer.seek(Number(slider.value)))(); });
  slider.addEventListener('pointerdown', () => { dragging = true; });
  slider.addEventListener('pointerup', () => { dragging = false; lastInput = performance.now(); });
  const speed = el('select');
  const speedLabel = labelled(tlRow, speed);
  speed.addEventListener('change', act(() => viewer.setSpeed(Number(speed.value))));
  const loop = el('input', null, { type: 'checkbox' });
  const loopLabel = labelled(tlRow, loop);
  loop.addEventListener('change', act(() => viewer.setLoop(loop.checked)));
  const next = button(tlRow, () => viewer.nextEvent(1));

  // ---- KPIs ----
  const kp = section('bk-twin-kpis');
  const kpiList = el('dl', kp.s);

  // ---- Legend: layers and the metric ----
  const lg = section('bk-twin-legend');
  const layerBox = el('div', lg.s, { className: 'bk-twin-layers' });
  layerBox.setAttribute('role', 'group');
  layerBox.setAttribute('aria-labelledby', lg.h.id);
  const metric = el('select');
  const metricLabel = labelled(el('div', lg.s), metric);
  metric.addEventListener('change', act(() => viewer.setMetric(metric.value)));

  // ---- Event feed ----
  const ev = section('bk-twin-events');
  const evDate = el('p', ev.s, { className: 'bk-twin-muted' });
  const evList = el('ul', ev.s);
  const evNote = el('p', ev.s, { className: 'bk-twin-muted' });

  // ---- Sensor card ----
  const sc = section('bk-twin-sensor');
  const scFacts = el('div', sc.s);
  const scType = el('p', scFacts, { className: 'bk-twin-muted' });
  const scValue = el('p', scFacts, { className: 'bk-twin-value' });
  const scAlert = el('p', scFacts, { className: 'bk-twin-alert' });
  const scReadings = el('ul', scFacts);
  const scQuality = el('ul', scFacts, { className: 'bk-twin-quality' });
  const scDay = el('p', scFacts, { className: 'bk-twin-muted' });
  const scEvents = el('ul', scFacts);
  const scRow = el('div', sc.s, { className: 'bk-twin-row' });
  const prevSensor = button(scRow, () => viewer.selectNext(-1));
  const nextSensor = button(scRow, () => viewer.selectNext(1));
  const clear = button(scRow, () => viewer.select(null));

  // Keyed lists: an item whose key stays keeps its node (and focus); only changed text is written.
  function syncList(list, items, make) {
    const old = new Map([...list.children].map((n) => [n.dataset.key, n]));
    let at = list.firstChild;
    for (const item of items) {
      let node = old.get(item.key);
      if (node) old.delete(item.key);
      else node = make(item);
      if (node !== at) list.insertBefore(node, at);
      else at = at.nextSibling;
      node.dataset.key = item.key;
      node.update?.(item);
    }
    for (const node of old.values()) {
      if (node.contains(document.activeElement)) list.closest('section')?.querySelector('button, input, select')?.focus();
      node.remove();
    }
  }
  const textItem = (item) => {
    const li = el('li');
    li.update = (i) => setText(li, i.text);
    return li;
  };
  const eventItem = (item) => {
    const li = el('li');
    const b = button(li, () => viewer.focusEvent(Number(li.dataset.key.split(':')[1])));
    li.update = (i) => { setText(b, i.text); if (i.current) setAttr(b, 'aria-current', 'time'); else b.removeAttribute('aria-current'); };
    return li;
  };
  const layerItem = (item) => {
    const input = el('input', null, { type: 'checkbox' });
    const label = el('label');
    const span = el('span');
    label.append(input, span);
    input.addEventListener('change', act(() => {
      const s = viewer.getState();
      const on = new Set(s.layers);
      if (input.checked) on.add(item.name); else on.delete(item.name);
      return viewer.setLayers([...on]);
    }));
    label.update = (i) => { setText(span, i.text); if (input.checked !== i.on) input.checked = i.on; };
    return label;
  };
  const option = (select, items) => syncList(select, items, (item) => {
    const o = el('option', null, { value: item.value });
    o.update = (i) => setText(o, i.text);
    return o;
  });

  // Local time of the data (its UTC offset at that moment), as the canvas shows it.
  const local = (ms, offset, opts) => new Intl.DateTimeFormat(lang, { timeZone: 'UTC', ...opts })
    .format(new Date(ms + (offset ?? 540) * 60000));
  let lang = 'en';

  let unshownSaid = '';  // the characters last reported as undrawable
  function update(s) {
    if (!s || typeof s !== 'object') return;
    lang = s.lang || 'en';
    // Characters no font here has (after every font that could have them came): said on the page, not only in the state.
    const f = s.fonts;
    if (f?.settled && f.unshown > 0 && f.unshownSample !== unshownSaid) {
      unshownSaid = f.unshownSample;
      ctx.chrome.showNotice(text('fonts.unshownTitle'), [text('fonts.unshown', { sample: f.unshownSample })], text('fonts.unshownHint'));
    }
    setAttr(root, 'lang', lang);
    const twin = s.twin || {};
    const mode = s.ui || 'full';
    // What the canvas shows: full, all panels; minimal (and none), the replay controls alone.
    const full = mode === 'full' && !!twin.kpis;
    for (const part of [kp.s, lg.s, ev.s, sc.s]) part.hidden = !full;
    root.hidden = !twin.kpis;  // nothing loaded yet

    // Timeline.
    setText(tl.h, text('a11y.controls'));
    setText(play, text('a11y.play'));
    setAttr(play, 'aria-pressed', String(!!s.playing));
    setText(sliderLabel, text('a11y.time'));
    setAttr(slider, 'min', String(s.startMs));
    setAttr(slider, 'max', String(s.endMs));
    const when = `${local(s.timeMs, s.utcOffsetMinutes, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}, ${
      local(s.timeMs, s.utcOffsetMinutes, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
    setAttr(slider, 'aria-valuetext', when);
    setText(timeText, when);
    const userMoving = dragging || performance.now() - lastInput < DRAG_QUIET_MS;
    if (!userMoving && Number(slider.value) !== Math.round(s.timeMs)) slider.value = String(s.timeMs);
    setText(speedLabel, text('a11y.speed'));
    const speeds = [...(twin.speeds || [])];
    if (!speeds.includes(s.speed)) speeds.push(s.speed);
    option(speed, speeds.sort((a, b) => a - b).map((v) => ({ key: String(v), value: String(v), text: `${v}×` })));
    if (speed.value !== String(s.speed)) speed.value = String(s.speed);
    setText(loopLabel, text('timeline.loop'));
    if (loop.checked !== !!s.loop) loop.checked = !!s.loop;
    setText(next, text('a11y.nextEvent'));
    if (!full) { place(s); return; }

    // KPIs: label–value pairs as the panel shows them.
    setText(kp.h, text(twin.kpis.title));
    syncList(kpiList, twin.kpis.tiles.map((t) => ({ key: t.label.key + JSON.stringify(t.label.args), label: say(t.label), value: t.value })),
      () => {
        const div = el('div');
        const dt = el('dt', div), dd = el('dd', div);
        div.update = (i) => { setText(dt, i.label); setText(dd, i.value); };
        return div;
      });

    // Legend: one checkbox per sensor type present, the route, and the metric when there is a choice.
    setText(lg.h, text('legend.title'));
    const layers = new Set(s.layers);
    const rows = (twin.legend || []).map(({ layer, sensors }) => ({ key: layer, name: layer, on: layers.has(layer),
      text: layer === 'route' ? text('legend.route')
        : `${textOr(`type.${layer}`, layer)} · ${sensors} · ${textOr(`meaning.${layer}`, '')}`.replace(/ · $/, '') }));
    syncList(layerBox, rows, layerItem);
    metric.parentElement.hidden = !(s.metrics && s.metrics.length);
    setText(metricLabel, text('legend.metric'));
    const metricName = (m) => (m ? textOr(`metric.${m}`, m) : text('legend.metricDefault'));
    option(metric, [{ key: '', value: '', text: metricName('') }, ...(s.metrics || []).map((m) => ({
      key: m.name, value: m.name,
      text: text('legend.metricSensors', { name: metricName(m.name), count: number(m.sensors) }) }))]);
    if (metric.value !== (s.metric || '')) metric.value = s.metric || '';

    // The day's notable events; activating one goes there (as a click in the panel's feed).
    setText(ev.h, text('events.title'));
    const feed = twin.feed || { events: [], routine: 0 };
    setText(evDate, local(s.timeMs, s.utcOffsetMinutes, { weekday: 'long', day: 'numeric', month: 'long' }));
    const nowIndex = feed.events.reduce((k, e, i) => (e.timeMs <= s.timeMs ? i : k), -1);
    const kind = (k) => textOr(`event.${k}`, k);
    syncList(evList, feed.events.map((e, i) => ({ key: `e:${e.index}`, current: i === nowIndex,
      text: `${e.clock} ${kind(e.kind)} · ${e.name}` })), eventItem);
    setText(evNote, feed.events.length ? '' : text(feed.routine ? 'events.onlyRoutine' : 'events.none'));
    evNote.hidden = !!feed.events.length;

    // The selected sensor's card.
    const card = twin.card;
    setText(sc.h, card ? `${text('a11y.sensor')}: ${card.name}` : text('a11y.sensor'));
    scFacts.hidden = false;
    if (!card) {
      setText(scType, text('a11y.noSensor'));
      for (const n of [scValue, scAlert, scReadings, scQuality, scDay, scEvents]) n.hidden = true;
      for (const list of [scReadings, scQuality, scEvents]) syncList(list, [], textItem);
    } else {
      const other = card.otherName ? `${card.otherName} · ` : '';
      setText(scType, `${other}${textOr(`type.${card.type}`, card.type)} · ${card.id}`);
      scValue.hidden = false;
      setText(scValue, text('a11y.valueNow').replace('{value}', say(card.value)));
      scAlert.hidden = !card.alert;
      setText(scAlert, card.alert ? text('sensor.alert') : '');
      const items = [...card.readings.map((r) => `${textOr(`metric.${r.metric}`, r.metric)} ${r.value}${r.unit ? ` ${r.unit}` : ''}`),
                     ...card.attributes.map(([k, v]) => `${k} ${v}`)];
      scReadings.hidden = !items.length;
      syncList(scReadings, items.map((t, i) => ({ key: String(i), text: t })), textItem);
      const at = (ms) => local(ms, s.utcOffsetMinutes, { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      const notes = card.quality.issues.map((q) => `${textOr(`metric.${q.metric}`, q.metric)}: ${
        text(`quality.${q.kind}`).replace('{from}', at(q.fromMs)).replace('{to}', at(q.toMs)).replace('{value}', q.value)}`);
      if (card.quality.more) notes.push(text('quality.more', { count: number(card.quality.more) }));
      scQuality.hidden = !notes.length;
      syncList(scQuality, notes.map((t, i) => ({ key: String(i), text: t })), textItem);
      scDay.hidden = !card.day;
      if (card.day) {
        setText(scDay, text('sensor.dayStats').replace('{day}', local(s.timeMs, s.utcOffsetMinutes, { weekday: 'short' }))
          .replace('{min}', card.day.min).replace('{mean}', card.day.mean).replace('{max}', card.day.max));
      }
      scEvents.hidden = !card.events.length;
      syncList(scEvents, card.events.map((e) => ({ key: `e:${e.index}`, text: `${e.clock} ${kind(e.kind)}` })), eventItem);
    }
    setText(prevSensor, text('a11y.previousSensor'));
    setText(nextSensor, text('a11y.nextSensor'));
    setText(clear, text('a11y.clear'));
    clear.hidden = !card;
    place(s);
  }

  // Each part sits over its canvas panel (state.panels, CSS px), seen only while it holds focus.
  const panelOf = { 'bk-twin-timeline': 'timeline', 'bk-twin-kpis': 'kpis', 'bk-twin-legend': 'legend',
                    'bk-twin-events': 'events', 'bk-twin-sensor': 'sensor' };
  function place(s) {
    const W = root.parentElement?.clientWidth || 0, H = root.parentElement?.clientHeight || 0;
    for (const part of root.children) {
      const r = s.panels?.[panelOf[part.classList[1]]];
      const ok = r && r.w > 40 && r.h > 20;
      const x = ok ? r.x : 16, w = ok ? r.w : Math.min(380, W - 32);
      const bottomAnchored = part === tl.s;
      const style = bottomAnchored
        ? { left: `${x}px`, width: `${w}px`, top: '', bottom: `${Math.max(8, H - (ok ? r.y + r.h : H - 16))}px`, maxHeight: `${H - 16}px` }
        : { left: `${x}px`, width: `${w}px`, top: `${ok ? r.y : 16}px`, bottom: '',  // within its panel's budget, scrolling
            maxHeight: `${Math.min(Math.max(160, ok ? r.h : H), H - (ok ? r.y : 16) - 8)}px` };
      for (const [k, v] of Object.entries(style)) if (part.style[k] !== v) part.style[k] = v;
    }
  }

  const timer = setInterval(() => {
    if (ctx.state.destroyed || document.hidden) return;
    update(viewer.getState());
  }, UPDATE_MS);
  update(viewer.getState());
  return {
    update,
    relabel: () => update(viewer.getState()),
    stop() { clearInterval(timer); root.remove(); },
  };
}
