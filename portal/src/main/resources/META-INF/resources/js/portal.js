// Live status: the portal pushes what changed in the services (server-sent events). The parts
// of the page marked data-live (each with an id) are then fetched again, all in one request
// (htmx, hx-select-oob), and swapped in place without a reload. Forms are never inside such a
// part, so nothing typed is lost.
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  if (!status || !window.EventSource || !window.htmx) { return; }
  // A page that answers a form (a refused one, with its messages) stands at the form's address,
  // which takes POST only: it is not fetched again (data-refresh="false"), the status line stays.
  var ids = status.dataset.refresh === 'false' ? [] : Array.prototype.map.call(
    document.querySelectorAll('[data-live][id]'), function (part) { return '#' + part.id; });
  var refresher = document.createElement('div');
  refresher.id = 'live-refresh';
  refresher.hidden = true;
  refresher.setAttribute('hx-get', window.location.pathname + window.location.search);
  refresher.setAttribute('hx-trigger', 'ostsee:changed');
  refresher.setAttribute('hx-swap', 'none');
  refresher.setAttribute('hx-select-oob', ids.join(','));
  document.body.appendChild(refresher);
  htmx.process(refresher);
  refresher.addEventListener('htmx:afterRequest', function (event) {
    if (event.detail.successful) { status.textContent = status.dataset.changed; }
  });
  var pending = null;
  var source = new EventSource('/live?since=' + encodeURIComponent(status.dataset.since || ''));
  source.onopen = function () { status.dataset.state = 'on'; status.textContent = status.dataset.on; };
  source.onerror = function () { status.dataset.state = 'off'; status.textContent = status.dataset.off; };
  source.onmessage = function (event) {
    var change;
    try { change = JSON.parse(event.data); } catch (e) { return; }
    if (!change || change.type === 'keep-alive' || ids.length === 0) { return; }
    // Several events in a row (a bulk push) cause one refresh.
    if (!pending) {
      pending = window.setTimeout(function () { pending = null; htmx.trigger(refresher, 'ostsee:changed'); }, 300);
    }
  };
})();

// A step that cannot be undone (a partner retires, a contact person's data is erased) asks first:
// its form names the question in data-confirm. Without JavaScript the form posts directly.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { event.preventDefault(); }
  });
})();
