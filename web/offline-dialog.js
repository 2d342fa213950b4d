// offline-dialog.js — the "Save offline copy" dialog (opened from the Export dialog, video-dialog.js): the copy of
// what is on screen is made (offline-copy.js, loaded on first use), its name and size are shown, and Save downloads
// it. For a USB stick. The languages it can show besides the one in use are chosen here: those whose letters come
// from a font pack (Thai, Arabic, Nepali, Chinese …) need their packs in the copy.
// Text only through textContent; the strings are in assets/i18n/*.json.
import { SITE } from './site-manifest.js';

// ctx: {element, canvas, chrome, text, layout}; viewer: the Viewer object.
export function createOfflineDialog(ctx, viewer) {
  const { element, canvas, text } = ctx;
  const el = (tag, parent, props = {}) => Object.assign(parent.appendChild(document.createElement(tag)), props);
  const dialog = el('dialog', element, { className: 'bk-offline' });
  dialog.setAttribute('aria-labelledby', 'bk-offline-title');
  const title = el('h2', dialog, { id: 'bk-offline-title' });
  const what = el('p', dialog);
  const languages = el('fieldset', dialog, { className: 'bk-offline-langs' });
  const legend = el('legend', languages);
  const summary = el('p', dialog, { className: 'bk-offline-summary' });
  const buttons = el('div', dialog, { className: 'bk-offline-buttons' });
  const save = el('button', buttons, { type: 'button', className: 'bk-primary' });   // first, as in the export dialog
  const cancel = el('button', buttons, { type: 'button' });
  let copy = null, url = '';

  const mb = (bytes) => (bytes / 1048576).toLocaleString(ctx.state.lang, { maximumFractionDigits: 1 });
  // One box per language besides the one in use and English (both always in), named in itself; only those that
  // need more than the copy has anyway (a font pack) are offered.
  function listLanguages() {
    languages.replaceChildren(legend);
    for (const [code, info] of Object.entries(SITE.languages || {})) {
      if (code === ctx.state.lang || code === 'en' || !info.packs) continue;
      const label = el('label', languages, { lang: code, dir: info.dir || 'ltr' });
      el('input', label, { type: 'checkbox', value: code }).addEventListener('change', make);
      label.append(` ${info.name}`);
    }
    languages.hidden = languages.children.length === 1;
  }
  let making = 0;
  async function make() {
    const asked = [...languages.querySelectorAll('input:checked')].map((i) => i.value);
    const mine = ++making;
    copy = null;
    save.disabled = true;
    summary.classList.remove('bk-offline-error');
    summary.textContent = text('offline.making');
    try {
      const made = await viewer.saveOffline({ download: false, languages: asked });
      if (mine !== making) return;   // a newer choice is being made
      copy = made;
      summary.textContent = text('offline.size').replace('{name}', copy.name).replace('{mb}', mb(copy.bytes));
      save.disabled = false;
    } catch (error) {
      if (mine !== making) return;
      summary.classList.add('bk-offline-error');
      summary.textContent = error?.message || String(error);
    }
  }
  async function open() {
    if (dialog.open) return;
    relabel();
    listLanguages();
    dialog.showModal();
    await make();
    if (copy) save.focus();
  }
  function close() {
    if (!dialog.open) return;
    dialog.close();
    canvas.focus();
  }
  save.addEventListener('click', () => {
    if (!copy) return;
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(copy.blob);
    const a = el('a', dialog, { href: url, download: copy.name, hidden: true });
    a.click();
    a.remove();
    summary.textContent = text('offline.saved').replace('{name}', copy.name);
  });
  cancel.addEventListener('click', close);
  function relabel() {
    title.textContent = text('offline.title');
    what.textContent = text('offline.what');
    legend.textContent = text('offline.languages');
    cancel.textContent = text('offline.close');
    save.textContent = text('offline.save');
  }
  relabel();
  return { open, close, isOpen: () => dialog.open, relabel };
}
