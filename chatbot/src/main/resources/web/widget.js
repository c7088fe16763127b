/*! ketamine-faq chat widget — the launcher. Embed:
 *  <script src="https://HOST/widget.js" async></script>
 * It puts a button on the clinic's page and, when a visitor opens it, the chat panel (HOST/panel) in an iframe.
 * What a visitor types, the transcript and the WebSocket live in that frame, on the chat server's origin, where no
 * script of the clinic's page can read them. The page and the panel exchange only open/close and an unread count
 * through postMessage, with the origin checked both ways.
 * Plain ES2020, no dependencies, no third-party requests. Works under a strict Content-Security-Policy: no inline
 * style elements (a constructable stylesheet), no inline script, no eval. Needs `script-src HOST` and `frame-src HOST`. */
(() => {
  'use strict';
  // Snippet pasted twice: run once. A symbol, because a page element with id="KetamineFaqWidget" also shows up as
  // window.KetamineFaqWidget and must not switch the widget off.
  const LOADED = Symbol.for('ketamine-faq-widget');
  if (window[LOADED]) return;
  window[LOADED] = true;

  // Each clinic's phone and crisis resources, written in by the server, so that they show even when the panel cannot
  // load: the server is down, refuses this page, or the page's CSP blocks the frame. "" is a server's one clinic.
  const CLINICS = /*CLINICS*/{};
  const KEY_OPEN = 'ketamine-faq-open'; // the host page's sessionStorage: "1" open, "0" closed; nothing else
  const READY_TIMEOUT = 10000;          // the panel says it is ready within this, or the chat is unavailable
  const AFTER_LOAD = 2000;              // a frame that loaded but did not say ready is an error page (refused)
  const RETRY_EVERY = 20000;            // while unavailable and open, try the panel again this often

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
  const TITLE = (opts.title || '').trim().slice(0, 200) || 'Ketamine therapy questions';
  const POSITION = opts.position === 'left' ? 'left' : 'right';
  // data-clinic picks one of the clinics a server serves (its panel is /c/<id>/panel); none is the server's one clinic
  const CLINIC_ID = (opts.clinic || '').trim();
  const VALID_ID = CLINIC_ID === '' || /^[a-z0-9-]{1,40}$/.test(CLINIC_ID);
  if (!VALID_ID || !Object.prototype.hasOwnProperty.call(CLINICS, CLINIC_ID)) {
    console.warn(CLINIC_ID ? 'ketamine-faq widget: this chat server serves no clinic "' + CLINIC_ID + '"; check data-clinic'
      : 'ketamine-faq widget: this chat server serves several clinics; name one with data-clinic="<id>"');
  }
  const CLINIC = (VALID_ID && Object.prototype.hasOwnProperty.call(CLINICS, CLINIC_ID) && CLINICS[CLINIC_ID]) || {};

  // The panel: data-server + /panel, else the server the script came from + /panel (/c/<id>/panel for a clinic).
  const PANEL_URL = (() => {
    try {
      if (!VALID_ID) return null;
      const base = new URL(opts.server || (script && script.src) || location.href, location.href);
      if (!/^https?:$/.test(base.protocol)) return null;
      return base.origin + (opts.server ? base.pathname.replace(/\/+$/, '') : '')
        + (CLINIC_ID ? '/c/' + CLINIC_ID : '') + '/panel';
    } catch { return null; }
  })();
  const PANEL_ORIGIN = PANEL_URL && new URL(PANEL_URL).origin;
  // An https page may not frame an http panel (mixed content): no attempt can succeed.
  const MIXED = location.protocol === 'https:' && !!PANEL_URL && PANEL_URL.startsWith('http:');
  if (MIXED) console.warn('ketamine-faq widget: this https page cannot show ' + PANEL_URL + '; serve the chat over https');

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
  const darken = (rgb, ratio) => { // keep the hue, darken until white text reaches `ratio`
    while (1.05 / (luminance(rgb) + 0.05) < ratio) rgb = rgb.map((v) => Math.floor(v * 0.92));
    return '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
  };
  const accentRgb = toRgb(opts.accent) || [37, 99, 235]; // default #2563eb
  const ACCENT = darken(accentRgb, 4.5); // white text on it, and it as text on white
  const LINK = darken(accentRgb, 5);     // links on the panel's light grey bubbles

  /*DOM*/
  const str = (v) => (typeof v === 'string' ? v.trim() : '');

  // ---------- Styles: a constructable stylesheet, which a CSP without 'unsafe-inline' allows ----------
  const CSS = `
:host{all:initial}
.kf{all:initial;display:block;color-scheme:light;direction:ltr;text-align:left;
  font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2937}
.kf *,.kf *::before,.kf *::after{box-sizing:border-box}
.kf [hidden]{display:none!important}
.kf svg{width:24px;height:24px;flex:none}
.kf-sr{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
:where(.kf) :focus-visible{outline:3px solid var(--kf-accent);outline-offset:2px}
.kf-launcher{position:fixed;bottom:calc(20px + env(safe-area-inset-bottom,0px));right:20px;display:flex;align-items:center;gap:8px;
  min-height:56px;margin:0;padding:0 20px 0 16px;border:2px solid transparent;border-radius:28px;background:var(--kf-accent);color:#fff;
  font:600 16px/1.2 inherit;font-family:inherit;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.28)}
.kf-launcher svg{fill:currentColor}
.kf-launcher:focus-visible{outline-color:#1f2937;outline-offset:3px}
.kf-badge{min-width:24px;padding:1px 7px;border-radius:12px;background:#fff;color:var(--kf-accent);font-size:14px;text-align:center}
.kf-box{position:fixed;bottom:calc(92px + env(safe-area-inset-bottom,0px));right:20px;width:384px;max-width:calc(100vw - 40px);
  height:620px;max-height:calc(100vh - 112px);background:#fff;border:1px solid #d1d5db;border-radius:16px;
  box-shadow:0 12px 40px rgba(0,0,0,.3);overflow:hidden;animation:kf-in .16s ease-out}
.kf-left .kf-launcher,.kf-left .kf-box{right:auto;left:20px}
@keyframes kf-in{from{opacity:0;transform:translateY(8px)}}
.kf-frame{display:block;width:100%;height:100%;border:0;background:#fff;color-scheme:light}
.kf-card{display:flex;flex-direction:column;height:100%}
.kf-head{display:flex;align-items:center;gap:8px;padding:8px 8px 8px 16px;background:var(--kf-accent);color:#fff}
.kf-head p{flex:1;min-width:0;margin:0;font-size:17px;font-weight:650;line-height:1.3;overflow-wrap:anywhere}
.kf-close{flex:none;display:flex;align-items:center;justify-content:center;width:44px;height:44px;margin:0;border:0;border-radius:8px;
  background:transparent;color:#fff;cursor:pointer}
.kf-close svg{fill:none;stroke:currentColor;stroke-width:2.5;stroke-linecap:round}
.kf-close:focus-visible{outline-color:#fff;outline-offset:-4px}
.kf-body{flex:1;overflow-y:auto;padding:14px 16px;background:#fffbeb;color:#78350f}
.kf-body p{margin:0 0 10px}
.kf-body strong{font-size:17px}
.kf-res{display:flex;flex-direction:column;gap:8px;margin:4px 0 12px}
.kf-res a{display:flex;flex-direction:column;justify-content:center;min-height:52px;padding:8px 14px;border-radius:10px;
  background:#b91c1c;color:#fff;text-decoration:none;line-height:1.3}
.kf-res a:focus-visible{outline-color:#1f2937}
.kf-body p a{color:#7c2d12}
@media (max-width:479.98px),(max-height:499.98px){
  .kf .kf-box{inset:0;width:auto;height:auto;max-width:none;max-height:none;border:0;border-radius:0}
  .kf-open .kf-launcher{display:none}
}
@media (prefers-reduced-motion:reduce){.kf *{animation:none!important;transition:none!important}}
@media (forced-colors:active){.kf-box{border:1px solid CanvasText}}
`;

  // ---------- State ----------
  let ui = null;               // built in init()
  let isOpen = false;
  let openOnInit = false;      // open() called before init
  let frame = null;            // the panel's iframe, once loaded
  let ready = false;           // the panel said it is ready
  let failed = false;          // the panel could not load: the "unavailable" card shows instead
  let focusOnReady = false;
  let readyTimer = 0, retryTimer = 0;

  // ---------- The panel ----------
  function loadPanel() {
    clearTimeout(retryTimer);
    if (frame) frame.remove();
    ready = false;
    if (!PANEL_URL || MIXED) { fail(); return; }
    const hash = new URLSearchParams({ origin: location.origin, title: TITLE, accent: ACCENT, link: LINK });
    frame = h('iframe', {
      class: 'kf-frame', title: TITLE, src: PANEL_URL + '#' + hash, referrerpolicy: 'no-referrer',
      'data-testid': 'kf-frame', hidden: !failed ? null : true,
    });
    // A frame refused by the panel's frame-ancestors, or a server that is down, still fires "load" (an error page)
    // but never says it is ready.
    frame.addEventListener('load', () => {
      if (!ready) { clearTimeout(readyTimer); readyTimer = setTimeout(fail, AFTER_LOAD); }
    });
    readyTimer = setTimeout(fail, READY_TIMEOUT);
    ui.box.prepend(frame);
  }

  function fail() {
    if (ready) return;
    clearTimeout(readyTimer);
    failed = true;
    if (frame) frame.hidden = true;
    ui.card.hidden = false;
    clearTimeout(retryTimer);
    if (!PANEL_URL || MIXED) return; // no attempt can succeed until the page or the chat changes
    // keep trying quietly while the visitor has the chat open
    retryTimer = setTimeout(() => { if (isOpen) loadPanel(); else if (frame) { frame.remove(); frame = null; } }, RETRY_EVERY);
  }

  function post(message) {
    if (ready && frame && frame.contentWindow) frame.contentWindow.postMessage(Object.assign({ kf: 1 }, message), PANEL_ORIGIN);
  }

  function onMessage(e) {
    if (!frame || e.source !== frame.contentWindow || e.origin !== PANEL_ORIGIN) return;
    const d = e.data;
    if (!d || d.kf !== 1 || typeof d.type !== 'string') return;
    if (d.type === 'ready') {
      const hadFocus = ui.shadow.activeElement === ui.cardClose;
      ready = true;
      failed = false;
      clearTimeout(readyTimer);
      clearTimeout(retryTimer);
      frame.hidden = false;
      ui.card.hidden = true;
      if (isOpen) {
        if (focusOnReady || hadFocus) frame.focus();
        post({ type: 'open', focus: focusOnReady || hadFocus });
      }
      focusOnReady = false;
    } else if (d.type === 'close') {
      setOpen(false, true);
    } else if (d.type === 'open') { // a crisis reply came while closed: it must be seen
      setOpen(true, false);
    } else if (d.type === 'unread') {
      setUnread(isOpen ? 0 : Math.min(99, Math.max(0, Math.floor(+d.count) || 0)));
    }
  }

  function setUnread(n) {
    ui.badge.hidden = !n;
    ui.badge.textContent = n ? String(n) : '';
    ui.badgeSr.textContent = n ? ` (${n} new ${n === 1 ? 'message' : 'messages'})` : '';
  }

  // ---------- Open / close ----------
  function setOpen(open, moveFocus) {
    isOpen = open;
    ui.box.hidden = !open;
    ui.root.classList.toggle('kf-open', open);
    ui.launcher.setAttribute('aria-expanded', String(open));
    ui.launcherText.textContent = open ? 'Close chat' : 'Ask a question';
    try { sessionStorage.setItem(KEY_OPEN, open ? '1' : '0'); } catch { /* storage blocked: fine */ }
    if (open) {
      setUnread(0);
      if (!frame) loadPanel();
      else if (failed && !retryTimer) loadPanel();
      if (ready) {
        if (moveFocus) frame.focus();
        post({ type: 'open', focus: moveFocus });
      } else {
        focusOnReady = moveFocus;
        if (moveFocus && failed) ui.cardClose.focus();
      }
    } else {
      post({ type: 'close' });
      if (moveFocus) ui.launcher.focus();
    }
  }

  // The "unavailable" card, shown when the panel cannot load, with the clinic's own crisis resources.
  function card() {
    const res = (Array.isArray(CLINIC.resources) ? CLINIC.resources : []).map((r) => {
      const href = r && safeHref(r.href);
      const name = str(r && r.name), contact = str(r && r.contact);
      if (!href) return h('p', {}, [name, contact].filter(Boolean).join(' — '));
      const verb = { tel: 'Call', sms: 'Text' }[href.slice(0, href.indexOf(':'))] || 'Chat online';
      return h('a', { href, ...external(href), 'data-testid': 'kf-crisis-link' },
        h('strong', {}, name ? `${verb}: ${name}` : verb), ' ', h('span', {}, contact));
    });
    const phone = str(CLINIC.phone);
    const digits = phone.replace(/[^\d+]/g, '');
    const close = h('button', { type: 'button', class: 'kf-close', 'aria-label': 'Close chat', onclick: () => setOpen(false, true) },
      icon('M6 6l12 12M18 6L6 18'));
    const el = h('div', { class: 'kf-card', role: 'alert', 'data-testid': 'kf-fallback', hidden: true },
      h('div', { class: 'kf-head' }, h('p', {}, TITLE), close),
      h('div', { class: 'kf-body' },
        h('p', {}, h('strong', {}, 'Chat is unavailable right now.')),
        h('p', {}, (PANEL_URL && !MIXED ? 'It will keep trying to connect. ' : '')
          + (res.length ? 'If you need help now:' : 'If you need help now, call your local emergency number.')),
        res.length ? h('div', { class: 'kf-res' }, res) : '',
        phone ? h('p', {}, 'To reach the clinic, call ', digits ? h('a', { href: 'tel:' + digits }, phone) : phone, '.') : ''));
    return { el, close };
  }

  // ---------- Build ----------
  function init() {
    if (ui) return;
    const host = document.createElement('div');
    host.id = 'ketamine-faq-widget';
    // Page stylesheets (even with !important) must not hide or move the host; inline !important wins. Set through
    // the CSSOM, which a CSP without 'unsafe-inline' allows.
    const hostStyle = {
      display: 'block', position: 'fixed', top: '0', left: '0', right: 'auto', bottom: 'auto', width: '0', height: '0',
      margin: '0', padding: '0', border: '0', 'z-index': '2147483000', overflow: 'visible', visibility: 'visible', opacity: '1',
      transform: 'none', filter: 'none', 'backdrop-filter': 'none', perspective: 'none', contain: 'none', 'container-type': 'normal',
      'will-change': 'auto', 'clip-path': 'none', mask: 'none', 'pointer-events': 'auto', zoom: '1', float: 'none',
    };
    for (const [k, v] of Object.entries(hostStyle)) host.style.setProperty(k, v, 'important');
    const shadow = host.attachShadow({ mode: 'open' }); // holds no visitor text: that stays in the panel's frame
    if (shadow.adoptedStyleSheets && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      shadow.adoptedStyleSheets = [sheet];
    } else {
      shadow.append(h('style', {}, CSS)); // older browsers; blocked by a strict CSP
    }

    const launcherText = h('span', {}, 'Ask a question');
    const badge = h('span', { class: 'kf-badge', 'aria-hidden': 'true', 'data-testid': 'kf-unread', hidden: true });
    const badgeSr = srOnly('');
    const launcher = h('button', {
      type: 'button', class: 'kf-launcher', 'data-testid': 'kf-launcher', 'aria-expanded': 'false',
      'aria-controls': 'kf-box', onclick: () => setOpen(!isOpen, true),
    }, icon('M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z'), launcherText, badge, badgeSr);
    const fallback = card();
    const box = h('div', { id: 'kf-box', class: 'kf-box', role: 'dialog', 'aria-label': TITLE, 'data-testid': 'kf-box', hidden: true },
      fallback.el);
    const root = h('div', { class: 'kf' + (POSITION === 'left' ? ' kf-left' : ''), lang: 'en' }, launcher, box);
    root.style.setProperty('--kf-accent', ACCENT);
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && isOpen) { e.stopPropagation(); setOpen(false, true); }
    });
    shadow.append(root);
    ui = { shadow, root, launcher, launcherText, badge, badgeSr, box, card: fallback.el, cardClose: fallback.close };
    document.body.append(host);

    window.addEventListener('message', onMessage);
    // A page whose CSP has no frame-src for the chat server blocks the frame: say so at once.
    document.addEventListener('securitypolicyviolation', (e) => {
      if (PANEL_ORIGIN && String(e.blockedURI || '').startsWith(PANEL_ORIGIN) && frame && !ready) fail();
    });

    let stored = null;
    try { stored = sessionStorage.getItem(KEY_OPEN); } catch { /* ignore */ }
    if (openOnInit || stored === '1' || (stored === null && opts.open === 'true')) setOpen(true, false);
  }

  window.KetamineFaqWidget = {
    open() { if (ui) setOpen(true, true); else openOnInit = true; },
    close() { if (ui) setOpen(false, document.activeElement === ui.shadow.host); }, // focus was in the widget or its frame
  };
  if (document.body) init();
  else document.addEventListener('DOMContentLoaded', init);
})();
