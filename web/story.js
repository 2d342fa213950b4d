// story.js — scripted tours (assets/bukchon/story.json, docs/api.md "Story"): each step sets the replay time,
// speed, camera, layers and selection, shows a caption in the viewer's language, and lasts `duration_s`.
export class StoryPlayer {
  constructor(viewer, chrome, language, { loop = false } = {}) {
    this.viewer = viewer;
    this.chrome = chrome;
    this.language = language;
    this.loop = loop;
    this.steps = [];
    this.index = -1;
    this.timer = 0;
  }

  // `fetchJson(url)` is the viewer's loader (it also serves the offline single file's inline copies).
  async load(url, fetchJson) {
    const story = await fetchJson(url);
    if (!Array.isArray(story.steps) || story.steps.length === 0) throw new Error(`story ${url}: expected "steps", a non-empty array`);
    story.steps.forEach((step, i) => {
      if (!(step.duration_s > 0)) throw new Error(`story ${url}: steps[${i}].duration_s must be a positive number`);
      if (!step.caption || typeof step.caption !== 'object') throw new Error(`story ${url}: steps[${i}].caption must be {"en": …, "ko": …}`);
    });
    this.steps = story.steps;
  }

  active() { return this.index >= 0; }
  status() { return { active: this.active(), step: this.index, steps: this.steps.length }; }

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
    const { main, sub } = this.apply(i);
    this.chrome.caption(main, sub);
    this.timer = setTimeout(() => this.step(1), this.steps[i].duration_s * 1000);
  }

  // Sets step i's time, speed, camera, layers and selection, with no timer (a video export counts the frames of
  // each step itself); returns its caption, {main, sub}.
  apply(i) {
    const s = this.steps[i];
    const v = this.viewer;
    if (s.layers) v.setLayers(s.layers);
    // A step may open a comparison ({by: "time", t2} or {by: "policy"}); a step without one shows one pane.
    v.compare(s.compare ?? null);
    v.select(s.select ?? null);
    if (s.t) v.seek(s.t);
    if (s.speed) v.setSpeed(s.speed);
    if (s.view) v.flyTo(s.view.lat, s.view.lon, s.view.zoom);
    else v.resetView();
    if (s.play === false) v.pause(); else v.play();
    return this.captionOf(s);
  }

  caption(s) {
    const { main, sub } = this.captionOf(s);
    this.chrome.caption(main, sub);
  }

  captionOf(s) {
    const lang = this.language();
    const pick = (c) => c[lang] ?? c.en ?? Object.values(c)[0] ?? '';
    const week = this.viewer.getState().collection?.week;
    const fill = (t) => t
      .replace('{savedVisits}', week ? Math.round(100 * (1 - week.fillDriven.binsEmptied / Math.max(1, week.fixed.binsEmptied))) : '–')
      .replace('{savedKm}', week ? Math.round(100 * (1 - week.fillDriven.km / Math.max(1e-9, week.fixed.km))) : '–');
    const other = lang === 'en' ? 'ko' : 'en';
    return { main: fill(pick(s.caption)), sub: s.caption[other] ? fill(s.caption[other]) : '' };
  }
}
