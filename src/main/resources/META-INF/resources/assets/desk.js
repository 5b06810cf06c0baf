'use strict';

/**
 * The department desk: the department's pending escalations (the API shows an officer only their own),
 * soonest deadline first, with the time left; choosing one opens it in the TicketPanel. A leader sees
 * what was raised to the leaders.
 */
(() => {
  const { t, api, el, timeLeft } = Hotline;
  const REFRESH_MS = 30000;
  const leader = document.body.dataset.role === 'leader';

  async function load() {
    const query = 'pending=true&sort=deadline,asc&size=200' + (leader ? '&raised=true' : '');
    const res = await api('GET', '/api/escalations?' + query);
    const body = document.querySelector('#queue tbody');
    body.replaceChildren();
    const items = res.ok ? res.data.items : [];
    document.getElementById('queue-empty').hidden = items.length > 0;
    const current = TicketPanel.current();
    items.forEach((x) => {
      const left = timeLeft(x.deadline, x.breached);
      const row = el('tr', { 'data-ticket-id': x.ticketId, class: (x.breached ? 'breached' : '')
          + (current && current.id === x.ticketId ? ' selected' : '') },
        el('td', {},
          el('button', { type: 'button', class: 'link', onclick: () => TicketPanel.open(x.ticketId, { focus: true }) },
            x.ticketReference),
          el('br'), el('span', { class: 'hint' }, x.ticketSummary || '')),
        el('td', {},
          el('span', { class: 'timeleft ' + left.cls }, left.text),
          x.breached ? [' ', el('span', { class: 'badge breached' }, t('breached'))] : null,
          x.raisedToLeaders ? [' ', el('span', { class: 'badge soon' }, t('raised'))] : null),
        el('td', { class: 'hide-narrow' }, t('priority_label_' + x.priority)),
        el('td', {}, t('escalation_state_' + x.state)));
      body.append(row);
    });
  }

  TicketPanel.onChange(() => load());
  load();
  window.setInterval(load, REFRESH_MS);
})();
