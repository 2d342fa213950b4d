// story.js — scripted tours (assets/bukchon/story.json, docs/api.md "Story"): each step sets the replay time,
// speed, camera, layers, filter, comparison and selection, shows a caption in the viewer's language, and lasts
// `duration_s`. The page's story editor (story-editor.js) records steps and previews them through applyStep.

// A story's checks, for a URL (`story=`) or a dropped file alike: throws naming `source` and the field.
export function checkStory(story, source) {
  if (!story || typeof story !== 'object') throw new Error(`story ${source}: expected a JSON object with "steps"`);
  if (!Array.isArray(story.steps) || story.steps.length === 0) throw new Error(`story ${source}: expected "steps", a non-empty array`);
  story.steps.forEach((step, i) => {
    if (!step || typeof step !== 'object') throw new Error(`story ${source}: steps[${i}] must be an object`);
    if (!(step.duration_s > 0)) throw new Error(`story ${source}: steps[${i}].duration_s must be a positive number`);
    if (!step.caption || typeof step.caption !== 'object') throw new Error(`story ${source}: steps[${i}].caption must be {"en": …, "ko": …}`);
    if (step.filter !== undefined && step.filter !== null && typeof step.filter !== 'string') throw new Error(`story ${source}: steps[${i}].filter must be filter text such as "bin:fill>=80"`);
    if (step.compare && !['time', 'policy'].includes(step.compare.by)) throw new Error(`story ${source}: steps[${i}].compare must be {"by": "time", "t2": …}, {"by": "policy"} or null`);
  });
  return story;
}

// Sets one step's layers, filter, time, comparison, selection, speed, camera and play state (no caption, no timer):
// the player, a video export and the editor's "Show" all go through here. The time comes before the comparison, so
// a {by: "time", t2} comparison's offset is taken from the step's own time.
export function applyStep(v, s) {
  if (s.layers) v.setLayers(s.layers);
  v.setFilter(s.filter || null);  // a step without a filter shows every sensor
  if (s.t) v.seek(s.t);
  // A step may open a comparison ({by: "time", t2} or {by: "policy"}); a step without one shows one pane.
  v.compare(s.compare ?? null);
  v.select(s.select ?? null);
  if (s.speed) v.setSpeed(s.speed);
  // `view` is the camera's centre as recorded (getState().view). An animated flight frames its target in the map's
  // free area, off that centre, so a step cuts to its camera: it shows exactly what was recorded.
  if (s.view) v.flyTo(s.view.lat, s.view.lon, s.view.zoom, { animate: false });
  else v.resetView();
  if (s.play === false) v.pause(); else v.play();
}

export class StoryPlayer {
  // `noneFull()`: the UI's sentence for a week in which no bin filled (collection.noneFull).
  constructor(viewer, chrome, language, { loop = false, noneFull = null } = {}) {
    this.viewer = viewer;
    this.noneFull = noneFull;
    this.chrome = chrome;
    this.language = language;
    this.loop = loop;
    this.steps = [];
    this.index = -1;
    this.timer = 0;
  }

  // `fetchJson(url)` is the viewer's loader (it also serves the offline single file's inline copies).
  async load(url, fetchJson) {
    this.use(checkStory(await fetchJson(url), url));
  }

  // A checked story (checkStory) becomes the tour: its steps and title.
  use(story) {
    this.stop();
    this.steps = story.steps;
    this.title = story.title ?? null;
  }

  active() { return this.index >= 0; }
  // getState().story: whether a tour plays, which step shows (from 0; -1 when none) of how many, and its caption.
  status() {
    return { active: this.active(), step: this.index, steps: this.steps.length, caption: this.active() ? this.shown : null };
  }

  start() {
    if (!this.steps.length) return;
    this.show(0);
  }

  stop() {
    clearTimeout(this.timer);
    this.index = -1;
    this.chrome.caption('');
  }

  step(delta) {
    if (!this.active()) return this.start();
    const next = this.index + delta;
    if (next < 0) return this.show(0);
    if (next >= this.steps.length) return this.loop ? this.show(0) : this.stop();
    return this.show(next);
  }

  refresh() { if (this.active()) this.caption(this.steps[this.index]); }

  show(i) {
    clearTimeout(this.timer);
    this.index = i;
    const { main, sub, langs } = this.apply(i);
    this.shown = main;
    this.chrome.caption(main, sub, langs);
    this.timer = setTimeout(() => this.step(1), this.steps[i].duration_s * 1000);
  }

  // Sets step i (applyStep), with no timer (a video export counts the frames of each step itself); returns its
  // caption, {main, sub}.
  apply(i) {
    const s = this.steps[i];
    applyStep(this.viewer, s);
    return this.captionOf(s);
  }

  caption(s) {
    const { main, sub, langs } = this.captionOf(s);
    this.shown = main;
    this.chrome.caption(main, sub, langs);
  }

  captionOf(s) {
    const lang = this.language();
    const pick = (c) => c[lang] || c.en || Object.values(c).find(Boolean) || '';
    // The week's saving as the core's collection card says it (getState().collection.week.saving); where no bin
    // ever filled, a caption that would claim a saving says so instead (collection.noneFull).
    const saving = this.viewer.getState().collection?.week?.saving;
    const claims = (t) => /\{saved(Visits|Km)\}/.test(t);
    const fill = (t) => t.replace('{savedVisits}', saving ? saving.visitsPct : '–').replace('{savedKm}', saving ? saving.kmPct : '–');
    // Under the caption, the same in a second language: English under any other, Korean (the place's) under English;
    // never the one shown twice (a French page showing the English caption for want of a French one).
    const shownLang = s.caption[lang] ? lang : s.caption.en ? 'en' : Object.keys(s.caption).find((k) => s.caption[k]);
    const other = shownLang === 'en' ? 'ko' : 'en';
    const main = pick(s.caption);
    if (saving?.noneFull && claims(main)) return { main: this.noneFull?.() || main.replace(/\{saved\w+\}/g, '–'), sub: '', langs: { main: shownLang } };
    return { main: fill(main), sub: s.caption[other] ? fill(s.caption[other]) : '', langs: { main: shownLang, sub: other } };
  }
}
