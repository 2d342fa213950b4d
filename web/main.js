// main.js — the default page: one full-window viewer, a loading card, an error banner, and window.viewer.
import { createViewer } from './viewer.js';

const canvas = document.getElementById('canvas');
const loading = document.getElementById('loading');
const bar = loading.querySelector('.fill');
const loadingText = loading.querySelector('.msg');
const banner = document.getElementById('error');
const bannerText = banner.querySelector('.text');

function showError(message) {
  bannerText.textContent = message;  // text, never HTML: messages quote file contents
  banner.hidden = false;
}
banner.querySelector('button').addEventListener('click', () => { banner.hidden = true; });

let resolveReady, rejectReady;
const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
ready.catch(() => {});  // failures are shown on the page; a caller awaiting ready still sees the rejection

// window.viewer exists at once so scripts can `await viewer.ready`; methods work after that.
const api = { ready };
window.viewer = api;

createViewer(canvas, {
  onProgress: (fraction, message) => {
    bar.style.width = `${Math.round(fraction * 100)}%`;
    loadingText.textContent = message;
  },
}).then((viewer) => {
  Object.assign(api, viewer);
  viewer.on('error', showError);
  const s = viewer.getState();
  if (s.error) showError(s.error);
  loading.hidden = true;
  canvas.focus();
  resolveReady(api);
}).catch((error) => {
  loading.classList.add('failed');
  bar.style.width = '100%';
  loadingText.textContent = `Could not start: ${error.message}`;
  const retry = loading.querySelector('button');
  retry.hidden = false;
  retry.addEventListener('click', () => location.reload());
  rejectReady(error);
});
