'use strict';

/**
 * The department desk: the department's pending escalations (the API shows an officer only their own),
 * soonest deadline first, with the time left; choosing one opens it in the TicketPanel. A leader sees
 * what was raised to the leaders. Below, the department's own tickets (a leader: all tickets) with filters.
 */
(() => {
  const { t, el, timeLeft, dateTime, pagedList } = Hotline;
  const REFRESH_MS = 30000;
  const leader = document.body.dataset.role === 'leader';

  function open(id) {
    return TicketPanel.open(id, { focus: true });
  }

  const queue = pagedList('queue', {
    path: '/api/escalations?pending=true' + (leader ? '&raised=true' : ''),
    sort: 'deadline,asc',
    row: (x) => {
      const left = timeLeft(x.deadline, x.breached);
      const current = TicketPanel.current();
      return el('tr', { 'data-ticket-id': x.ticketId, class: (x.breached ? 'breached' : '')
          + (current && current.id === x.ticketId ? ' selected' : '') },
        el('td', {},
          el('button', { type: 'button', class: 'link', onclick: () => open(x.ticketId) }, x.ticketReference),
          el('br'), el('span', { class: 'hint' }, x.ticketSummary || '')),
        el('td', {},
          el('span', { class: 'timeleft ' + left.cls }, left.text),
          x.breached ? [' ', el('span', { class: 'badge breached' }, t('breached'))] : null,
          x.raisedToLeaders ? [' ', el('span', { class: 'badge soon' }, t('raised'))] : null),
        el('td', { class: 'hide-narrow' }, t('priority_label_' + x.priority)),
        el('td', {}, t('escalation_state_' + x.state)));
    },
    csv: [[t('ticket'), (x) => x.ticketReference], [t('summary'), (x) => x.ticketSummary],
      [t('deadline'), (x) => dateTime(x.deadline)], [t('priority'), (x) => t('priority_label_' + x.priority)],
      [t('escalation_state'), (x) => t('escalation_state_' + x.state)], [t('department'), (x) => x.departmentCode]],
    onLoad: (page) => { document.getElementById('queue-empty').hidden = page.total > 0; },
  });

  const deptForm = document.getElementById('dept');
  const tickets = Hotline.ticketSearch(deptForm, (x) => open(x.id), (page) => {
    document.getElementById('dept-empty').hidden = page.total > 0;
  });

  TicketPanel.onChange(() => { queue.reload(); tickets.reload(); });
  queue.load(0);
  deptForm.requestSubmit();
  window.setInterval(() => queue.reload(), REFRESH_MS);
})();
