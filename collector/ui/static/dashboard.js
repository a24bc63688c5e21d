// driftwatch dashboard: live updates. The collector sends "change" events
// naming what changed (hosts, events, terminations) on /ui/live; sections of
// the page that show those topics (data-live="...") are fetched again with the
// page's own URL and swapped in. No framework, no build step; served by the
// collector (the Content-Security-Policy allows no inline script).
'use strict';

(function () {
  const status = document.getElementById('live-status');
  const url = document.body.dataset.liveUrl;
  if (!url || !window.EventSource) return;
  let pending = new Set();
  let inFlight = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  /** A section the user is typing in is left alone until the next change. */
  function busy(section) {
    return Array.from(section.querySelectorAll('input[type=text], input[type=search], textarea')).some((i) => i.value !== '')
      || section.contains(document.activeElement);
  }

  async function refresh() {
    if (inFlight || pending.size === 0) return;
    const topics = pending;
    pending = new Set();
    const stale = Array.from(document.querySelectorAll('[data-live]'))
      .filter((s) => s.id && s.dataset.live.split(' ').some((t) => topics.has(t)) && !busy(s));
    if (stale.length === 0) return;
    inFlight = true;
    try {
      const res = await fetch(location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (res.redirected && new URL(res.url).pathname === '/ui/sign-in') {
        location.assign(res.url);
        return;
      }
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      for (const old of stale) {
        const fresh = doc.getElementById(old.id);
        if (fresh) {
          const node = document.importNode(fresh, true);
          node.classList.add('updated');
          old.replaceWith(node);
        }
      }
      document.body.dataset.liveUpdates = String(Number(document.body.dataset.liveUpdates || '0') + 1);
    } catch {
      say('update failed; retrying');
    } finally {
      inFlight = false;
      if (pending.size > 0) void refresh();
    }
  }

  const source = new EventSource(url);
  source.addEventListener('open', () => say('live'));
  source.addEventListener('error', () => say('reconnecting…'));
  source.addEventListener('change', (e) => {
    try {
      for (const t of JSON.parse(e.data).topics) pending.add(t);
    } catch {
      return;
    }
    void refresh();
  });
  // The marks as the stream starts, against those the page was rendered with: catch up on what changed in between.
  source.addEventListener('marks', (e) => {
    try {
      const now = JSON.parse(e.data);
      const then = JSON.parse(document.body.dataset.marks || '{}');
      for (const t of Object.keys(now)) if (String(now[t]) !== String(then[t])) pending.add(t);
      document.body.dataset.marks = e.data;
    } catch {
      return;
    }
    void refresh();
  });
  source.addEventListener('signed-out', () => {
    source.close();
    location.assign('/ui/sign-in');
  });
})();
