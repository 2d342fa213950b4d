// offline-copy.js — viewer.saveOffline() (docs/api.md): one HTML file with what is on screen — the dataset as loaded
// (the viewer's own .bkr and .bkm), its story, the UI language, layers, filter, metric, view and time, the fonts its
// text needed, its map's attribution (inside the map file) — that opens from file:// with no network, starts where
// it was saved, and can save itself again. Loaded on first use (lazyModule).
//
// The page's code, styles and resources come from the offline single file (dist/bukchon-replay.html, made at build
// time by cmake/single_file.mjs): fetched from the site, or, in a single file or a saved copy, read from itself.
import { HERE, fetchBytes, fileStem } from './viewer-files.js';
import { SITE } from './site-manifest.js';

const base64 = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

// {style, resources, script}: the single file's three parts.
async function template() {
  if (globalThis.BUKCHON_RESOURCES) {   // this page is a single file (or a saved copy): it is its own template
    return { style: document.querySelector('head > style')?.textContent || '', resources: globalThis.BUKCHON_RESOURCES,
             script: document.querySelector('script[type=module]')?.textContent || '' };
  }
  const html = new TextDecoder().decode(await fetchBytes(new URL('bukchon-replay.html', HERE).href));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const data = [...doc.querySelectorAll('script:not([type])')].map((s) => s.textContent).find((t) => t.includes('BUKCHON_RESOURCES ='));
  if (!data) throw new Error('saveOffline: bukchon-replay.html has no resources (rebuild the site)');
  const json = data.slice(data.indexOf('=') + 1).trim().replace(/;$/, '');
  return { style: doc.querySelector('head > style')?.textContent || '', resources: JSON.parse(json),
           script: doc.querySelector('script[type=module]')?.textContent || '' };
}

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
// Text inside <script>: never a closing tag or a comment opener.
const scriptSafe = (s) => s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!-{2}/g, '<\\u0021--');

// The copy of what is on screen: {blob, name, bytes}. `ctx`: the viewer's context (bridge, state, storyEditor);
// `languages`: UI languages besides the one in use that the copy must draw offline (their font packs go in).
export async function offlineCopy(ctx, viewer, { languages = [] } = {}) {
  const s = viewer.getState();
  if (!s.sensors) throw new Error('saveOffline: no data is loaded');
  const { style, resources, script } = await template();
  const saved = ctx.bridge.savedData();
  const out = { ...resources };
  for (const k of Object.keys(out)) if (k.startsWith('saved/')) delete out[k];   // a saved copy saving again
  // The default week and map stay out unless they are what is shown (they are then the saved ones anyway).
  delete out[SITE.data.recording];
  delete out[SITE.data.map];
  out['saved/recording.bkr'] = base64(saved.recording);
  const data = { recording: 'saved/recording.bkr' };
  if (saved.map) { out['saved/map.bkm'] = base64(saved.map); data.map = 'saved/map.bkm'; }
  for (const [name, bytes] of ctx.state.fontFiles || []) out[`assets/fonts/${name}`] = base64(bytes);
  // Every copy has every language's strings, the glyphs of those Nanum Gothic draws and the shaper; a language whose
  // letters come from a font pack (Thai, Arabic, Nepali, Chinese …) speaks offline only with its packs, chosen here.
  for (const code of languages) {
    const info = SITE.languages?.[code];
    if (!info) throw new Error(`saveOffline: this site has no language "${code}" (it has ${Object.keys(SITE.languages || {}).join(', ')})`);
    for (const name of info.packs || []) {
      const path = `assets/fonts/${name}`;
      if (!out[path]) out[path] = base64(await fetchBytes(new URL(path, HERE).href));
    }
  }
  const start = { data, lang: s.lang, t: s.timeMs, speed: s.speed, layers: s.layers, palette: s.palette,
                  view: s.view, sensor: s.selected || undefined, metric: s.metric || undefined,
                  filter: s.filter && s.filter.text ? s.filter.text : undefined,
                  events: s.eventRules && s.eventRules.text ? s.eventRules.text : undefined };
  const steps = ctx.storyEditor?.steps?.().length ? ctx.storyEditor.steps() : ctx.state.story?.steps;
  if (steps && steps.length) {
    const story = { title: ctx.state.story?.title ?? undefined, steps };
    out['saved/story.json'] = base64(new TextEncoder().encode(JSON.stringify(story)));
    start.story = 'saved/story.json';
    start.storyStart = !!ctx.state.story?.active();   // the tour plays on opening only if it played when saved
  }
  const title = s.title || 'Bukchon IoT Replay';
  // (Tags are assembled from pieces: this module itself is inlined in a <script> of the single file.)
  const tag = (name, attrs = '') => `<${name}${attrs}>`, end = (name) => `<${'/'}${name}>`;
  const html = ['<!doctype html>',
    `${'<'}!-- ${escapeHtml(title)}: an offline copy saved from Bukchon IoT Replay; runs from file:// with no network (docs/your-city.md) --${'>'}`,
    tag('html', ` lang="${escapeHtml(s.lang || 'en')}"`), tag('head'),
    tag('meta', ' charset="utf-8"'),
    tag('meta', ' name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"'),
    `${tag('title')}${escapeHtml(title)} · Bukchon IoT Replay (offline)${end('title')}`,
    `${tag('style')}${style}${end('style')}`,
    `${tag('script')}window.BUKCHON_RESOURCES = ${scriptSafe(JSON.stringify(out))};`,
    `window.BUKCHON_START = ${scriptSafe(JSON.stringify(start))};${end('script')}`,
    tag('script', ' type="module"'), script, end('script'),
    end('head'), tag('body'), `${tag('main', ` id="viewer" aria-label="${escapeHtml(title)}"`)}${end('main')}`, end('body'), end('html'), ''].join('\n');
  const blob = new Blob([html], { type: 'text/html' });
  return { blob, name: `${fileStem(s.title)}.html`, bytes: blob.size };
}
