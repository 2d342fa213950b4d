// main.js — the default page: one full-window viewer configured from the URL, exposed as window.viewer.
import { createViewer } from './bukchon-replay.js';

let resolveReady, rejectReady;
const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
ready.catch(() => {});  // failures are shown on the page; a caller awaiting ready still sees the rejection

// window.viewer exists at once so scripts can `await viewer.ready`; its methods arrive with it.
const api = { ready };
window.viewer = api;

// An offline copy (offline-copy.js) starts where it was saved: its data, language, view and time (BUKCHON_START).
createViewer(document.getElementById('viewer'), { query: location.search, ...(globalThis.BUKCHON_START || {}) }).then((viewer) => {
  Object.assign(api, viewer);
  document.querySelector('#viewer canvas').focus();
  resolveReady(api);
}).catch(rejectReady);
