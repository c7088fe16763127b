/*
 * ketamine-faq chat widget: PLACEHOLDER. Enough to try the server from the demo page; the real widget comes later.
 * Embed with one tag: <script src="https://chat.clinic.example/widget.js" async></script>
 * It talks protocol v1 to /chat on the server it was loaded from. Every text from the server is shown with
 * textContent, never as HTML, and only tel:, sms: and https: links are made.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = new URL(script && script.src ? script.src : "/widget.js", window.location.href);
  var chatUrl = (base.protocol === "https:" ? "wss:" : "ws:") + "//" + base.host + "/chat";

  var box = el("div", { style: "position:fixed;right:1rem;bottom:1rem;width:22rem;max-width:calc(100vw - 2rem);"
      + "font:14px/1.4 system-ui,sans-serif;background:#fff;border:1px solid #c8d3d9;border-radius:10px;"
      + "box-shadow:0 4px 18px rgba(0,0,0,.15);display:flex;flex-direction:column;max-height:70vh;z-index:2147483000" });
  var head = el("div", { style: "padding:.6rem .8rem;background:#1f5f73;color:#fff;border-radius:10px 10px 0 0;"
      + "display:flex;justify-content:space-between;align-items:center" }, "Questions about ketamine therapy?");
  var restart = el("button", { type: "button", style: "font-size:12px" }, "Start over");
  head.appendChild(restart);
  var log = el("div", { style: "overflow-y:auto;padding:.6rem .8rem;flex:1", "aria-live": "polite" });
  var form = el("form", { style: "display:flex;gap:.4rem;padding:.6rem .8rem;border-top:1px solid #e3e9ec" });
  var input = el("input", { type: "text", maxlength: "1000", placeholder: "Type your question",
      "aria-label": "Your message", style: "flex:1;padding:.4rem" });
  form.appendChild(input);
  form.appendChild(el("button", { type: "submit" }, "Send"));
  box.appendChild(head);
  box.appendChild(log);
  box.appendChild(form);
  document.body.appendChild(box);

  var socket = null;
  connect();

  function connect() {
    socket = new WebSocket(chatUrl);
    socket.onmessage = function (event) {
      var reply;
      try { reply = JSON.parse(event.data); } catch (e) { return; }
      show(reply);
    };
    socket.onclose = function (event) {
      line("system", event.code === 1013 ? "The chat is busy. Please try again in a minute."
          : "The chat has ended. Reload the page to start again.");
    };
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send(input.value);
    input.value = "";
  });
  restart.addEventListener("click", function () {
    if (socket && socket.readyState === WebSocket.OPEN) {
      log.textContent = "";
      socket.send(JSON.stringify({ type: "reset" }));
    }
  });

  function send(text) {
    if (!text.trim() || !socket || socket.readyState !== WebSocket.OPEN) { return; }
    line("visitor", text);
    socket.send(JSON.stringify({ type: "message", text: text }));
  }

  function show(reply) {
    if (reply.text) { line(reply.type === "error" ? "system" : "bot", reply.text); }
    if (reply.disclaimer) { line("system", reply.disclaimer); }
    (reply.resources || []).forEach(function (r) {
      var row = el("div", { style: "margin:.2rem 0" });
      var safe = /^(tel:|sms:|https:\/\/)/.test(r.href || "");
      row.appendChild(safe ? el("a", { href: r.href, target: "_blank", rel: "noopener" }, r.name) : el("b", {}, r.name));
      row.appendChild(document.createTextNode(": " + r.contact));
      log.appendChild(row);
    });
    if (reply.sources && reply.sources.length) {
      var src = el("details", { style: "margin:.2rem 0;color:#555" });
      src.appendChild(el("summary", {}, "Sources"));
      reply.sources.forEach(function (s) { src.appendChild(el("div", {}, s.title + " (" + s.section + ")")); });
      log.appendChild(src);
    }
    var buttons = (reply.quickReplies || []).slice();
    (reply.suggestions || []).forEach(function (s) { buttons.push(s.label); });
    if (buttons.length) {
      var row = el("div", { style: "display:flex;flex-wrap:wrap;gap:.3rem;margin:.3rem 0" });
      buttons.forEach(function (label) {
        var b = el("button", { type: "button" }, label);
        b.addEventListener("click", function () { send(label); });
        row.appendChild(b);
      });
      log.appendChild(row);
    }
    log.scrollTop = log.scrollHeight;
  }

  function line(who, text) {
    var styles = { bot: "background:#eef4f6", visitor: "background:#1f5f73;color:#fff;margin-left:2rem",
      system: "color:#666;font-style:italic" };
    log.appendChild(el("div", { style: "padding:.35rem .5rem;margin:.25rem 0;border-radius:8px;white-space:pre-wrap;"
        + styles[who] }, text));
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
})();
