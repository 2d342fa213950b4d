// embed.js — the iframe side of the postMessage contract: {bukchon: 1, id, cmd, args} in, {bukchon: 1, id, ok,
// state} (or ok: false, error) back to the sender; "ready" and "time" events to the parent. The viewer's core
// checks every message (src/core/embed/embed_command.cpp and the command table, commands.cpp); malformed or unknown messages, and messages from origins
// outside the `parents=` allowlist, are ignored and counted, never thrown.
import { createViewer } from './bukchon-replay.js';

const viewer = await createViewer(document.getElementById('viewer'), { query: location.search, defaults: { ui: 'minimal', authoring: false } });
window.viewer = viewer;
// Origins allowed to drive the frame, as the core read them from `parents=`. Given but with no usable origin (a
// typo): nobody — a mistake must not open the frame to every page.
const strict = Array.isArray(viewer.urlOptions.parents);
const parents = strict ? viewer.urlOptions.parents : [];
let ignored = 0;

const withStats = (state) => ({ ...state, messagesIgnored: ignored });
const toParent = (message) => {
  if (window.parent === window) return;
  for (const origin of strict ? parents : ['*']) window.parent.postMessage(message, origin);
};

window.addEventListener('message', async (event) => {
  if (strict && !parents.includes(event.origin)) {
    ignored++;
    return;
  }
  const outcome = await viewer.command(event.data);
  if (outcome.ignored) {
    ignored++;
    return;
  }
  const body = { bukchon: 1, id: outcome.id, ok: outcome.ok, state: withStats(viewer.getState()) };
  if (!outcome.ok) body.error = outcome.error;
  else if (outcome.result instanceof Blob) body.result = outcome.result;  // screenshot
  event.source?.postMessage(body, event.origin === 'null' ? '*' : event.origin);
});

viewer.on('time', (state) => toParent({ bukchon: 1, event: 'time', state: withStats(state) }));
toParent({ bukchon: 1, event: 'ready', state: withStats(viewer.getState()) });
