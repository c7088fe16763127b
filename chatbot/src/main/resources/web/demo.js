// The demo page's own button: open the chat if the widget has loaded. A file, since the page's CSP allows no
// inline script.
document.getElementById('ask').addEventListener('click', function () {
  if (window.KetamineFaqWidget) window.KetamineFaqWidget.open();
});
