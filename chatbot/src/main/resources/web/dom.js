  // ---------- Small DOM helpers, the same in the launcher and the panel (the server writes this file into both) ----------
  // Strings are appended as text nodes; no innerHTML anywhere.
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
  // Only http(s), tel and sms links; anything else (javascript:, data:, relative) => null.
  function safeHref(s) {
    try {
      const u = new URL(String(s).trim());
      return /^(https?|tel|sms):$/.test(u.protocol) ? u.href : null;
    } catch { return null; }
  }
  const external = (href) => /^https?:/.test(href) ? { target: '_blank', rel: 'noopener noreferrer' } : {};
