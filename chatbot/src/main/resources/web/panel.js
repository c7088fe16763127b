/*! ketamine-faq chat panel — protocol v1. Loaded by /panel, a page of the chat server that the launcher
 * (/widget.js) shows in an iframe on the clinic's page. Everything a visitor types, the transcript and the WebSocket
 * live here, on the chat server's origin, out of reach of the clinic page's scripts. The clinic page and this frame
 * exchange only open/close and an unread count through postMessage, with the origin checked both ways.
 * Plain ES2020, no dependencies, no third-party requests, no inline script or style (the page's CSP forbids both).
 * Safety rule for this file: server and visitor text only ever reaches the DOM as text nodes
 * (textContent / append(string)); no innerHTML anywhere. */
(() => {
  'use strict';
  const KEY_LOG = 'ketamine-faq-transcript'; // sessionStorage of this frame: array of message objects
  const KEY_RESUME = 'ketamine-faq-resume';  // sessionStorage of this frame: the latest resume token (encrypted)
  const TOKEN = /^[A-Za-z0-9_-]{16,4096}$/;
  const MAX_LEN = 1000;                      // protocol limit for a message, after trimming
  const MAX_KEEP = 100;                      // messages kept in the transcript
  const SEND_TIMEOUT = 30000;                // offline this long => "Not sent — tap to retry"
  const KINDS = ['user', 'bot', 'crisis', 'result', 'question', 'fallback', 'error', 'notice'];

  // ---------- What the launcher passes in the fragment: the clinic page's origin, the title and the colours ----------
  const params = new URLSearchParams(location.hash.slice(1));
  const HEX = /^#[0-9a-f]{6}$/i;
  const TITLE = (params.get('title') || '').trim().slice(0, 200) || 'Ketamine therapy questions';
  const FRAMED = window.parent !== window;
  // Messages go to, and are taken from, the page that framed us and no other. The launcher names its origin; when
  // the browser can tell (ancestorOrigins), it must agree.
  const HOST_ORIGIN = (() => {
    const named = params.get('origin') || '';
    const known = location.ancestorOrigins && location.ancestorOrigins[0];
    return FRAMED && /^https?:\/\/[^/]+$/.test(named) && (!known || known === named) ? named : null;
  })();
  if (HEX.test(params.get('accent') || '')) document.documentElement.style.setProperty('--kf-accent', params.get('accent'));
  if (HEX.test(params.get('link') || '')) document.documentElement.style.setProperty('--kf-link', params.get('link'));

  // The chat is on the same server as this page: /panel -> /chat, ws: or wss: as the page.
  const WS_URL = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host
    + location.pathname.replace(/\/panel$/, '') + '/chat';

  // The clinic's name, phone, disclaimer and crisis resources, served inside this page so that they show even
  // when the chat cannot connect.
  const CLINIC = (() => {
    try { return JSON.parse(document.getElementById('kf-clinic').textContent) || {}; } catch { return {}; }
  })();

  function tell(message) { // to the launcher on the clinic's page
    if (HOST_ORIGIN) window.parent.postMessage(Object.assign({ kf: 1 }, message), HOST_ORIGIN);
  }

  /*DOM*/
  let uid = 0;

  // Text with "\n\n" paragraph breaks -> <p> elements; http(s) URLs become links.
  const URL_RE = /https?:\/\/[^\s<>"']+/gi;
  function paragraphs(text) {
    return String(text || '').split(/\n\s*\n/).filter((p) => p.trim()).map((p) => {
      const el = h('p');
      let last = 0;
      for (const m of p.matchAll(URL_RE)) {
        const url = m[0].replace(/[.,;:!?)\]]+$/, ''); // trailing punctuation is not part of the URL
        const href = safeHref(url);
        el.append(p.slice(last, m.index));
        el.append(href ? h('a', { href, ...external(href) }, url, srOnly(' (opens in a new tab)')) : url);
        last = m.index + url.length;
      }
      el.append(p.slice(last));
      return el;
    });
  }
  const firstHttpsUrl = (text) => {
    for (const m of String(text || '').matchAll(URL_RE)) {
      const href = safeHref(m[0].replace(/[.,;:!?)\]]+$/, ''));
      if (href && href.startsWith('https:')) return href;
    }
    return null;
  };

  // ---------- Server frames -> plain message objects (what we render and store) ----------
  const str = (v) => (typeof v === 'string' ? v : '');
  const arr = (v) => (Array.isArray(v) ? v : []);
  const strs = (v) => arr(v).filter((x) => typeof x === 'string' && x.trim()).slice(0, 12);
  const num = (v) => (Number.isFinite(+v) && +v > 0 ? Math.floor(+v) : 0);
  const sources = (v) => {
    const seen = new Set();
    return arr(v).filter((s) => s && typeof s === 'object')
      .map((s) => ({ id: str(s.id), title: str(s.title), section: str(s.section), study: str(s.study) }))
      .filter((s) => (s.title || s.id) && !seen.has(s.id + s.title + s.section + s.study)
        && seen.add(s.id + s.title + s.section + s.study));
  };
  // A study cited by its DOI links to it at doi.org; each part of the DOI is encoded, so the link can only go there.
  const DOI_RE = /\bdoi:\s*(10\.\d{4,9}\/[^\s"'<>]+)/i;
  function doiLink(study) {
    const m = DOI_RE.exec(study || '');
    if (!m) return null;
    const doi = m[1].replace(/[.,;]+$/, '');
    const href = 'https://doi.org/' + doi.split('/').map(encodeURIComponent).join('/');
    return h('a', { href, ...external(href) }, 'doi.org/' + doi, srOnly(' (opens in a new tab)'));
  }
  const resources = (v) => arr(v).filter((r) => r && typeof r === 'object')
    .map((r) => ({ name: str(r.name), contact: str(r.contact), href: str(r.href) }));

  function fromServer(d) {
    const text = str(d.text);
    switch (d.type) {
      case 'welcome':
        return { kind: 'bot', text, quickReplies: strs(d.quickReplies) };
      case 'answer':
        return { kind: 'bot', text, sources: sources(d.sources), quickReplies: strs(d.quickReplies), resources: resources(d.resources) };
      case 'fallback':
        return { kind: 'fallback', text, suggestions: strs(arr(d.suggestions).map((s) => s && s.label)), resources: resources(d.resources) };
      case 'crisis':
        return {
          kind: 'crisis', text, about: d.about === 'someone_else' ? 'someone_else' : 'self',
          resources: resources(d.resources), quickReplies: strs(d.quickReplies), sources: sources(d.sources),
        };
      case 'question':
        return { kind: 'question', text, quickReplies: strs(d.quickReplies), step: num(d.step), of: num(d.of) };
      case 'result':
        return {
          kind: 'result', text, verdict: str(d.verdict),
          reasons: arr(d.reasons).map((r) => str(r && r.text)).filter(Boolean),
          sources: sources(arr(d.reasons).flatMap((r) => arr(r && r.sources))),
          resources: resources(d.resources), quickReplies: strs(d.quickReplies),
        };
      case 'error':
        return { kind: 'error', text: text || 'Something went wrong. Please try again.' };
      default:
        return null; // unknown frame types are ignored
    }
  }

  // ---------- State ----------
  // Browsers that keep storage from third-party frames (Safari, private windows, Chromium with third-party cookies
  // blocked) throw on any use of it: then the transcript lives in memory only, and a reload starts afresh.
  const STORAGE = (() => { try { return !!window.sessionStorage; } catch { return false; } })();
  let transcript = loadTranscript();
  const elOf = new WeakMap();  // message object -> its element
  const outbox = [];           // items waiting for a connection: {frame, msg, timer, tries}
  const pending = [];          // items sent, awaiting their reply (FIFO; one reply per frame)
  let ws = null, conn = null;  // current socket and its per-connection state
  let ready = false, everConnected = false, attempt = 0, retryTimer = 0;
  let isOpen = false, typingShown = false, lastWelcome = null, unread = 0;
  let resumeToken = loadResume(); // the latest token the server gave
  let previousResume = null;      // the token from before the current connection's welcome
  let ui = null;               // built in init()

  function loadTranscript() {
    try {
      const a = JSON.parse(sessionStorage.getItem(KEY_LOG) || '[]');
      if (!Array.isArray(a)) return [];
      // Re-validate stored data like server data. A message still waiting when the page went
      // away was never sent: it comes back as "Not sent — tap to retry".
      return a.filter((m) => m && KINDS.includes(m.kind)).map((m) => ({
        kind: m.kind, text: str(m.text), state: m.kind === 'user' && m.state ? 'failed' : undefined,
        quickReplies: strs(m.quickReplies), suggestions: strs(m.suggestions), sources: sources(m.sources),
        resources: resources(m.resources), reasons: strs(m.reasons), verdict: str(m.verdict), step: num(m.step), of: num(m.of),
        about: m.about === 'someone_else' ? 'someone_else' : undefined,
      }));
    } catch { return []; }
  }
  function loadResume() {
    try {
      const t = sessionStorage.getItem(KEY_RESUME);
      return t && TOKEN.test(t) ? t : null;
    } catch { return null; }
  }
  function saveResume(token) {
    resumeToken = token;
    try {
      if (token) sessionStorage.setItem(KEY_RESUME, token);
      else sessionStorage.removeItem(KEY_RESUME);
    } catch { /* storage disabled: kept in memory for this page */ }
  }
  function saveTranscript() {
    try {
      if (transcript.length) sessionStorage.setItem(KEY_LOG, JSON.stringify(transcript));
      else sessionStorage.removeItem(KEY_LOG);
    } catch { /* storage full or disabled: the chat still works */ }
  }

  // ---------- Rendering ----------
  // Quick replies / "Did you mean" buttons; clicking one sends its label as a message.
  function quickBar(labels, groupName, visibleLabel) {
    if (!labels || !labels.length) return null;
    return h('div', { class: 'kf-quickbar' },
      visibleLabel ? h('p', { class: 'kf-label' }, visibleLabel) : null,
      h('div', { class: 'kf-quickrow', role: 'group', 'aria-label': groupName },
        labels.map((label) => h('button', { type: 'button', class: 'kf-quick', 'data-testid': 'kf-quick', onclick: () => sendUser(label) }, label))));
  }

  function sourcesBlock(list) {
    if (!list || !list.length) return null;
    const id = 'kf-src-' + ++uid;
    const ul = h('ul', { id, class: 'kf-sources', 'data-testid': 'kf-sources', hidden: true },
      list.map((s) => h('li', {}, s.title || s.id, s.section ? h('span', { class: 'kf-sec' }, ' — ' + s.section) : null,
        s.study ? h('span', { class: 'kf-sec' }, ' — ' + s.study.replace(DOI_RE, '').replace(/[\s.]+$/, '') + '. ') : null,
        doiLink(s.study))));
    const btn = h('button', {
      type: 'button', class: 'kf-src-btn', 'aria-expanded': 'false', 'aria-controls': id, 'data-testid': 'kf-sources-toggle',
      onclick() {
        const show = btn.getAttribute('aria-expanded') !== 'true';
        btn.setAttribute('aria-expanded', String(show));
        ul.hidden = !show;
      },
    }, `Sources (${list.length})`);
    return h('div', {}, btn, ul);
  }

  // A resource: tel: => "Call", sms: => "Text", https => "Chat online" (crisis) / "Visit".
  function resourceItem(r, crisis) {
    const href = safeHref(r.href);
    if (!href) { // unsafe or missing link: show the words only
      return h('p', {}, [r.name, r.contact].filter(Boolean).join(' — ') || r.href);
    }
    const scheme = href.slice(0, href.indexOf(':'));
    const verb = { tel: 'Call', sms: 'Text' }[scheme] || (crisis ? 'Chat online' : 'Visit');
    const contact = r.contact || href.replace(/^(tel|sms):/, '');
    return h('a', { href, ...external(href), 'data-testid': crisis ? 'kf-crisis-link' : 'kf-resource-link' },
      h('strong', {}, r.name ? `${verb}: ${r.name}` : verb), ' ', h('span', {}, contact),
      scheme.startsWith('http') ? srOnly(' (opens in a new tab)') : null);
  }
  const resourceList = (list, crisis) => list && list.length
    ? h('div', { class: 'kf-res' }, list.map((r) => resourceItem(r, crisis))) : null;

  function render(m) {
    const kind = m.kind;
    const who = kind === 'user' ? 'You said: ' : kind === 'error' || kind === 'notice' ? 'Notice: ' : 'Assistant: ';
    const bubble = h('div', { class: 'kf-bubble' }, srOnly(who));
    const el = h('div', { class: 'kf-msg', 'data-testid': 'kf-msg', 'data-kind': kind }, bubble);
    elOf.set(m, el);

    if (kind === 'user') {
      bubble.append(h('p', {}, m.text));
      el.append(h('div', { class: 'kf-state' }));
      paintState(m);
      return el;
    }
    if (kind === 'crisis') {
      // the call and text buttons come right after the heading, so that they are seen without scrolling
      el.setAttribute('role', 'alert');
      // a visitor worried about someone else is not the one in danger: the heading speaks to their worry
      const heading = m.about === 'someone_else' ? "Help for the person you're worried about" : 'You deserve support right now';
      bubble.append(h('h3', {}, heading), resourceList(m.resources, true) || '');
    }
    if (kind === 'result') bubble.append(h('h3', {}, 'Your screening result'));
    if (kind === 'result' && m.verdict) el.setAttribute('data-verdict', m.verdict);
    if (kind === 'question' && m.step && m.of) {
      bubble.append(h('p', { class: 'kf-step' }, 'Question ', h('span', { 'data-testid': 'kf-step' }, `${m.step} of ${m.of}`)));
    }
    bubble.append(...paragraphs(m.text));

    if (kind === 'result' && m.reasons && m.reasons.length) {
      bubble.append(h('p', { class: 'kf-label' }, 'Based on your answers:'), h('ul', {}, m.reasons.map((t) => h('li', {}, t))));
    }
    const booking = kind === 'result' && firstHttpsUrl(m.text);
    if (booking) bubble.append(h('a', { class: 'kf-book', href: booking, ...external(booking) }, 'Book an evaluation', srOnly(' (opens in a new tab)')));
    if (kind !== 'crisis') bubble.append(resourceList(m.resources, false) || '');
    bubble.append(sourcesBlock(m.sources) || '');

    if (kind === 'fallback') el.append(quickBar(m.suggestions, 'Did you mean', 'Did you mean:') || '');
    el.append(quickBar(m.quickReplies, 'Suggested replies') || '');
    return el;
  }

  // The user bubble's delivery state: sent (nothing shown), "sending…", or a retry button.
  function paintState(m) {
    const el = elOf.get(m);
    const slot = el && el.querySelector('.kf-state');
    if (!slot) return;
    el.setAttribute('data-state', m.state || 'sent');
    slot.textContent = '';
    if (m.state === 'sending') slot.append('sending…');
    if (m.state === 'failed') {
      slot.append(h('button', { type: 'button', class: 'kf-retry', 'data-testid': 'kf-retry', onclick: () => retry(m) }, 'Not sent — tap to retry'));
    }
  }
  function setState(m, state) {
    if (state) m.state = state; else delete m.state;
    paintState(m);
    saveTranscript();
  }

  // Quick replies belong to the latest message only; older ones are removed.
  function pruneQuick(keepLast) {
    const keep = keepLast && ui.log.lastElementChild;
    let lostFocus = false;
    for (const bar of ui.log.querySelectorAll('.kf-quickbar')) {
      if (keep && keep.contains(bar)) continue;
      if (bar.contains(document.activeElement)) lostFocus = true;
      bar.remove();
    }
    if (lostFocus) ui.input.focus();
  }

  function add(m) {
    pruneQuick(false);
    transcript.push(m);
    while (transcript.length > MAX_KEEP) {
      const old = transcript.shift();
      if (elOf.get(old)) elOf.get(old).remove();
    }
    const el = render(m);
    ui.log.append(el);
    saveTranscript();
    countUnread(m);
    reveal(el);
    return el;
  }

  // Scroll so a new message can be read from its start; short ones just go to the bottom.
  function reveal(el) {
    const box = ui.scroll;
    if (el && el.getAttribute('data-kind') !== 'user' && el.offsetHeight > box.clientHeight * 0.75) {
      box.scrollTop = el.offsetTop - 8;
    } else {
      box.scrollTop = box.scrollHeight;
    }
  }

  function updateBusy() {
    const show = pending.some((p) => !p.discard) || (!transcript.length && !ready && !!ws);
    ui.typing.hidden = !show;
    if (show && !typingShown) ui.scroll.scrollTop = ui.scroll.scrollHeight;
    typingShown = show;
  }

  // After this many failed attempts (about 8 s), say that the chat is unavailable, with the clinic's crisis
  // resources, rather than "Connecting…" for ever; the socket keeps trying in the background.
  const UNAVAILABLE_AFTER = 4;

  function paintStatus() {
    const offline = !ready && (attempt > 0 || everConnected);
    const unavailable = offline && attempt >= UNAVAILABLE_AFTER;
    ui.status.hidden = !offline;
    ui.status.textContent = unavailable ? 'Offline' : everConnected ? 'Reconnecting…' : 'Connecting…';
    ui.unavailable.hidden = !unavailable;
  }

  function setDisclaimer(text) {
    if (typeof text === 'string' && text.trim()) ui.disclaimer.textContent = text.trim();
  }

  // Short announcement for screen readers (e.g. "Conversation cleared").
  function announce(text) {
    ui.announcer.textContent = '';
    setTimeout(() => { ui.announcer.textContent = text; }, 50);
  }

  // ---------- Sending ----------
  function sendUser(raw) {
    const text = String(raw || '').trim();
    if (!text) return false;
    if (text.length > MAX_LEN) {
      add({ kind: 'notice', text: `Please shorten your message to ${MAX_LEN} characters or fewer (it has ${text.length}).` });
      return false;
    }
    const msg = { kind: 'user', text };
    add(msg);
    enqueue({ frame: { type: 'message', text }, msg });
    return true;
  }

  function enqueue(item) {
    outbox.push(item);
    flush();
    if (outbox.includes(item)) { // not connected: show "sending…" and keep trying
      waitForConnection(item);
      connect();
    }
  }

  function waitForConnection(item) {
    if (item.msg) setState(item.msg, 'sending');
    clearTimeout(item.timer);
    item.timer = setTimeout(() => {
      const i = outbox.indexOf(item);
      if (i < 0) return;
      outbox.splice(i, 1);
      if (item.msg) setState(item.msg, 'failed');
    }, SEND_TIMEOUT);
  }

  function flush() {
    while (ready && ws && outbox.length) {
      const item = outbox.shift();
      clearTimeout(item.timer);
      try { ws.send(JSON.stringify(item.frame)); } catch { outbox.unshift(item); break; }
      pending.push(item);
      if (item.msg && item.msg.state) setState(item.msg, null);
    }
    updateBusy();
  }

  function retry(m) {
    // Move the message to the end of the conversation and send it again.
    const i = transcript.indexOf(m);
    if (i >= 0) transcript.splice(i, 1);
    if (elOf.get(m)) elOf.get(m).remove();
    sendUser(m.text);
    ui.input.focus();
    if (!ready) { attempt = 0; clearTimeout(retryTimer); retryTimer = 0; connect(); }
  }

  function clearConversation() {
    transcript = [];
    saveResume(null); // the reset's welcome brings the new conversation's token
    ui.log.textContent = '';
    saveTranscript();
    for (const item of outbox.splice(0)) clearTimeout(item.timer);
    for (const p of pending) p.discard = true; // their replies belong to the old conversation
    if (ready) {
      pending.push({ frame: { type: 'reset' } });
      try { ws.send(JSON.stringify({ type: 'reset' })); } catch { pending.pop(); }
    } else if (lastWelcome) {
      add(fromServer(lastWelcome)); // a new connection starts fresh anyway
    }
    updateBusy();
    announce('Conversation cleared.');
    ui.input.focus();
  }

  // ---------- Connection ----------
  function connect() {
    if (ws) return;
    clearTimeout(retryTimer);
    retryTimer = 0;
    let sock;
    try { sock = new WebSocket(WS_URL); } catch { scheduleReconnect(); return; }
    ws = sock;
    conn = { welcomed: false, timer: 0 };
    const c = conn;
    sock.onopen = () => {
      // The server greets first; if no welcome comes, go on without it after 3 s.
      c.timer = setTimeout(() => { if (ws === sock && !ready) markReady(); }, 3000);
    };
    sock.onmessage = (ev) => { if (ws === sock) onFrame(ev.data, c); };
    // A socket blocked by the page's Content-Security-Policy fires "error" and may never fire "close".
    sock.onerror = () => { if (ws === sock && sock.readyState !== WebSocket.OPEN) sock.onclose(); };
    sock.onclose = () => {
      if (ws !== sock) return;
      clearTimeout(c.timer);
      ws = null;
      ready = false;
      requeuePending();
      scheduleReconnect();
      updateBusy();
    };
    updateBusy();
  }

  function markReady() {
    ready = true;
    everConnected = true;
    attempt = 0;
    paintStatus();
    flush();
  }

  // Exponential backoff with jitter: ~0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s.
  function scheduleReconnect() {
    if (ws || retryTimer) return;
    const base = Math.min(10000, 500 * 2 ** attempt++);
    retryTimer = setTimeout(() => { retryTimer = 0; connect(); }, base / 2 + Math.random() * base / 2);
    paintStatus();
  }

  // Frames sent on a dead socket never got their reply: send visitor messages again.
  function requeuePending() {
    const back = pending.splice(0).filter((p) => p.msg && !p.discard);
    for (const item of back.reverse()) {
      item.tries = (item.tries || 0) + 1;
      if (item.tries > 3) { setState(item.msg, 'failed'); continue; } // do not loop on a message that keeps failing
      outbox.unshift(item);
      waitForConnection(item);
    }
  }

  function onFrame(raw, c) {
    let d;
    try { d = JSON.parse(raw); } catch { return; }
    if (!d || typeof d !== 'object') return;
    // every reply carries the conversation's state, encrypted by the server: keep the latest
    if (d.type === 'welcome' && !c.welcomed) previousResume = resumeToken;
    if (typeof d.resume === 'string' && TOKEN.test(d.resume)) saveResume(d.resume);

    if (d.type === 'welcome' && !c.welcomed) { // greeting of a new connection
      c.welcomed = true;
      clearTimeout(c.timer);
      onWelcome(d, false);
      if (!ready) markReady();
      return;
    }
    const item = pending.shift(); // the frame this reply answers
    if (!(item && item.discard)) {
      if (d.type === 'welcome') onWelcome(d, true); // reply to a reset
      else {
        const m = fromServer(d);
        if (m) add(m);
        if (m && m.kind === 'crisis' && !isOpen) tell({ type: 'open' }); // never leave a crisis reply unseen
        if (d.code === 'rate_limited' && item && item.msg) setState(item.msg, 'failed');
      }
    }
    updateBusy();
  }

  function onWelcome(d, isResetReply) {
    const resumeBefore = previousResume;
    lastWelcome = d;
    setDisclaimer(d.disclaimer);
    // a first greeting is shown even when the visitor already typed before it arrived
    if (isResetReply || !transcript.some((m) => m.kind !== 'user')) { add(fromServer(d)); return; }
    // Reconnected with a conversation on screen: don't repeat the greeting, and go on where it was. The token is
    // the one from before this welcome: the welcome's own belongs to the new, empty conversation.
    if (resumeBefore && ws) {
      const frame = { type: 'resume', token: resumeBefore };
      pending.push({ frame });
      try { ws.send(JSON.stringify(frame)); return; } catch { pending.pop(); }
    }
    // No token to go on from: a screening in progress was forgotten, so say so instead of leaving stale buttons.
    const last = transcript[transcript.length - 1];
    if (last.kind === 'question') {
      add({ kind: 'notice', text: 'The connection was interrupted, so the screening questions were reset. You can start them again at any time.' });
    }
  }

  // ---------- Open / close (the launcher shows and hides the frame) ----------
  function setOpen(open, moveFocus) {
    isOpen = open;
    if (open) {
      unread = 0;
      connect();
      ui.scroll.scrollTop = ui.scroll.scrollHeight;
      if (moveFocus) ui.input.focus();
    }
  }

  function countUnread(m) {
    if (isOpen || m.kind === 'user' || m.kind === 'notice') return;
    unread += 1;
    tell({ type: 'unread', count: unread });
  }

  // ---------- The "unavailable" banner: the clinic's crisis resources, from this page, not from the chat ----------
  function unavailableBanner() {
    const phone = typeof CLINIC.phone === 'string' && CLINIC.phone.trim();
    const digits = phone && phone.replace(/[^\d+]/g, '');
    return h('div', { class: 'kf-unavailable', role: 'alert', 'data-testid': 'kf-unavailable', hidden: true },
      h('p', { class: 'kf-unavailable-title' }, 'Chat is unavailable right now.'),
      h('p', {}, 'It will keep trying to connect. If you need help now:'),
      resourceList(resources(CLINIC.resources), true) || '',
      phone ? h('p', { class: 'kf-phone' }, 'To reach the clinic, call ',
        digits ? h('a', { href: 'tel:' + digits, 'data-testid': 'kf-clinic-phone' }, phone) : phone, '.') : '');
  }

  // ---------- Build ----------
  function init() {
    const closeBtn = FRAMED ? h('button', { type: 'button', class: 'kf-close', 'data-testid': 'kf-close', 'aria-label': 'Close chat', onclick: () => tell({ type: 'close' }) },
      icon('M6 6l12 12M18 6L6 18')) : null;
    const clearBtn = h('button', { type: 'button', class: 'kf-clear', 'data-testid': 'kf-clear', onclick: clearConversation }, 'Clear conversation');
    const status = h('span', { 'data-testid': 'kf-status', hidden: true });
    const announcer = h('span', { class: 'kf-sr', role: 'status' });
    const log = h('div', { role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', 'data-testid': 'kf-transcript' });
    const typing = h('div', { class: 'kf-typing', 'aria-hidden': 'true', 'data-testid': 'kf-typing', hidden: true }, h('span'), h('span'), h('span'));
    const unavailable = unavailableBanner();
    const scroll = h('div', { class: 'kf-scroll', tabindex: '0', 'aria-label': 'Conversation history' }, log, typing);
    const input = h('input', {
      type: 'text', class: 'kf-input', 'data-testid': 'kf-input', 'aria-label': 'Type your question',
      placeholder: 'Type your question…', maxlength: String(MAX_LEN), autocomplete: 'off', enterkeyhint: 'send',
    });
    const form = h('form', {
      class: 'kf-form',
      onsubmit(e) {
        e.preventDefault();
        if (sendUser(input.value)) input.value = '';
        input.focus();
      },
    }, input, h('button', { type: 'submit', class: 'kf-send', 'data-testid': 'kf-send' }, 'Send'));
    const disclaimer = h('span', {}, str(CLINIC.disclaimer)
      || 'Automated assistant, not medical advice. Not for emergencies: call your local emergency number.');
    const foot = h('p', { class: 'kf-foot', 'data-testid': 'kf-disclaimer' }, disclaimer,
      STORAGE ? '' : h('span', { 'data-testid': 'kf-no-storage' }, ' This browser does not let the chat keep the conversation if the page reloads.'));

    const panel = h('section', { class: 'kf-panel', 'aria-label': TITLE, 'data-testid': 'kf-panel' },
      h('div', { class: 'kf-head' }, h('h1', {}, TITLE), closeBtn),
      h('div', { class: 'kf-bar' }, h('div', { class: 'kf-status', role: 'status' }, status), clearBtn),
      unavailable, scroll, form, foot, announcer);
    const root = h('div', { class: 'kf', lang: 'en' }, panel);
    ui = { root, status, unavailable, announcer, log, typing, scroll, input, disclaimer };

    // Restore the stored conversation before it is in the page, so it is not re-announced.
    for (const m of transcript) log.append(render(m));
    pruneQuick(true);
    document.title = TITLE;
    document.body.append(root);

    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && FRAMED) { e.preventDefault(); tell({ type: 'close' }); }
    });
    window.addEventListener('message', (e) => {
      if (!HOST_ORIGIN || e.source !== window.parent || e.origin !== HOST_ORIGIN) return;
      const d = e.data;
      if (!d || d.kf !== 1) return;
      if (d.type === 'open') setOpen(true, !!d.focus);
      if (d.type === 'close') setOpen(false, false);
    });
    // Come back quickly when the network or the tab returns.
    const kick = () => { if (!ws && (isOpen || outbox.length) && !ready) { attempt = 0; connect(); } };
    window.addEventListener('online', kick);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') kick(); });

    if (FRAMED) tell({ type: 'ready' });
    else setOpen(true, true); // opened as a page of its own: the whole window is the chat
  }

  init();
})();
