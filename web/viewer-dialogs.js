// viewer-dialogs.js — the presenter's dialogs load on first use: the toolbar's Story and Export video buttons are made
// at start (labelled, shown or hidden by the layout), and the story editor, the export dialog and the offline-copy
// dialog (story-editor.js, video-dialog.js, offline-dialog.js) are fetched when one is first opened (lazyModule;
// inlined in the single file), so the first load does not carry them. Each stands in for its dialog's object
// (ctx.storyEditor, ctx.videoDialog, ctx.offlineDialog) with the same methods; those that need the dialog load it.
import { lazyModule, lazyStyles } from './viewer-files.js';
import { SITE } from './site-manifest.js';

// ctx: the viewer's context (chrome, text, state, layout); viewer: the Viewer object.
export function createDialogs(ctx, viewer) {
  const { chrome, text, state } = ctx;
  const button = (className, labelKey, hintKey) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `${className} bk-tool`;
    const label = () => { b.textContent = text(labelKey); b.title = text(hintKey); };
    label();
    chrome.toolbar.appendChild(b);
    return { b, label };
  };
  // Not in ui=none, not in a kiosk or an embed unless asked for (viewer-layout.js, `authoring`); left alone while a
  // video is being exported.
  const shown = (opener, s) => { if (!state.exporting) opener.hidden = s.ui === 'none' || !ctx.layout?.authoring; };

  // One dialog: its module, fetched once; `made` is the real object once it is there.
  const lazy = (load) => {
    let pending = null;
    const self = { made: null };
    self.get = () => (pending ||= load().then((made) => (self.made = made), (error) => { pending = null; throw error; }));
    return self;
  };
  const failed = (error) => chrome.showError(error.message);   // a module that could not be fetched (offline, a host's error)

  // The language menu: each language named in itself (site-manifest.js), for a presenter and a kiosk's visitors alike.
  const languages = Object.entries(SITE.languages || {});
  const menu = document.createElement('select');
  menu.className = 'bk-lang bk-tool';
  for (const [code, { name }] of languages) {
    const option = document.createElement('option');
    option.value = code;
    option.textContent = name;
    option.lang = code;
    menu.appendChild(option);
  }
  menu.addEventListener('change', () => {
    const code = menu.value;
    viewer.setLanguage(code).catch((e) => { menu.value = state.lang; chrome.showError(e.message); });
  });
  chrome.toolbar.appendChild(menu);
  // With the presenter's tools or in a kiosk (its visitors choose), not on a slide's embed or with ui=none.
  ctx.languageMenu = {
    relabel: () => { menu.value = state.lang; menu.setAttribute('aria-label', text('lang.menu')); menu.title = text('lang.menu'); },
    setShown: (s) => { menu.hidden = s.ui === 'none' || languages.length < 2 || !(ctx.layout?.authoring || ctx.options?.kiosk); },
  };
  ctx.languageMenu.relabel();

  // Story, then Export video.
  const story = button('bk-story-open', 'story.open', 'story.openHint');
  story.b.setAttribute('aria-expanded', 'false');
  const video = button('bk-video-open', 'video.open', 'video.openHint');

  // Each dialog's code and the dialogs' styles (bukchon-dialogs.css), both before it is made.
  const withStyles = (file) => Promise.all([lazyModule(file), lazyStyles('bukchon-dialogs.css')]).then(([m]) => m);
  const editor = lazy(() => withStyles('story-editor.js').then((m) => m.createStoryEditor(ctx, viewer, story.b)));
  const exporter = lazy(() => withStyles('video-dialog.js').then((m) => m.createVideoDialog(ctx, viewer, video.b)));
  const offline = lazy(() => withStyles('offline-dialog.js').then((m) => m.createOfflineDialog(ctx, viewer)));
  // The first click loads the dialog and opens it; from then on the dialog's own listener answers the button.
  story.b.addEventListener('click', () => { if (!editor.made) editor.get().then((e) => e.open(), failed); });
  video.b.addEventListener('click', () => { if (!exporter.made) exporter.get().then((d) => d.open(), failed); });

  // What every dialog answers before its code is there; `opener`: its toolbar button, if it has one.
  const standIn = (dialog, opener) => ({
    open: () => dialog.get().then((d) => d.open()),
    close: () => dialog.made?.close(),
    isOpen: () => !!dialog.made?.isOpen(),
    relabel: () => (dialog.made ? dialog.made.relabel() : opener?.label()),
    setShown: (s) => (dialog.made ? dialog.made.setShown?.(s) : opener && shown(opener.b, s)),
  });
  ctx.storyEditor = {
    ...standIn(editor, story),
    place: (r) => editor.made?.place(r),
    // A dropped story.json: checked and played by the editor (it throws the check's message).
    loadStory: (st, name) => editor.get().then((e) => e.loadStory(st, name)),
    steps: () => editor.made?.steps() ?? [],
  };
  ctx.videoDialog = standIn(exporter, video);
  ctx.offlineDialog = standIn(offline, null);
}
