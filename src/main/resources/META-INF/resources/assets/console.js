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
  const CALLING_POLL_MS = 3000;
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

  // --- Callbacks: one task per caller number, soonest due first ----------------------------------------

  const callbacksForm = byId('callbacks-form');
  let callingPoll = null;

  const callbacks = pagedList('callbacks', {
    path: '/api/callbacks',
    sort: 'dueAt,asc',
    row: (x) => el('tr', { 'data-task-id': x.id, 'data-ticket-id': x.ticketId },
      el('td', {}, x.callerNumber, el('br'),
        el('span', { class: 'hint' }, [x.ticketReference, t('callback_misses', { n: x.misses }),
          t('callback_attempts', { n: x.attempts })].filter(Boolean).join(' · '))),
      el('td', {}, dateTime(x.dueAt)),
      el('td', {},
        x.calling ? el('span', { class: 'badge' }, t('callback_calling'))
          : el('button', { type: 'button', class: 'call-back', onclick: () => callBack(x) }, t('callback_call')),
        ' ',
        el('button', { type: 'button', class: 'called-back secondary', onclick: () => recorded(x, true) },
          t('callback_reached_short')),
        ' ',
        el('button', { type: 'button', class: 'not-reached secondary', onclick: () => recorded(x, false) },
          t('callback_not_reached')),
        ' ',
        el('button', { type: 'button', class: 'link', onclick: () => openTicket(x.ticketId, true) }, t('open')))),
    csv: [
      [t('caller'), (x) => x.callerNumber], [t('ticket'), (x) => x.ticketReference],
      [t('callback_due'), (x) => dateTime(x.dueAt)], ['misses', (x) => x.misses], ['attempts', (x) => x.attempts],
    ],
    onLoad: (page) => {
      byId('callbacks-empty').hidden = page.total > 0;
      count('tab-callbacks-count', page);
      const withheld = byId('callbacks-withheld');
      withheld.hidden = !page.withheld;
      withheld.textContent = page.withheld ? t('callback_withheld', { n: page.withheld }) : '';
      // While a call is being placed, its outcome is looked for every few seconds.
      window.clearTimeout(callingPoll);
      if (page.items.some((x) => x.calling)) {
        callingPoll = window.setTimeout(() => callbacks.reload(), CALLING_POLL_MS);
      }
    },
  });

  /** Click to call: my phone rings, then the exchange dials the caller with the hotline's number. */
  async function callBack(x) {
    clearErrors(callbacksForm);
    const res = await api('POST', '/api/callbacks/' + x.id + '/calls', { version: x.version });
    const message = byId('callbacks-message');
    message.hidden = !res.ok;
    if (res.ok) {
      message.textContent = t('callback_started', { caller: x.callerNumber });
    } else {
      showProblem(callbacksForm, res.data);
    }
    await callbacks.reload();
  }

  /** A call made some other way: reached (the ticket is then worked like a new one) or not. */
  async function recorded(x, reached) {
    clearErrors(callbacksForm);
    const res = await api('POST', '/api/callbacks/' + x.id + '/attempts', { version: x.version, reached });
    await callbacks.reload();
    if (!res.ok) {
      showProblem(callbacksForm, res.data);
    } else if (reached) {
      await openTicket(x.ticketId, true);
    }
  }

  // --- My presence in the queue --------------------------------------------------------------------------

  const presenceForm = byId('presence-form');

  async function loadPresence() {
    const res = await api('GET', '/api/presence');
    const me = res.ok ? res.data.find((o) => o.username === document.body.dataset.user) : null;
    byId('presence').hidden = !me;
    if (!me) {
      return;
    }
    const paused = me.state === 'PAUSED';
    byId('presence-state').textContent = t('presence_state_$' + me.state)
      + (paused ? ' · ' + Hotline.pauseReason(me.pauseReason) : '');
    byId('presence-since').textContent = me.since ? t('presence_since', { time: dateTime(me.since) }) : '';
    const out = me.state === 'LOGGED_OUT';
    byId('presence-login').hidden = !out;
    byId('presence-logout').hidden = out;
    byId('presence-pause').hidden = out || paused;
    byId('presence-reason').hidden = out || paused;
    document.querySelector('label[for="presence-reason"]').hidden = out || paused;
    byId('presence-resume').hidden = !paused;
  }

  async function presence(action) {
    clearErrors(presenceForm);
    const body = { action };
    if (action === 'PAUSE') {
      body.reason = byId('presence-reason').value;
    }
    const res = await api('POST', '/api/presence/me', body);
    if (!res.ok) {
      showProblem(presenceForm, res.data);
      return;
    }
    byId('presence-since').textContent = t('presence_sent');
  }

  async function presenceReasons() {
    const res = await api('GET', '/api/presence/reasons');
    const select = byId('presence-reason');
    select.replaceChildren(...(res.ok ? res.data : []).map((r) => el('option', { value: r }, Hotline.pauseReason(r))));
  }

  ['login', 'logout', 'pause', 'resume'].forEach((a) => {
    byId('presence-' + a).addEventListener('click', () => presence(a.toUpperCase()));
  });
  presenceReasons();
  loadPresence();
  Hotline.live('/api/presence/live', loadPresence);

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
