// offline-dialog.js — the presenter's "Save offline" button and its dialog: the copy of what is on screen is made
// (offline-copy.js, loaded on first use), its name and size are shown, and Save downloads it. For a USB stick.
// Text only through textContent; the strings are in assets/i18n/*.json.

// ctx: {element, canvas, chrome, text, layout}; viewer: the Viewer object.
export function createOfflineDialog(ctx, viewer) {
  const { element, canvas, text, chrome } = ctx;
  const el = (tag, parent, props = {}) => Object.assign(parent.appendChild(document.createElement(tag)), props);
  const opener = el('button', chrome.toolbar, { type: 'button', className: 'bk-offline-open bk-tool' });
  opener.addEventListener('click', () => open());
  const dialog = el('dialog', element, { className: 'bk-video bk-offline' });
  dialog.setAttribute('aria-labelledby', 'bk-offline-title');
  const title = el('h2', dialog, { id: 'bk-offline-title' });
  const what = el('p', dialog);
  const summary = el('p', dialog, { className: 'bk-video-summary' });
  const buttons = el('div', dialog, { className: 'bk-video-buttons' });
  const cancel = el('button', buttons, { type: 'button' });
  const save = el('button', buttons, { type: 'button', className: 'bk-primary' });
  let copy = null, url = '';

  const mb = (bytes) => (bytes / 1048576).toLocaleString(ctx.state.lang, { maximumFractionDigits: 1 });
  async function open() {
    if (dialog.open) return;
    relabel();
    copy = null;
    save.disabled = true;
    summary.classList.remove('bk-video-error');
    summary.textContent = text('offline.making');
    dialog.showModal();
    try {
      copy = await viewer.saveOffline({ download: false });
      summary.textContent = text('offline.size').replace('{name}', copy.name).replace('{mb}', mb(copy.bytes));
      save.disabled = false;
      save.focus();
    } catch (error) {
      summary.classList.add('bk-video-error');
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
    opener.textContent = text('offline.open');
    opener.title = text('offline.hint');
    title.textContent = text('offline.title');
    what.textContent = text('offline.what');
    cancel.textContent = text('offline.close');
    save.textContent = text('offline.save');
  }
  relabel();
  return { open, close, isOpen: () => dialog.open, relabel,
           setShown: (s) => { opener.hidden = s.ui === 'none' || !ctx.layout?.authoring; } };
}
