// Live reload for `clippings serve` (#6). Injected by the server into HTML responses, never written to site/.
// Reloads the page when a build swaps in a new site, and shows build errors in an overlay.
(function () {
  'use strict';
  if (!window.EventSource) return;
  var build = null;
  var host = null;

  function overlay(status) {
    if (host) { host.remove(); host = null; }
    if (!status.problems || status.problems.length === 0) return;
    host = document.createElement('clippings-overlay');
    var root = host.attachShadow ? host.attachShadow({mode: 'open'}) : host;
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.style.cssText = 'position:fixed;z-index:2147483647;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;'
      + 'margin:0;padding:12px 16px;background:#2b0b0b;color:#ffe9e9;font:13px/1.45 ui-monospace,monospace;'
      + 'border-top:3px solid #e5484d;box-shadow:0 -4px 16px rgba(0,0,0,.4)';
    var title = document.createElement('strong');
    title.textContent = status.stale
      ? 'Build failed: this page is the last good build. Fix the file and save to rebuild.'
      : status.problems.length + ' input(s) failed and were left out of the site.';
    var close = document.createElement('button');
    close.textContent = 'Hide';
    close.style.cssText = 'float:right;font:inherit;cursor:pointer';
    close.onclick = function () { if (host) { host.remove(); host = null; } };
    var list = document.createElement('pre');
    list.style.cssText = 'white-space:pre-wrap;margin:8px 0 0';
    list.textContent = status.problems.map(function (p) {
      return p.file + (p.line > 0 ? ':' + p.line + (p.column > 0 ? ':' + p.column : '') : '') + ': ' + p.message;
    }).join('\n');
    box.appendChild(close);
    box.appendChild(title);
    box.appendChild(list);
    if (!status.stale) list.style.display = 'none', title.style.cursor = 'pointer',
      title.onclick = function () { list.style.display = list.style.display === 'none' ? '' : 'none'; };
    root.appendChild(box);
    document.documentElement.appendChild(host);
  }

  var events = new EventSource('/__clippings/events');
  events.addEventListener('hello', function (e) {
    var id = JSON.parse(e.data).build;
    // A page opened before a rebuild (or before the server restarted) is out of date: reload it.
    if (build !== null && build !== id) location.reload();
    build = id;
    window.clippingsBuild = id;  // lets a test (or a curious person) see that the page is connected
  });
  events.addEventListener('reload', function () { location.reload(); });
  events.addEventListener('status', function (e) { overlay(JSON.parse(e.data)); });
})();
