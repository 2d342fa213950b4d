// viewer-layout.js — the page's overlays (the toolbar of buttons, the story caption, notices, the story editor) placed
// in the rectangles the core's layout gives them (getState().panels, src/core/view/layout.hpp), the same rule the
// canvas panels follow, so nothing covers a panel, the scale bar or the map's credit. The page tells the core which
// overlays it shows (setOverlays) and the core makes room for them.

// ctx: {element, chrome, state, options}; run: the command runner (viewer-api.js).
// Returns {update(state?), authoring, overlays(), forget(), stop()}: update() re-places everything (call it when an
// overlay appears or goes, on resize and from the page's tick); `authoring` says whether the presenter's buttons are
// offered at all.
export function createLayout(ctx, run) {
  const { element, chrome, state, options } = ctx;
  // The presenter's tools (Story, Export video) are for the presenter: not in a kiosk, not on a slide's embed, unless
  // the page or the URL asks for them (authoring=1, for staff).
  const authoring = options.authoring ?? !options.kiosk;
  let sent = null;
  let placing = false;

  const px = (v) => `${Math.round(v)}px`;
  const visible = (r) => r && r.w > 0 && r.h > 0;
  const put = (node, r) => {
    if (!visible(r)) return false;
    Object.assign(node.style, { left: px(r.x), top: px(r.y), width: px(r.w), height: px(r.h) });
    return true;
  };

  // What the page shows now, as the core's setOverlays takes it. The toolbar's width is its row's at 1× (its
  // language's labels and the language menu): measured once it is shown, at the font scale it was placed at.
  let scale = 1, rowWidth = 0;
  const wanted = (s) => {
    const tools = [...chrome.toolbar.querySelectorAll('button:not([hidden]), select:not([hidden])')];
    if (!chrome.toolbar.hidden && tools.length) {
      const gap = parseFloat(getComputedStyle(chrome.toolbar).columnGap) || 0;
      // The language menu gives way where the row has no room (the CSS): its own width is measured, not what is left.
      const natural = (el) => {
        if (el.tagName !== 'SELECT') return el.getBoundingClientRect().width;
        el.style.flex = 'none';
        const w = el.getBoundingClientRect().width;
        el.style.flex = '';
        return w;
      };
      const row = tools.reduce((w, el) => w + natural(el), 0) + gap * (tools.length - 1);
      rowWidth = Math.ceil(row / scale) + 2;
    }
    return { toolbar: tools.length > 0 && s.ui !== 'none', caption: chrome.captionShown(), editor: !!ctx.storyEditor?.isOpen(),
             toolbarWidth: rowWidth };
  };

  function update(given) {
    if (placing || state.destroyed || state.exporting) return;
    placing = true;
    try {
      let s = given || ctx.getState();
      ctx.videoDialog?.setShown(s);
      ctx.storyEditor?.setShown(s);
      ctx.languageMenu?.setShown(s);
      const want = wanted(s);
      if (!sent || want.toolbar !== sent.toolbar || want.caption !== sent.caption || want.editor !== sent.editor ||
          Math.abs(want.toolbarWidth - sent.toolbarWidth) > 2) {
        sent = want;
        s = run('setOverlays', [want]);
      }
      const p = s.panels || {};
      chrome.toolbar.hidden = !want.toolbar || !put(chrome.toolbar, p.toolbar);
      chrome.toolbar.style.fontSize = `${Math.round(14 * (p.scale || 1))}px`;
      scale = Math.round(14 * (p.scale || 1)) / 14;
      chrome.placeBanner(p.notice);
      chrome.placeCaption(p.caption, p.scale || 1);
      ctx.storyEditor?.place(p.editor);
    } finally {
      placing = false;
    }
  }

  chrome.changed = () => update();
  // A resized frame (a window, a slide, full screen) lays out again at once, not at the next tick.
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => requestAnimationFrame(() => update())) : null;
  resize?.observe(element);
  return {
    update, authoring,
    overlays: () => ({ toolbar: false, caption: false, editor: false, toolbarWidth: 0, ...(sent || {}) }),
    forget: () => { sent = null; },  // someone else (a video export) set the overlays: send ours again next time
    stop: () => resize?.disconnect(),
  };
}
