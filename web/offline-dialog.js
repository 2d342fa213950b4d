// offline-dialog.js — the "Save offline copy" dialog (opened from the Export dialog, video-dialog.js): the copy of
// what is on screen is made (offline-copy.js, loaded on first use), its name and size are shown, and Save downloads
// it. For a USB stick.
// Text only through textContent; the strings are in assets/i18n/*.json.

// ctx: {element, canvas, chrome, text, layout}; viewer: the Viewer object.
export function createOfflineDialog(ctx, viewer) {
  const { element, canvas, text } = ctx;
  const el = (tag, parent, props = {}) => Object.assign(parent.appendChild(document.createElement(tag)), props);
  const dialog = el('dialog', element, { className: 'bk-offline' });
  dialog.setAttribute('aria-labelledby', 'bk-offline-title');
  const title = el('h2', dialog, { id: 'bk-offline-title' });
  const what = el('p', dialog);
  const summary = el('p', dialog, { className: 'bk-offline-summary' });
  const buttons = el('div', dialog, { className: 'bk-offline-buttons' });
  const save = el('button', buttons, { type: 'button', className: 'bk-primary' });   // first, as in the export dialog
  const cancel = el('button', buttons, { type: 'button' });
  let copy = null, url = '';

  const mb = (bytes) => (bytes / 1048576).toLocaleString(ctx.state.lang, { maximumFractionDigits: 1 });
  async function open() {
    if (dialog.open) return;
    relabel();
    copy = null;
    save.disabled = true;
    summary.classList.remove('bk-offline-error');
    summary.textContent = text('offline.making');
    dialog.showModal();
    try {
      copy = await viewer.saveOffline({ download: false });
      summary.textContent = text('offline.size').replace('{name}', copy.name).replace('{mb}', mb(copy.bytes));
      save.disabled = false;
      save.focus();
    } catch (error) {
      summary.classList.add('bk-offline-error');
      summary.textContent = error?.message || String(error);
    }
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
    cancel.textContent = text('offline.close');
    save.textContent = text('offline.save');
  }
  relabel();
  return { open, close, isOpen: () => dialog.open, relabel };
}
