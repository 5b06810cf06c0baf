'use strict';

/**
 * The operator console: the call on my extension pops its ticket (or, while a draft is being typed, is
 * announced with a button to open it), a ticket typed in by hand, and the work lists as tabs: the callback
 * list, the tickets departments have answered (call the caller back and close), and ticket search. The
 * ticket itself is worked in the TicketPanel.
 */
(() => {
  const { t, api, el, dateTime, callerText, values, clearErrors, showProblem, pagedList } = Hotline;
  const CALL_POLL_MS = 2000;
  const CALL_RETRY_MS = 30000;
  const LISTS_POLL_MS = 15000;
  const POPPED = 'hotline.popped-call';
  // The call whose ticket was popped: kept with the tab, so that a reload does not pop it again.
  let poppedCall = window.sessionStorage.getItem(POPPED);

  function byId(id) {
    return document.getElementById(id);
  }

  function openTicket(id, focus) {
    const url = new URL(window.location.href);
    url.searchParams.set('ticket', id);
    window.history.replaceState(null, '', url);
    byId('call-announce').hidden = true;
    return TicketPanel.open(id, { focus });
  }

  // --- The call in progress on my extension -------------------------------------------------------------

  async function pollCall() {
    let next = CALL_POLL_MS;
    try {
      const res = await api('GET', '/api/calls/current');
      byId('call-unavailable').hidden = res.status !== 404;
      if (res.status === 404 || res.status === 0) {
        // The call log is not there (yet), or the server cannot be reached: try again now and then.
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
    // Half-typed work on another ticket is never replaced: the call is announced instead.
    if (call.ticketId && poppedCall !== String(call.id)) {
      poppedCall = String(call.id);
      window.sessionStorage.setItem(POPPED, poppedCall);
      const current = TicketPanel.current();
      if (TicketPanel.hasDraft() && current && current.id !== call.ticketId) {
        byId('call-announce-text').textContent = t('call_new_announce', { caller: callerText(call) });
        const button = byId('call-announce-open');
        button.textContent = t('call_open_ticket', { ref: call.ticketReference || call.ticketId });
        button.onclick = () => openTicket(call.ticketId, true);
        byId('call-announce').hidden = false;
      } else {
        openTicket(call.ticketId, false);
      }
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

  // --- Work lists, as tabs ------------------------------------------------------------------------------

  const showTab = Hotline.tabs();

  function count(id, page) {
    byId(id).textContent = page.total > 0 ? String(page.total) : '';
  }

  const ticketCsv = [
    [t('ticket'), (x) => x.reference], [t('status'), (x) => t('status_label_$' + x.status)],
    [t('created'), (x) => dateTime(x.createdAt)], [t('caller'), callerText], [t('summary'), (x) => x.summary],
    [t('priority'), (x) => (x.priority ? t('priority_label_' + x.priority) : '')],
  ];

  const callbacks = pagedList('callbacks', {
    path: '/api/tickets/callbacks',
    row: (x) => el('tr', { 'data-ticket-id': x.id },
      el('td', {}, callerText(x), el('br'), el('span', { class: 'hint' }, x.reference)),
      el('td', {}, dateTime(x.createdAt)),
      el('td', {},
        el('button', { type: 'button', class: 'called-back', onclick: () => calledBack(x) }, t('callback_reached_short')),
        ' ',
        el('button', { type: 'button', class: 'link', onclick: () => openTicket(x.id, true) }, t('open')))),
    csv: ticketCsv,
    onLoad: (page) => {
      byId('callbacks-empty').hidden = page.total > 0;
      count('tab-callbacks-count', page);
    },
  });

  /** One click: the caller was reached; the ticket is then worked like a new one. */
  async function calledBack(x) {
    const res = await api('POST', '/api/tickets/' + x.id + '/called-back', { version: x.version, reached: true });
    await callbacks.reload();
    if (res.ok) {
      await openTicket(x.id, true);
    }
  }

  const toClose = pagedList('to-close', {
    path: '/api/tickets?status=ANSWERED',
    sort: 'updatedAt,asc',
    row: (x) => el('tr', { 'data-ticket-id': x.id },
      el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => openTicket(x.id, true) }, x.reference),
        el('br'), el('span', { class: 'hint' }, x.summary || '')),
      el('td', {}, callerText(x)),
      el('td', {}, dateTime(x.updatedAt))),
    csv: ticketCsv,
    onLoad: (page) => {
      byId('to-close-empty').hidden = page.total > 0;
      count('tab-to-close-count', page);
    },
  });

  const search = Hotline.ticketSearch(byId('search'), (x) => openTicket(x.id, true), (page) => {
    byId('search-empty').hidden = page.total > 0;
  });

  // --- Shortcut keys (listed on the page) ---------------------------------------------------------------

  function focusField(id) {
    const field = byId(id);
    if (field && field.offsetParent !== null) {
      field.focus();
    }
  }

  const SHORTCUTS = {
    KeyN: () => focusField('new-callerNumber'),
    KeyT: () => focusField('tp-summary'),
    KeyC: () => { const b = byId('call-ticket').querySelector('button'); if (b) { b.click(); } },
    KeyB: () => showTab(byId('tab-callbacks'), true),
    KeyA: () => showTab(byId('tab-to-close'), true),
    KeyS: () => { showTab(byId('tab-search'), false); focusField('search-q'); },
  };
  document.addEventListener('keydown', (event) => {
    const action = event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && SHORTCUTS[event.code];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  TicketPanel.onChange(() => { callbacks.reload(); toClose.reload(); search.reload(); });

  const asked = new URLSearchParams(window.location.search).get('ticket');
  if (asked) {
    TicketPanel.open(Number(asked));
  }
  callbacks.load(0);
  toClose.load(0);
  window.setInterval(() => { callbacks.reload(); toClose.reload(); }, LISTS_POLL_MS);
  pollCall();
})();
