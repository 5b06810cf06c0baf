'use strict';

/**
 * The supervisor board: calls waiting and talking now, today's call figures and the operators' states, kept
 * current by the live feeds of calls and presence (the clocks tick in the page); breached and due-soon
 * escalations and today's tickets, read again now and then; the operators' statistics.
 */
(() => {
  const { t, api, el, timeLeft, callerText, dateTime } = Hotline;
  const REFRESH_MS = 30000;
  const today = document.body.dataset.today;

  function byId(id) {
    return document.getElementById(id);
  }

  function set(id, value) {
    byId(id).textContent = value === null || value === undefined ? '–' : String(value);
  }

  /** Seconds since an instant, by the server's clock. */
  function since(instant) {
    return instant ? Math.max(0, Math.round((Hotline.now() - Date.parse(instant)) / 1000)) : null;
  }

  async function calls() {
    const [board, live] = await Promise.all([api('GET', '/api/calls/board'), api('GET', '/api/calls/in-progress')]);
    byId('calls-unavailable').hidden = board.status !== 404;
    if (board.ok) {
      set('kpi-waiting', board.data.waiting);
      set('kpi-talking', board.data.talking);
      const day = board.data.today || {};
      set('kpi-answered', day.answered);
      set('kpi-abandoned', day.abandoned);
      set('kpi-missed', day.missed);
      const level = day.serviceLevelPercent === null || day.serviceLevelPercent === undefined
        ? null : Math.round(day.serviceLevelPercent) + ' %';
      set('kpi-service-level', level);
      const alert = byId('sl-alert');
      alert.hidden = !board.data.serviceLevelAlert;
      alert.textContent = board.data.serviceLevelAlert
        ? t('board_sl_alert', { level, threshold: board.data.serviceLevelAlertPercent + ' %' }) : '';
    }
    const items = live.ok ? live.data : [];
    const body = byId('in-progress').querySelector('tbody');
    body.replaceChildren();
    items.forEach((c) => {
      // A caller still waiting: how long so far, ticking in the page.
      const waiting = c.state === 'ARRIVED' || c.state === 'QUEUED';
      body.append(el('tr', {},
        el('td', {}, callerText(c)),
        el('td', {}, t('call_state_' + c.state)),
        el('td', {}, c.operatorUsername || '—'),
        el('td', waiting ? { 'data-since': c.queuedAt || c.arrivedAt } : {},
          waiting ? Hotline.clock(since(c.queuedAt || c.arrivedAt)) : Hotline.clock(c.waitSeconds)),
        el('td', {}, c.ticketId ? el('a', { href: '/tickets/' + c.ticketId }, c.ticketReference || c.ticketId) : '—')));
    });
    byId('in-progress').hidden = items.length === 0;
    byId('in-progress-empty').hidden = items.length > 0;
    updated();
  }

  const supervisor = ['supervisor', 'admin'].includes(document.body.dataset.role);

  async function act(username, action, reason) {
    await api('POST', '/api/presence/' + encodeURIComponent(username), reason ? { action, reason } : { action });
  }

  async function operators() {
    const res = await api('GET', '/api/presence');
    const items = res.ok ? res.data : [];
    byId('operators').querySelector('tbody').replaceChildren(...items.map((o) => {
      const state = t('presence_state_$' + o.state) + (o.state === 'PAUSED' ? ' · ' + Hotline.pauseReason(o.pauseReason) : '')
        + (o.longPause ? ' · ' + t('board_long_pause') : '');
      const out = o.state === 'LOGGED_OUT';
      return el('tr', { 'data-operator': o.username, class: o.longPause ? 'breached' : '' },
        el('td', {}, o.displayName || o.username, el('br'), el('span', { class: 'hint' }, o.extension)),
        el('td', {}, el('span', { class: 'badge state-' + o.state.toLowerCase() }, state)),
        el('td', o.since ? { 'data-since': o.since } : {}, o.since ? Hotline.clock(o.secondsInState) : '—'),
        el('td', {}, String(o.answeredToday)),
        el('td', { class: 'hide-narrow' }, String(o.ringsNotAnsweredToday)),
        el('td', {}, supervisor && !out ? [
          o.state !== 'PAUSED' ? el('button', { type: 'button', class: 'secondary pause',
            onclick: () => act(o.username, 'PAUSE', 'training') }, t('presence_act_pause')) : null,
          ' ',
          el('button', { type: 'button', class: 'secondary logout', onclick: () => act(o.username, 'LOGOUT') },
            t('presence_act_logout'))] : ''));
    }));
    updated();
  }

  /** The clocks of waiting callers and of the operators' states, between two changes. */
  function tick() {
    document.querySelectorAll('[data-since]').forEach((cell) => {
      cell.textContent = Hotline.clock(since(cell.dataset.since));
    });
  }

  function updated() {
    byId('board-updated').textContent = t('board_updated', { time: dateTime(new Date(Hotline.now()).toISOString()) });
  }

  async function escalations(filter, tableId, emptyId) {
    const res = await api('GET', '/api/escalations?' + filter + '=true&sort=deadline,asc&size=50');
    const items = res.ok ? res.data.items : [];
    const body = byId(tableId).querySelector('tbody');
    body.replaceChildren();
    items.forEach((x) => {
      const left = timeLeft(x.deadline, x.breached);
      body.append(el('tr', { class: x.breached ? 'breached' : '', 'data-ticket-id': x.ticketId },
        el('td', {}, el('a', { href: '/tickets/' + x.ticketId }, x.ticketReference), el('br'),
          el('span', { class: 'hint' }, x.ticketSummary || '')),
        el('td', {}, x.departmentCode),
        el('td', {}, el('span', { class: 'timeleft ' + left.cls }, left.text))));
    });
    byId(emptyId).hidden = items.length > 0;
  }

  async function todaysTickets() {
    const res = await api('GET', '/api/tickets?from=' + today + '&to=' + today + '&sort=updatedAt,desc&size=50');
    const items = res.ok ? res.data.items : [];
    set('kpi-tickets-today', res.ok ? res.data.total : null);
    const body = byId('today').querySelector('tbody');
    body.replaceChildren();
    items.forEach((x) => {
      body.append(el('tr', { 'data-ticket-id': x.id },
        el('td', {}, el('a', { href: '/tickets/' + x.id }, x.reference)),
        el('td', {}, el('span', { class: 'badge' + (x.status === 'CLOSED' ? ' ok' : '') }, t('status_label_$' + x.status))),
        el('td', { class: 'hide-narrow' }, x.summary || '—'),
        el('td', {}, x.departmentCode || '—')));
    });
    byId('today-empty').hidden = items.length > 0;
  }

  /** Windows live capture missed, and their reconciliation from Asterisk's records (supervisors). */
  async function captureGaps() {
    const res = await api('GET', '/api/calls/gaps');
    const box = byId('capture-gaps');
    const gaps = res.ok ? res.data : [];
    const pending = gaps.filter((g) => g.state === 'PENDING');
    const unreconciled = gaps.filter((g) => g.state === 'UNRECONCILED');
    const last = gaps.find((g) => g.state === 'RECONCILED');
    const lines = [];
    if (pending.length) {
      lines.push(t('board_gaps_pending', { n: pending.length }));
      const failing = pending.find((g) => g.lastError);
      if (failing) {
        lines.push(t('board_gap_error', { error: failing.lastError }));
      }
    }
    if (unreconciled.length) {
      lines.push(t('board_gaps_unreconciled', { n: unreconciled.length }));
    }
    if (last) {
      lines.push(t('board_gap_last', { from: dateTime(last.from), to: dateTime(last.to), n: last.callsAdded }));
    }
    box.hidden = lines.length === 0;
    box.classList.toggle('error', unreconciled.length > 0 || pending.some((g) => g.lastError));
    box.textContent = lines.join(' ');
  }

  async function refresh() {
    await Promise.all([
      captureGaps().catch(() => {}),
      escalations('breached', 'breached', 'breached-empty'),
      escalations('dueSoon', 'due-soon', 'due-soon-empty'),
      todaysTickets(),
    ]);
  }

  const statsForm = byId('stats-form');
  if (statsForm) {
    const stats = Hotline.pagedList('stats', {
      path: '/api/presence/statistics',
      query: () => Hotline.queryOf(statsForm),
      row: (x) => el('tr', {},
        el('td', {}, x.username), el('td', {}, x.period), el('td', {}, String(x.answered)),
        el('td', {}, Hotline.clock(x.averageHandleSeconds)), el('td', {}, Hotline.clock(x.longestHandleSeconds)),
        el('td', {}, Object.entries(x.pauseSecondsByReason)
          .map(([r, secs]) => Hotline.pauseReason(r) + ' ' + Hotline.clock(secs)).join(', ') || '—'),
        el('td', {}, String(x.ringsNotAnswered)), el('td', {}, Hotline.clock(x.loggedInSeconds))),
      csv: [
        [t('operator'), (x) => x.username], ['period', (x) => x.period], ['answered', (x) => x.answered],
        ['average_handle_seconds', (x) => x.averageHandleSeconds], ['longest_handle_seconds', (x) => x.longestHandleSeconds],
        ['pause_seconds', (x) => x.pauseSeconds],
        ['pause_by_reason', (x) => Object.entries(x.pauseSecondsByReason).map(([r, secs]) => r + '=' + secs).join(';')],
        ['rings_not_answered', (x) => x.ringsNotAnswered], ['logged_in_seconds', (x) => x.loggedInSeconds],
      ],
      onError: (problem) => Hotline.showProblem(statsForm, problem),
      onLoad: (page) => {
        Hotline.clearErrors(statsForm);
        byId('stats-empty').hidden = page.total > 0;
      },
    });
    statsForm.addEventListener('submit', (event) => {
      event.preventDefault();
      stats.load(0);
    });
    stats.load(0);
  }

  Hotline.ticketSearch(byId('board-search'), null, (page) => {
    byId('board-search-empty').hidden = page.total > 0;
  });
  Hotline.live('/api/calls/live', () => calls().catch(() => {}));
  Hotline.live('/api/presence/live', () => operators().catch(() => {}));
  calls().catch(() => {});
  operators().catch(() => {});
  refresh();
  window.setInterval(refresh, REFRESH_MS);
  window.setInterval(tick, 1000);
})();
