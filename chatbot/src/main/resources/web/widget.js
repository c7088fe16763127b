/*! ketamine-faq chat widget — protocol v1. Embed:
 *  <script src="https://HOST/widget.js" async></script>
 * Plain ES2020, no dependencies, no third-party requests. Rendered in an open Shadow DOM.
 * Safety rule for this file: server and visitor text only ever reaches the DOM as text nodes
 * (textContent / append(string)); no innerHTML anywhere. */
(() => {
  'use strict';
  // Snippet pasted twice: run once. A symbol, because a page element with id="KetamineFaqWidget" also shows up as
  // window.KetamineFaqWidget and must not switch the widget off.
  const LOADED = Symbol.for('ketamine-faq-widget');
  if (window[LOADED]) return;
  window[LOADED] = true;

  const KEY_LOG = 'ketamine-faq-transcript'; // sessionStorage: array of message objects
  const KEY_OPEN = 'ketamine-faq-open';      // sessionStorage: "1" open, "0" closed
  const MAX_LEN = 1000;                      // protocol limit for a message, after trimming
  const MAX_KEEP = 100;                      // messages kept in the transcript
  const SEND_TIMEOUT = 30000;                // offline this long => "Not sent — tap to retry"
  // Until the server's welcome brings the clinic's own emergency number, name none: the clinic may not be in the US.
  const DEFAULT_DISCLAIMER = 'Automated assistant, not medical advice. Not for emergencies: call your local emergency number.';
  const KINDS = ['user', 'bot', 'crisis', 'result', 'question', 'fallback', 'error', 'notice'];

  // ---------- Find our own <script> (document.currentScript is null for async scripts) ----------
  const script = (() => {
    const cur = document.currentScript;
    if (cur && cur.src) return cur;
    const marked = document.querySelector('script[data-ketamine-faq]');
    if (marked) return marked;
    for (const s of document.querySelectorAll('script[src]')) {
      try { if (new URL(s.src, location.href).pathname.endsWith('/widget.js')) return s; } catch { /* bad src */ }
    }
    return null;
  })();
  const opts = (script && script.dataset) || {};
  const TITLE = (opts.title || '').trim() || 'Ketamine therapy questions';
  const POSITION = opts.position === 'left' ? 'left' : 'right';

  // WebSocket URL: data-server + /chat, else the origin the script came from + /chat.
  const WS_URL = (() => {
    try {
      const base = new URL(opts.server || (script && script.src) || location.href, location.href);
      const proto = { 'https:': 'wss:', 'wss:': 'wss:', 'http:': 'ws:', 'ws:': 'ws:' }[base.protocol];
      const path = opts.server ? base.pathname.replace(/\/+$/, '') + '/chat' : '/chat';
      return proto ? proto + '//' + base.host + path : null;
    } catch { return null; }
  })();

  // ---------- Accent colour with WCAG AA contrast ----------
  const toRgb = (c) => { // any CSS colour -> [r,g,b] via the canvas parser, or null
    const ctx = document.createElement('canvas').getContext('2d');
    if (!ctx || !c) return null;
    ctx.fillStyle = '#010203';
    ctx.fillStyle = c.trim(); // invalid colours are ignored by the parser
    const v = String(ctx.fillStyle);
    if (v === '#010203' && !/^#010203$/i.test(c.trim())) return null;
    const m = /^#(..)(..)(..)$/.exec(v) || /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(v);
    return m ? m.slice(1, 4).map((x) => (v[0] === '#' ? parseInt(x, 16) : +x)) : null;
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrastWithWhite = (rgb) => 1.05 / (luminance(rgb) + 0.05);
  const darken = (rgb, ratio) => { // keep the hue, darken until white text reaches `ratio`
    while (contrastWithWhite(rgb) < ratio) rgb = rgb.map((v) => Math.floor(v * 0.92));
    return '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
  };
  const accentRgb = toRgb(opts.accent) || [37, 99, 235]; // default #2563eb
  const ACCENT = darken(accentRgb, 4.5); // white text on it, and it as text on white
  const LINK = darken(accentRgb, 5);     // links on the light grey bubble (#f3f4f6)

  // ---------- Small DOM helpers (strings are appended as text nodes) ----------
  function h(tag, props, ...kids) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v == null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    for (const kid of kids.flat()) if (kid != null && kid !== false) el.append(kid);
    return el;
  }
  function icon(d) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    const path = document.createElementNS(NS, 'path');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    path.setAttribute('d', d);
    svg.append(path);
    return svg;
  }
  const srOnly = (text) => h('span', { class: 'kf-sr' }, text);
  let uid = 0;

  // Only http(s), tel and sms links; anything else (javascript:, data:, relative) => null.
  function safeHref(s) {
    try {
      const u = new URL(String(s).trim());
      return /^(https?|tel|sms):$/.test(u.protocol) ? u.href : null;
    } catch { return null; }
  }
  const external = (href) => /^https?:/.test(href) ? { target: '_blank', rel: 'noopener noreferrer' } : {};

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
        return { kind: 'crisis', text, resources: resources(d.resources), quickReplies: strs(d.quickReplies), sources: sources(d.sources) };
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

  // ---------- Styles (all inside the shadow root) ----------
  const CSS = `
:host{all:initial}
.kf{all:initial;display:block;color-scheme:light;direction:ltr;text-align:left;
  font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
  font-size:16px;line-height:1.5;color:#1f2937;-webkit-text-size-adjust:100%;
  --kf-accent:${ACCENT};--kf-link:${LINK}}
.kf *,.kf *::before,.kf *::after{box-sizing:border-box}
.kf [hidden]{display:none!important}
/* base rules in :where() have element-only specificity, so component classes below win */
:where(.kf) :is(button,input){font:inherit;color:inherit;margin:0}
:where(.kf) button{cursor:pointer}
:where(.kf) p{margin:0 0 8px;white-space:pre-line}
:where(.kf) p:last-child{margin-bottom:0}
:where(.kf) a{color:var(--kf-link);text-decoration:underline}
:where(.kf) :focus-visible{outline:3px solid var(--kf-accent);outline-offset:2px}
.kf svg{width:24px;height:24px;flex:none}
.kf-sr{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}

.kf-launcher{position:fixed;bottom:calc(20px + env(safe-area-inset-bottom,0px));right:20px;display:flex;align-items:center;gap:8px;
  min-height:56px;padding:0 20px 0 16px;border:2px solid transparent;border-radius:28px;background:var(--kf-accent);color:#fff;
  font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.28)}
.kf-launcher svg{fill:currentColor}
.kf-launcher:focus-visible{outline-color:#1f2937;outline-offset:3px}
.kf-left .kf-launcher{right:auto;left:20px}

.kf-panel{position:fixed;bottom:calc(92px + env(safe-area-inset-bottom,0px));right:20px;width:384px;max-width:calc(100vw - 40px);
  height:620px;max-height:calc(100vh - 112px);display:flex;flex-direction:column;background:#fff;border:1px solid #d1d5db;
  border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.3);overflow:hidden;animation:kf-in .16s ease-out}
.kf-left .kf-panel{right:auto;left:20px}
@keyframes kf-in{from{opacity:0;transform:translateY(8px)}}

.kf-head{display:flex;align-items:center;gap:8px;padding:8px 8px 8px 16px;background:var(--kf-accent);color:#fff}
.kf-head h2{flex:1;min-width:0;margin:0;font-size:17px;font-weight:650;line-height:1.3;overflow-wrap:anywhere}
.kf-close{flex:none;display:flex;align-items:center;justify-content:center;width:44px;height:44px;border:0;border-radius:8px;background:transparent;color:#fff}
.kf-close svg{fill:none;stroke:currentColor;stroke-width:2.5;stroke-linecap:round}
.kf-close:hover{background:rgba(255,255,255,.15)}
.kf-close:focus-visible{outline-color:#fff;outline-offset:-4px}

.kf-bar{display:flex;align-items:center;gap:8px;min-height:44px;padding:2px 8px 2px 16px;border-bottom:1px solid #e5e7eb;font-size:14px}
.kf-status{flex:1}
.kf-status span{display:inline-block;padding:2px 8px;border-radius:6px;background:#fef3c7;color:#78350f;font-weight:600}
.kf-clear{margin-left:auto;min-height:36px;padding:4px 10px;border:1px solid #6b7280;border-radius:8px;background:#fff;color:#374151}
.kf-clear:hover{background:#f3f4f6}

.kf-scroll{flex:1;overflow-y:auto;position:relative;padding:14px 12px;overscroll-behavior:contain}
.kf-msg{margin:0 0 14px;animation:kf-in .16s ease-out}
.kf-bubble{width:fit-content;max-width:88%;padding:10px 13px;border-radius:16px 16px 16px 4px;background:#f3f4f6;overflow-wrap:anywhere}
.kf-msg[data-kind=user] .kf-bubble{margin-left:auto;border-radius:16px 16px 4px 16px;background:var(--kf-accent);color:#fff}
.kf-state{text-align:right;font-size:13px;color:#4b5563;margin-top:4px}
.kf-retry{min-height:36px;padding:4px 10px;border:2px solid #b91c1c;border-radius:8px;background:#fff;color:#b91c1c;font-weight:600}
.kf-msg[data-kind=crisis] .kf-bubble,.kf-msg[data-kind=result] .kf-bubble{width:auto;max-width:none;border-radius:12px}
.kf-msg[data-kind=crisis] .kf-bubble{border:3px solid #b91c1c;background:#fef2f2}
.kf-msg[data-kind=crisis] h3{color:#991b1b}
.kf-msg[data-kind=result] .kf-bubble{border:2px solid var(--kf-accent);background:#fff}
.kf-msg[data-kind=error] .kf-bubble,.kf-msg[data-kind=notice] .kf-bubble{max-width:none;padding:6px 10px;border-radius:8px;font-size:14px;
  background:#fffbeb;border:1px solid #f59e0b;color:#78350f}
.kf-msg[data-kind=notice] .kf-bubble{background:#f9fafb;border-color:#d1d5db;color:#374151}
:where(.kf) h3{margin:0 0 8px;font-size:17px;line-height:1.3}
.kf-step{font-size:13px;font-weight:600;color:#4b5563;margin-bottom:4px}
.kf-label{font-weight:600;margin:8px 0 0}
:where(.kf) ul{margin:4px 0 8px;padding-left:22px}
:where(.kf) li{margin:2px 0}

.kf-quickrow{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.kf-quick{min-height:40px;padding:6px 14px;border:2px solid var(--kf-accent);border-radius:20px;background:#fff;color:var(--kf-accent);font-size:15px;text-align:left}
.kf-quick:hover{background:#f3f4f6;color:var(--kf-link)}
.kf-src-btn{display:inline-flex;align-items:center;gap:4px;min-height:32px;margin-top:6px;padding:2px 8px;border:1px solid #6b7280;border-radius:6px;background:#fff;color:#1f2937;font-size:14px}
.kf-src-btn::before{content:"▸"}
.kf-src-btn[aria-expanded=true]::before{content:"▾"}
.kf-sources{font-size:14px;color:#374151}
.kf-sec{color:#4b5563}

.kf-res{display:flex;flex-direction:column;gap:8px;margin-top:10px}
.kf-res a{display:flex;flex-direction:column;justify-content:center;min-height:56px;padding:10px 14px;border-radius:10px;border:2px solid var(--kf-accent);
  background:#fff;color:var(--kf-accent);text-decoration:none;line-height:1.3}
.kf-res a span{font-size:15px}
.kf-msg[data-kind=crisis] .kf-res a{background:#b91c1c;border-color:#b91c1c;color:#fff;font-size:18px}
.kf-msg[data-kind=crisis] .kf-res a:focus-visible{outline-color:#1f2937}
.kf-book{display:flex;align-items:center;justify-content:center;min-height:48px;margin-top:10px;padding:8px 14px;border-radius:10px;
  background:var(--kf-accent);color:#fff;font-weight:650;text-decoration:none}

.kf-typing{display:flex;gap:5px;width:fit-content;padding:12px 14px;border-radius:16px;background:#f3f4f6}
.kf-typing span{width:8px;height:8px;border-radius:50%;background:#4b5563;animation:kf-dot 1.2s infinite ease-in-out}
.kf-typing span:nth-child(2){animation-delay:.15s}
.kf-typing span:nth-child(3){animation-delay:.3s}
@keyframes kf-dot{0%,80%,100%{opacity:.35;transform:translateY(0)}40%{opacity:1;transform:translateY(-4px)}}

.kf-form{display:flex;gap:8px;padding:10px 12px;border-top:1px solid #e5e7eb}
.kf-input{flex:1;min-width:0;min-height:46px;padding:8px 14px;border:1px solid #6b7280;border-radius:23px;background:#fff;color:#1f2937;font-size:16px}
.kf-input::placeholder{color:#6b7280;opacity:1}
.kf-input:focus-visible{outline-offset:1px}
.kf-send{min-width:64px;min-height:46px;padding:0 16px;border:2px solid transparent;border-radius:23px;background:var(--kf-accent);color:#fff;font-weight:650}
.kf-foot{margin:0;padding:6px 12px calc(6px + env(safe-area-inset-bottom,0px));border-top:1px solid #e5e7eb;background:#f9fafb;color:#4b5563;font-size:13px;line-height:1.4}

@media (max-width:479.98px),(max-height:499.98px){
  .kf .kf-panel{inset:0;width:auto;height:auto;max-width:none;max-height:none;border:0;border-radius:0} /* whole viewport */
  .kf-open .kf-launcher{display:none}
}
@media (prefers-reduced-motion:reduce){.kf *{animation:none!important;transition:none!important}}
@media (forced-colors:active){.kf-bubble,.kf-panel{border:1px solid CanvasText}}
`;

  // ---------- State ----------
  let transcript = loadTranscript();
  const elOf = new WeakMap();  // message object -> its element
  const outbox = [];           // items waiting for a connection: {frame, msg, timer, tries}
  const pending = [];          // items sent, awaiting their reply (FIFO; one reply per frame)
  let ws = null, conn = null;  // current socket and its per-connection state
  let ready = false, everConnected = false, attempt = 0, retryTimer = 0;
  // A page served over HTTPS may not open a plain ws:// socket (mixed content): no attempt can succeed.
  const blocked = location.protocol === 'https:' && /^ws:/.test(WS_URL || '');
  if (blocked) console.warn('ketamine-faq widget: this https page cannot open ' + WS_URL + '; serve the chat over wss://');
  let isOpen = false, typingShown = false, lastWelcome = null;
  let ui = null;               // built in init()
  let openOnInit = false;      // open() called before init

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
      }));
    } catch { return []; }
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
      bubble.append(h('h3', {}, 'You deserve support right now'), resourceList(m.resources, true) || '');
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
      if (bar.contains(ui.shadow.activeElement)) lostFocus = true;
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

  // After this many failed attempts with no connection ever made (about 8 s), say so rather than "Connecting…"
  // forever: the upgrade may be refused (403), blocked as mixed content, or blocked by the page's connect-src.
  const GIVE_NOTICE_AFTER = 4;
  const UNAVAILABLE = "The chat can't connect right now. It will keep trying. If you need help urgently, call your "
    + 'local emergency number.';

  function paintStatus() {
    const offline = blocked || (!ready && (attempt > 0 || everConnected));
    ui.status.hidden = !offline;
    ui.status.textContent = blocked || (!everConnected && attempt >= GIVE_NOTICE_AFTER) ? UNAVAILABLE
      : everConnected ? 'Reconnecting…' : 'Connecting…';
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
    if (blocked && ui) paintStatus();
    if (ws || !WS_URL || blocked) return;
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
        if (m && m.kind === 'crisis' && !isOpen) setOpen(true, false); // never leave a crisis reply unseen
        if (d.code === 'rate_limited' && item && item.msg) setState(item.msg, 'failed');
      }
    }
    updateBusy();
  }

  function onWelcome(d, isResetReply) {
    lastWelcome = d;
    setDisclaimer(d.disclaimer);
    // a first greeting is shown even when the visitor already typed before it arrived
    if (isResetReply || !transcript.some((m) => m.kind !== 'user')) { add(fromServer(d)); return; }
    // Reconnected with a conversation on screen: don't repeat the greeting. A screening
    // in progress was forgotten by the server, so say so instead of leaving stale buttons.
    const last = transcript[transcript.length - 1];
    if (last.kind === 'question') {
      add({ kind: 'notice', text: 'The connection was interrupted, so the screening questions were reset. You can start them again at any time.' });
    }
  }

  // ---------- Open / close ----------
  function setOpen(open, moveFocus) {
    isOpen = open;
    ui.panel.hidden = !open;
    ui.root.classList.toggle('kf-open', open);
    ui.launcher.setAttribute('aria-expanded', String(open));
    ui.launcherText.textContent = open ? 'Close chat' : 'Ask a question';
    try { sessionStorage.setItem(KEY_OPEN, open ? '1' : '0'); } catch { /* ignore */ }
    if (open) {
      connect();
      ui.scroll.scrollTop = ui.scroll.scrollHeight;
      if (moveFocus) ui.input.focus();
    } else if (moveFocus) {
      ui.launcher.focus();
    }
  }

  // ---------- Build ----------
  function init() {
    if (ui) return;
    const host = document.createElement('div');
    host.id = 'ketamine-faq-widget';
    // Page stylesheets (even with !important) must not hide or move the host; inline !important wins.
    const hostStyle = {
      display: 'block', position: 'fixed', top: '0', left: '0', right: 'auto', bottom: 'auto', width: '0', height: '0',
      margin: '0', padding: '0', border: '0', 'z-index': '2147483000', overflow: 'visible', visibility: 'visible', opacity: '1',
      transform: 'none', filter: 'none', 'backdrop-filter': 'none', perspective: 'none', contain: 'none', 'container-type': 'normal',
      'will-change': 'auto', 'clip-path': 'none', mask: 'none', 'pointer-events': 'auto', zoom: '1', float: 'none',
    };
    for (const [k, v] of Object.entries(hostStyle)) host.style.setProperty(k, v, 'important');
    const shadow = host.attachShadow({ mode: 'open' });

    const launcherText = h('span', {}, 'Ask a question');
    const launcher = h('button', {
      type: 'button', class: 'kf-launcher', 'data-testid': 'kf-launcher', 'aria-expanded': 'false',
      'aria-controls': 'kf-panel', 'aria-haspopup': 'dialog',
      onclick: () => setOpen(!isOpen, true),
    }, icon('M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z'), launcherText);

    const closeBtn = h('button', { type: 'button', class: 'kf-close', 'data-testid': 'kf-close', 'aria-label': 'Close chat', onclick: () => setOpen(false, true) },
      icon('M6 6l12 12M18 6L6 18'));
    const clearBtn = h('button', { type: 'button', class: 'kf-clear', 'data-testid': 'kf-clear', onclick: clearConversation }, 'Clear conversation');
    const status = h('span', { 'data-testid': 'kf-status', hidden: true });
    const announcer = h('span', { class: 'kf-sr', role: 'status' });
    const log = h('div', { role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', 'data-testid': 'kf-transcript' });
    const typing = h('div', { class: 'kf-typing', 'aria-hidden': 'true', 'data-testid': 'kf-typing', hidden: true }, h('span'), h('span'), h('span'));
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
    const disclaimer = h('p', { class: 'kf-foot', 'data-testid': 'kf-disclaimer' }, DEFAULT_DISCLAIMER);

    const panel = h('section', { id: 'kf-panel', class: 'kf-panel', role: 'dialog', 'aria-label': TITLE, 'data-testid': 'kf-panel', hidden: true },
      h('div', { class: 'kf-head' }, h('h2', {}, TITLE), closeBtn),
      h('div', { class: 'kf-bar' }, h('div', { class: 'kf-status', role: 'status' }, status), clearBtn),
      scroll, form, disclaimer, announcer);

    const root = h('div', { class: 'kf' + (POSITION === 'left' ? ' kf-left' : ''), lang: 'en' }, launcher, panel);
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && isOpen) { e.stopPropagation(); setOpen(false, true); }
    });
    shadow.append(h('style', {}, CSS), root);
    ui = { shadow, root, launcher, launcherText, panel, status, announcer, log, typing, scroll, input, disclaimer };

    // Restore the stored conversation before the host is in the page, so it is not re-announced.
    for (const m of transcript) log.append(render(m));
    pruneQuick(true);
    document.body.append(host);

    let stored = null;
    try { stored = sessionStorage.getItem(KEY_OPEN); } catch { /* ignore */ }
    if (openOnInit || stored === '1' || (stored === null && opts.open === 'true')) setOpen(true, false);

    // Come back quickly when the network or the tab returns.
    const kick = () => { if (!ws && (isOpen || outbox.length) && !ready) { attempt = 0; connect(); } };
    window.addEventListener('online', kick);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') kick(); });
  }

  window.KetamineFaqWidget = {
    open() { if (ui) setOpen(true, true); else openOnInit = true; },
    close() { if (ui) setOpen(false, ui.shadow.activeElement != null); },
  };
  if (document.body) init();
  else document.addEventListener('DOMContentLoaded', init);
})();
