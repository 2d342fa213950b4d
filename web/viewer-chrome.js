// viewer-chrome.js — the HTML around the canvas: loading card, error banner, import report, story caption, help
// overlay, the toolbar (the presenter's or the kiosk's buttons) and the screen-reader live region. Where the banner,
// caption and toolbar go is the core's layout's (viewer-layout.js places them). Text only through textContent:
// messages quote file contents.
import { localeOf } from './viewer-locale.js';

export function createChrome(root, text, lang = () => 'en') {
  const el = (tag, cls, parent = root) => {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    parent.appendChild(node);
    return node;
  };
  root.classList.add('bk-viewer');
  const canvas = el('canvas');
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'application');
  canvas.setAttribute('aria-label', text('aria.map'));

  const loading = el('div', 'bk-overlay bk-loading');
  loading.setAttribute('role', 'status');
  const card = el('div', 'bk-card', loading);
  el('h1', '', card).textContent = 'Bukchon IoT Replay';
  el('p', 'bk-ko', card).textContent = '북촌 IoT 데이터 리플레이';
  const bar = el('div', 'bk-bar', card);
  const fill = el('div', 'bk-fill', bar);
  const msg = el('p', 'bk-msg', card);
  msg.textContent = text('loading');
  const retry = el('button', '', card);
  retry.type = 'button';
  retry.hidden = true;
  retry.textContent = text('retry');

  const banner = el('div', 'bk-banner bk-error');
  banner.setAttribute('role', 'alert');
  banner.hidden = true;
  const bannerTitle = el('strong', '', banner);
  const bannerText = el('span', 'bk-text', banner);
  const bannerHint = el('span', 'bk-hint', banner);
  const dismiss = el('button', '', banner);
  dismiss.type = 'button';
  dismiss.textContent = '✕';
  dismiss.setAttribute('aria-label', text('dismiss'));
  dismiss.addEventListener('click', () => { banner.hidden = true; canvas.focus(); });

  const caption = el('div', 'bk-caption');
  caption.hidden = true;
  caption.setAttribute('aria-live', 'polite');
  const captionMain = el('span', 'bk-caption-main', caption);
  const captionSub = el('small', '', caption);
  let captionFit = '';  // the text and room the caption's type was last fitted to

  const help = el('div', 'bk-help');
  help.hidden = true;
  help.addEventListener('click', () => { help.hidden = true; canvas.focus(); });

  // The presenter's buttons (Story, Export video: story-editor.js, video-dialog.js) or the kiosk's, in one row.
  const toolbar = el('div', 'bk-toolbar');
  toolbar.hidden = true;

  // The import report: what was read, detected, accepted and rejected (the same text the command line prints).
  const report = el('section', 'bk-report');
  report.hidden = true;
  report.setAttribute('role', 'dialog');
  report.setAttribute('aria-modal', 'false');
  const reportHead = el('header', '', report);
  const reportTitle = el('h2', '', reportHead);
  const reportClose = el('button', '', reportHead);
  reportClose.type = 'button';
  reportClose.textContent = '✕';
  reportClose.addEventListener('click', () => { report.hidden = true; canvas.focus(); });
  const reportSummary = el('p', 'bk-report-summary', report);
  // The zone its wall-clock times were read in (given, from their offsets, or where the sensors stand), changeable:
  // the logs are read again in the zone typed or picked (setImportZone).
  const zoneRow = el('form', 'bk-report-zone', report);
  const zoneLabel = el('label', '', zoneRow);
  const zoneInput = el('input', '', zoneRow);
  zoneInput.id = 'bk-import-zone';
  zoneLabel.htmlFor = zoneInput.id;
  zoneInput.setAttribute('list', 'bk-import-zones');
  zoneInput.autocomplete = 'off';
  zoneInput.spellcheck = false;
  const zoneList = el('datalist', '', zoneRow);
  zoneList.id = 'bk-import-zones';
  const zoneApply = el('button', '', zoneRow);
  zoneApply.type = 'submit';
  const zoneWhy = el('span', 'bk-report-zone-why', zoneRow);
  zoneRow.addEventListener('submit', (e) => {
    e.preventDefault();
    self.onImportZone?.(zoneInput.value.trim());
  });
  const reportBody = el('pre', '', report);
  reportBody.tabIndex = 0;

  const live = el('div', 'bk-live');
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');

  const placed = (node, r) => {
    const shown = r && r.w > 0 && r.h > 0;
    node.classList.toggle('bk-placed', !!shown);
    if (!shown) return false;
    Object.assign(node.style, { left: `${Math.round(r.x)}px`, top: `${Math.round(r.y)}px`, width: `${Math.round(r.w)}px` });
    return true;
  };

  const self = {
    canvas,
    toolbar,
    changed: () => {},  // set by viewer-layout.js: an overlay appeared, went or changed size
    progress(fraction, message) {
      fill.style.width = `${Math.round(fraction * 100)}%`;
      msg.textContent = message;
    },
    loaded() { loading.hidden = true; },
    // A conversion in the tools module: the same card and bar over the map, until idle().
    busy(fraction, message) {
      loading.hidden = false;
      loading.classList.add('bk-busy');
      fill.style.width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)}%`;
      msg.textContent = `${message} ${Math.round(fraction * 100)} %`;
    },
    idle() {
      if (!loading.classList.contains('bk-busy')) return;
      loading.classList.remove('bk-busy');
      loading.hidden = true;
    },
    failed(message, onRetry) {
      loading.classList.add('bk-failed');
      fill.style.width = '100%';
      msg.textContent = `${text('cannotStart')}: ${message}`;
      retry.hidden = false;
      retry.onclick = onRetry;
    },
    showError(message) {
      banner.classList.remove('bk-notice');
      bannerTitle.textContent = text('error.title');
      bannerText.textContent = message;
      bannerHint.textContent = text('error.kept');
      banner.hidden = false;
      self.changed();
    },
    hideError() { banner.hidden = true; },
    // Problems that did not stop the viewer (URL parameters it could not use): one per line, the same banner.
    showNotice(title, lines, hint) {
      banner.classList.add('bk-notice');
      bannerTitle.textContent = title;
      bannerText.textContent = lines.join('\n');
      bannerHint.textContent = hint;
      banner.hidden = false;
      self.changed();
    },
    // `langs`: the languages of the two lines ({main, sub}), so each breaks by its own language's rules.
    caption(main, sub, langs = {}) {
      caption.hidden = !main;
      captionMain.textContent = main || '';
      captionSub.textContent = sub || '';
      captionMain.lang = langs.main || '';
      captionSub.lang = langs.sub || '';
      captionSub.hidden = !sub;
      self.changed();
    },
    captionShown: () => !caption.hidden,
    // The caption in its room (CSS px), standing on the room's lower edge: the main line at 26 design px, smaller
    // until it takes two lines at most and the whole box fits (never below 15 design px; the second language at
    // 0.62 of the main size, never below 14 CSS px). `scale`: CSS px per design px.
    placeCaption(r, scale) {
      if (caption.hidden) return;
      if (!placed(caption, r)) { caption.style.visibility = 'hidden'; return; }
      caption.style.visibility = '';
      const key = `${captionMain.textContent}|${captionSub.textContent}|${Math.round(r.w)}|${Math.round(r.h)}|${scale}`;
      if (key !== captionFit) {
        captionFit = key;
        const lines = (node) => node.offsetHeight / parseFloat(getComputedStyle(node).lineHeight || '1');
        for (let size = Math.round(26 * scale); ; size--) {
          caption.style.fontSize = `${size}px`;
          captionSub.style.fontSize = `${Math.max(14, Math.round(size * 0.62))}px`;
          if ((lines(captionMain) < 2.5 && caption.offsetHeight <= r.h) || size <= Math.round(15 * scale)) break;
        }
      }
      caption.style.top = `${Math.round(r.y + r.h - Math.min(r.h, caption.offsetHeight))}px`;
      caption.style.maxHeight = `${Math.round(r.h)}px`;
    },
    // The banner at the top of the map's free area, never taller than its room (it scrolls instead).
    placeBanner(r) {
      if (placed(banner, r)) banner.style.maxHeight = `${Math.round(r.h)}px`;
    },
    toggleHelp(rows) {
      if (!help.hidden) { help.hidden = true; return; }
      help.replaceChildren();
      const c = el('div', 'bk-card', help);
      el('h1', '', c).textContent = text('help.title');
      const dl = el('dl', '', c);
      for (const [key, what] of rows) {
        el('dt', '', dl).textContent = key;
        el('dd', '', dl).textContent = what;
      }
      help.hidden = false;
    },
    helpOpen: () => !help.hidden,
    kioskButtons(buttons) {
      toolbar.querySelectorAll('.bk-kiosk-button').forEach((b) => b.remove());
      for (const [label, onClick] of buttons) {
        const b = el('button', 'bk-kiosk-button bk-tool', toolbar);
        b.type = 'button';
        b.textContent = label;
        b.addEventListener('click', onClick);
      }
      self.changed();
    },
    showReport(r) {
      reportTitle.textContent = text(r.ok ? 'import.title' : 'import.failed');
      reportClose.setAttribute('aria-label', text('dismiss'));
      // The same counts as the report's text ("of what was read: …") and getState().import, each said once.
      const number = (n) => n.toLocaleString(localeOf(lang()));
      const count = (key, n) => text(key, { count: number(n) });
      const moved = (r.moved?.repeatedHour || 0) + (r.moved?.standardTime || 0);
      reportSummary.textContent = r.ok
        ? [text('import.summary', { sensors: count('count.sensors', r.sensors), readings: count('count.readings', r.readings) }),
           ...(r.skippedDuplicates ? [count('import.skipped', r.skippedDuplicates)] : []),
           ...(r.rejectedTotal ? [count('import.rejected', r.rejectedTotal)] : []),
           ...(moved ? [count('import.moved', moved)] : [])].join('; ') + '.'
        : r.fatal;
      report.classList.toggle('bk-report-failed', !r.ok);
      zoneRow.hidden = !r.zoneFrom || !self.onImportZone;
      if (!zoneRow.hidden) {
        zoneLabel.textContent = text('import.zone');
        zoneApply.textContent = text('import.zoneApply');
        zoneWhy.textContent = text(`import.zoneFrom.${r.zoneFrom}`);
        const offset = (r.utcOffsets || [0])[0];
        const fixed = offset ? `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}` : 'UTC';
        zoneInput.value = r.timeZone || fixed;
        if (!zoneList.childElementCount && typeof Intl.supportedValuesOf === 'function') {
          for (const zone of Intl.supportedValuesOf('timeZone')) el('option', '', zoneList).value = zone;
        }
      }
      reportBody.textContent = r.text;
      report.hidden = false;
    },
    hideReport() { report.hidden = true; },
    reportOpen: () => !report.hidden,
    announce(message) { live.textContent = message; },
    relabel() {
      canvas.setAttribute('aria-label', text('aria.map'));
      retry.textContent = text('retry');
      dismiss.setAttribute('aria-label', text('dismiss'));
    },
    remove() { root.replaceChildren(); root.classList.remove('bk-viewer', 'bk-kiosk-mode', 'bk-idle'); },
  };
  return self;
}

// The chrome's text (loading card, captions, notices) uses the same Nanum Gothic subset as the canvas: registered
// from the bytes already downloaded for the engine, so the page never fetches the fonts a second time (a CSS
// @font-face would: its requests are a different kind and miss the preload). Once per document.
let pageFontsRegistered = false;
const languageFontsRegistered = new Set();
// A UI language's own glyphs (fonts.languages) join the same family for exactly the characters they cover.
export function registerLanguageFonts(code, fonts) {
  if (!fonts || languageFontsRegistered.has(code) || typeof FontFace !== 'function' || !document.fonts) return;
  languageFontsRegistered.add(code);
  const unicodeRange = fonts.covers.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(', ');
  for (const [bytes, weight] of [[fonts.regular, '400'], [fonts.bold, '700']]) {
    const face = new FontFace('Nanum Gothic Subset', bytes, { weight, unicodeRange });
    face.load().then(() => document.fonts.add(face), () => {});
  }
}
export function registerPageFonts(regular, bold) {
  if (pageFontsRegistered || typeof FontFace !== 'function' || !document.fonts) return;
  pageFontsRegistered = true;
  for (const [bytes, weight] of [[regular, '400'], [bold, '700']]) {
    const face = new FontFace('Nanum Gothic Subset', bytes, { weight });
    face.load().then(() => document.fonts.add(face), () => {});  // a font the browser refuses: system fonts remain
  }
}
