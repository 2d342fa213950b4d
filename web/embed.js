// embed.js — the iframe side of the postMessage contract: {bukchon: 1, id, cmd, args} in, {bukchon: 1, id, ok,
// state} (or ok: false, error) back to the sender; "ready" and "time" events to the parent. Malformed or unknown
// messages, and messages from origins outside the `parents=` allowlist, are ignored and counted, never thrown.
import { createViewer, optionsFromUrl } from './bukchon-replay.js';

const COMMANDS = ['play', 'pause', 'seek', 'setSpeed', 'setLoop', 'setLanguage', 'setLayers', 'select', 'flyTo',
                  'resetView', 'load', 'screenshot', 'getState', 'setUi', 'setPalette'];
const params = new URLSearchParams(location.search);
const parents = (params.get('parents') || '').split(',').map((s) => s.trim()).filter(Boolean);
const options = optionsFromUrl(location.search);
if (!params.has('ui')) options.ui = 'minimal';
let ignored = 0;

const withStats = (state) => ({ ...state, messagesIgnored: ignored });
const toParent = (message) => {
  if (window.parent === window) return;
  for (const origin of parents.length ? parents : ['*']) window.parent.postMessage(message, origin);
};

const viewer = await createViewer(document.getElementById('viewer'), options);
window.viewer = viewer;

window.addEventListener('message', async (event) => {
  const m = event.data;
  const wellFormed = m && typeof m === 'object' && m.bukchon === 1 && typeof m.cmd === 'string' &&
                     (m.args === undefined || Array.isArray(m.args));
  if (!wellFormed || !COMMANDS.includes(m.cmd) || (parents.length && !parents.includes(event.origin))) {
    ignored++;
    return;
  }
  const reply = (body) => event.source?.postMessage({ bukchon: 1, id: m.id, ...body }, event.origin === 'null' ? '*' : event.origin);
  try {
    const result = await viewer[m.cmd](...(m.args || []));
    const body = { ok: true, state: withStats(viewer.getState()) };
    if (result instanceof Blob) body.result = result;  // screenshot
    reply(body);
  } catch (error) {
    reply({ ok: false, error: String(error && error.message ? error.message : error), state: withStats(viewer.getState()) });
  }
});

viewer.on('time', (state) => toParent({ bukchon: 1, event: 'time', state: withStats(state) }));
toParent({ bukchon: 1, event: 'ready', state: withStats(viewer.getState()) });
