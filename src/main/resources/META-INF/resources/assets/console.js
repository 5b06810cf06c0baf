'use strict';

/**
 * The operator console: the call on my extension pops its ticket, a ticket typed in by hand, the callback
 * list, and ticket search. The ticket itself is worked in the TicketPanel.
 */
(() => {
  const { t, api, el, dateTime, callerText, values, clearErrors, showProblem } = Hotline;
  const CALL_POLL_MS = 2000;
  const CALL_RETRY_MS = 30000;
  const CALLBACKS_POLL_MS = 15000;
  let poppedCall = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function openTicket(id, focus) {
    const url = new URL(window.location.href);
    url.searchParams.set('ticket', id);
    window.history.replaceState(null, '', url);
    return TicketPanel.open(id, { focus });
  }

  // --- The call in progress on my extension -------------------------------------------------------------

  async function pollCall() {
    let next = CALL_POLL_MS;
    try {
      const res = await api('GET', '/api/calls/current');
      byId('call-unavailable').hidden = res.status !== 404;
      if (res.status === 404) {
        // The call log is not there (yet): try again now and then.
        next = CALL_RETRY_MS;
        showCall(null);
      } else {
        showCall(res.status === 200 ? res.data : null);
      }
    } catch (e) {
      next = CALL_RETRY_MS;
    }
    window.setTimeout(pollCall, next);
  }

  function showCall(call) {
    const box = byId('call');
    box.classList.toggle('none', !call);
    byId('call-none').hidden = !!call;
    byId('call-facts').hidden = !call;
    if (!call) {
      poppedCall = null;
      return;
    }
    byId('call-caller').textContent = callerText(call) + (call.repeatCaller ? ' · ' + t('repeat_caller_short') : '');
    byId('call-state').textContent = t('call_state_' + call.state);
    byId('call-wait').textContent = Hotline.clock(call.waitSeconds);
    const ticketCell = byId('call-ticket');
    ticketCell.replaceChildren();
    if (call.ticketId) {
      ticketCell.append(el('button', { type: 'button', class: 'link', onclick: () => openTicket(call.ticketId, true) },
        call.ticketReference || String(call.ticketId)));
    }
    // Pop the call's ticket once per call; the operator may then move elsewhere without being pulled back.
    if (call.ticketId && poppedCall !== call.id) {
      poppedCall = call.id;
      openTicket(call.ticketId, false);
    }
  }

  // --- A ticket typed in by hand ------------------------------------------------------------------------

  const newForm = byId('new-ticket');
  newForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const res = await api('POST', '/api/tickets', values(newForm));
    if (res.ok) {
      clearErrors(newForm);
      newForm.reset();
      byId('new-repeat').hidden = true;
      await openTicket(res.data.id, true);
    } else {
      showProblem(newForm, res.data);
    }
  });

  byId('new-callerNumber').addEventListener('change', async (event) => {
    const number = event.target.value.trim();
    const box = byId('new-repeat');
    box.hidden = true;
    if (!number) {
      return;
    }
    const res = await api('GET', '/api/tickets/repeat-suggestions?number=' + encodeURIComponent(number));
    if (res.ok && res.data.length) {
      TicketPanel.renderTicketLinks(byId('new-repeat-list'), res.data);
      box.hidden = false;
    }
  });

  // --- Callback list ------------------------------------------------------------------------------------

  async function loadCallbacks() {
    const res = await api('GET', '/api/tickets/callbacks?size=50');
    const body = byId('callbacks').querySelector('tbody');
    body.replaceChildren();
    const items = res.ok ? res.data.items : [];
    byId('callbacks-empty').hidden = items.length > 0;
    items.forEach((x) => {
      body.append(el('tr', { 'data-ticket-id': x.id },
        el('td', {}, callerText(x), el('br'), el('span', { class: 'hint' }, x.reference)),
        el('td', {}, dateTime(x.createdAt)),
        el('td', {},
          el('button', { type: 'button', class: 'called-back', onclick: () => calledBack(x) },
            t('callback_reached_short')),
          ' ',
          el('button', { type: 'button', class: 'link', onclick: () => openTicket(x.id, true) }, t('open')))));
    });
  }

  /** One click: the caller was reached; the ticket is then worked like a new one. */
  async function calledBack(x) {
    const res = await api('POST', '/api/tickets/' + x.id + '/called-back', { version: x.version, reached: true });
    await loadCallbacks();
    if (res.ok) {
      await openTicket(x.id, true);
    }
  }

  // --- Search -------------------------------------------------------------------------------------------

  const searchForm = byId('search');
  searchForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    Object.entries(values(searchForm)).forEach(([k, v]) => { if (v) { query.set(k, v); } });
    query.set('size', '20');
    const res = await api('GET', '/api/tickets?' + query);
    const table = byId('search-results');
    const body = table.querySelector('tbody');
    body.replaceChildren();
    if (!res.ok) {
      showProblem(searchForm, res.data);
      table.hidden = true;
      return;
    }
    clearErrors(searchForm);
    res.data.items.forEach((x) => {
      body.append(el('tr', {},
        el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => openTicket(x.id, true) }, x.reference)),
        el('td', {}, t('status_label_$' + x.status)),
        el('td', {}, x.summary || '—')));
    });
    table.hidden = res.data.items.length === 0;
    byId('search-empty').hidden = res.data.items.length > 0;
  });

  TicketPanel.onChange(() => loadCallbacks());

  const asked = new URLSearchParams(window.location.search).get('ticket');
  if (asked) {
    TicketPanel.open(Number(asked));
  }
  loadCallbacks();
  window.setInterval(loadCallbacks, CALLBACKS_POLL_MS);
  pollCall();
})();
