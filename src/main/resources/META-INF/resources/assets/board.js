'use strict';

/**
 * The supervisor board, refreshed every few seconds: calls waiting and talking now and today's call
 * figures (from the call log), breached and due-soon escalations, and today's tickets.
 */
(() => {
  const { t, api, el, timeLeft, callerText, dateTime } = Hotline;
  const REFRESH_MS = 5000;
  const today = document.body.dataset.today;

  function byId(id) {
    return document.getElementById(id);
  }

  function set(id, value) {
    byId(id).textContent = value === null || value === undefined ? '–' : String(value);
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
      set('kpi-service-level', day.serviceLevelPercent === null || day.serviceLevelPercent === undefined
        ? null : Math.round(day.serviceLevelPercent) + ' %');
    }
    const items = live.ok ? live.data : [];
    const body = byId('in-progress').querySelector('tbody');
    body.replaceChildren();
    items.forEach((c) => {
      body.append(el('tr', {},
        el('td', {}, callerText(c)),
        el('td', {}, t('call_state_' + c.state)),
        el('td', {}, c.operatorUsername || '—'),
        el('td', {}, Hotline.clock(c.waitSeconds)),
        el('td', {}, c.ticketId ? el('a', { href: '/tickets/' + c.ticketId }, c.ticketReference || c.ticketId) : '—')));
    });
    byId('in-progress').hidden = items.length === 0;
    byId('in-progress-empty').hidden = items.length > 0;
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

  async function refresh() {
    await Promise.all([
      calls().catch(() => {}),
      escalations('breached', 'breached', 'breached-empty'),
      escalations('dueSoon', 'due-soon', 'due-soon-empty'),
      todaysTickets(),
    ]);
    byId('board-updated').textContent = t('board_updated', { time: dateTime(new Date(Hotline.now()).toISOString()) });
  }

  Hotline.ticketSearch(byId('board-search'), null, (page) => {
    byId('board-search-empty').hidden = page.total > 0;
  });
  refresh();
  window.setInterval(refresh, REFRESH_MS);
})();
