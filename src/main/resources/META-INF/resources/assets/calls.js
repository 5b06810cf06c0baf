'use strict';

/** The call log: every call with its outcome, filtered, paged, sortable and exported as CSV. */
(() => {
  const { t, el, dateTime, clock, callerText, pagedList } = Hotline;
  const form = document.getElementById('calls-filter');
  Array.from(form.elements.outcome.options).filter((o) => o.value).forEach((o) => {
    o.textContent = t('call_state_' + o.value);
  });

  const list = pagedList('calls', {
    path: '/api/calls',
    sort: 'arrivedAt,desc',
    query: () => Hotline.queryOf(form),
    row: (x) => el('tr', { 'data-call-id': x.id, class: x.flagged ? 'flagged' : null },
      el('td', {}, dateTime(x.arrivedAt)),
      el('td', {}, callerText(x)),
      el('td', {}, t('call_state_' + x.state), x.missedReason ? [el('br'), el('span', { class: 'hint' }, x.missedReason)] : null),
      el('td', { class: 'hide-narrow' }, x.operatorUsername || x.operatorName || '—'),
      el('td', {}, clock(x.waitSeconds)),
      el('td', { class: 'hide-narrow' }, clock(x.talkSeconds)),
      el('td', {}, x.ticketId ? el('a', { href: '/tickets/' + x.ticketId }, x.ticketReference || String(x.ticketId)) : '—')),
    csv: [[t('arrived_at'), (x) => dateTime(x.arrivedAt)], [t('caller'), callerText],
      [t('call_state'), (x) => t('call_state_' + x.state)], [t('operator'), (x) => x.operatorUsername || x.operatorName],
      [t('call_wait'), (x) => x.waitSeconds], [t('talk_time'), (x) => x.talkSeconds],
      [t('ticket'), (x) => x.ticketReference], ['linkedid', (x) => x.linkedid]],
    onError: (problem) => Hotline.showProblem(form, problem),
    onLoad: (page) => {
      Hotline.clearErrors(form);
      document.getElementById('calls-empty').hidden = page.total > 0;
    },
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    list.load(0);
  });
  list.load(0);
})();
