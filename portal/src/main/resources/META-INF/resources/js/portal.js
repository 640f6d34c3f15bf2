// Live status: the portal pushes what changed in the services (server-sent events); each part
// of the page marked data-live with an id is fetched again and swapped in place, without a
// reload. Forms are never inside such a part, so nothing typed is lost.
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  if (!status || !window.EventSource || !window.htmx) { return; }
  var pending = null;
  function refresh() {
    pending = null;
    document.querySelectorAll('[data-live][id]').forEach(function (part) {
      htmx.ajax('GET', window.location.pathname + window.location.search,
        { target: '#' + part.id, select: '#' + part.id, swap: 'outerHTML' });
    });
    status.textContent = status.dataset.changed;
  }
  var source = new EventSource('/live?since=' + encodeURIComponent(status.dataset.since || ''));
  source.onopen = function () { status.dataset.state = 'on'; status.textContent = status.dataset.on; };
  source.onerror = function () { status.dataset.state = 'off'; status.textContent = status.dataset.off; };
  source.onmessage = function (event) {
    var change;
    try { change = JSON.parse(event.data); } catch (e) { return; }
    if (!change || change.type === 'keep-alive') { return; }
    // Several events in a row (a bulk push) cause one refresh.
    if (!pending) { pending = window.setTimeout(refresh, 300); }
  };
})();
