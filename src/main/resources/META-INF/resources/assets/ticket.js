'use strict';

/**
 * The ticket work area (templates/ticket-panel.html): shows one ticket, its history, and the forms its
 * status allows for this user. Every change sends the ticket's version; a stale one reloads the ticket.
 */
const TicketPanel = (() => {
  const { t, api, el, dateTime, timeLeft, callerText, values, clearErrors, showProblem } = Hotline;
  const panel = document.getElementById('ticket-panel');
  const role = document.body.dataset.role;
  const listeners = [];
  const names = JSON.parse(document.getElementById('tp-names').textContent);
  let ticket = null;

  /** The name of a field, province or department in the page's language; the code if it is not known. */
  function nameOf(kind, code) {
    return code ? (names[kind][code] || code) : '—';
  }

  /** Which statuses each form is offered in. */
  const OFFERED = {
    'tp-triage': ['NEW', 'TRIAGED', 'REOPENED'],
    'tp-resolve': ['NEW', 'TRIAGED', 'REOPENED'],
    'tp-escalate': ['TRIAGED', 'REOPENED'],
    'tp-callback': ['CALLBACK_PENDING'],
    'tp-close': ['ANSWERED', 'RESOLVED_ON_CALL', 'REOPENED'],
    'tp-reopen': ['CLOSED'],
    'tp-accept': ['ESCALATED'],
    'tp-answer': ['ESCALATED', 'IN_PROGRESS'],
    'tp-forward': ['ESCALATED', 'IN_PROGRESS'],
    'tp-raise': ['ESCALATED', 'IN_PROGRESS'],
  };

  /** Where each form's action goes, and what it sends besides the version. */
  const ACTIONS = {
    'triage': (id, v) => ['PUT', '/api/tickets/' + id + '/triage', v],
    'resolve-on-call': (id, v) => ['POST', '/api/tickets/' + id + '/resolve-on-call', v],
    'escalate': (id, v) => ['POST', '/api/escalations/tickets/' + id, v],
    'called-back': (id, v) => ['POST', '/api/tickets/' + id + '/called-back', v],
    'close': (id, v) => ['POST', '/api/tickets/' + id + '/close', v],
    'reopen': (id, v) => ['POST', '/api/tickets/' + id + '/reopen', v],
    'accept': (id, v) => ['POST', '/api/escalations/tickets/' + id + '/accept', v],
    'answer': (id, v) => ['POST', '/api/escalations/tickets/' + id + '/answer', v],
    'forward': (id, v) => ['POST', '/api/escalations/tickets/' + id + '/forward', v],
    'raise': (id, v) => ['POST', '/api/escalations/tickets/' + id + '/raise', v],
  };

  function byId(id) {
    return document.getElementById(id);
  }

  function message(text, kind) {
    const box = byId('tp-message');
    box.className = 'alert ' + (kind || 'ok');
    box.textContent = text || '';
  }

  /** Opens a ticket in the panel; focus moves to its title when the user asked for it. */
  async function open(id, options) {
    const res = await api('GET', '/api/tickets/' + id);
    if (!res.ok) {
      panel.hidden = false;
      byId('tp-reference').textContent = t('error_not_found_title');
      byId('tp-status').textContent = '';
      message(res.data && res.data.detail, 'error');
      panel.querySelectorAll('form').forEach((f) => { f.hidden = true; });
      return;
    }
    if (!ticket || ticket.id !== res.data.id) {
      message('');
      panel.querySelectorAll('form').forEach((f) => { clearErrors(f); f.reset(); });
    }
    render(res.data);
    panel.hidden = false;
    const placeholder = byId('no-ticket');
    if (placeholder) {
      placeholder.hidden = true;
    }
    if (options && options.focus) {
      byId('tp-title').focus();
    }
  }

  function render(view) {
    const previous = ticket;
    ticket = view;
    panel.dataset.ticketId = view.id;
    panel.dataset.status = view.status;
    byId('tp-reference').textContent = view.reference;
    byId('tp-status').textContent = t('status_label_$' + view.status);
    byId('tp-v-summary').textContent = view.summary || '—';
    byId('tp-v-description').textContent = view.description || '—';
    byId('tp-caller').textContent = callerText(view);
    byId('tp-v-caller-type').textContent = view.callerType ? t('caller_type_label_$' + view.callerType) : '—';
    byId('tp-v-province').textContent = nameOf('province', view.provinceCode);
    byId('tp-v-commune').textContent = view.commune || '—';
    byId('tp-v-field').textContent = nameOf('field', view.fieldCode);
    byId('tp-v-priority').textContent = view.priority ? t('priority_label_' + view.priority) : '—';
    byId('tp-source').textContent = t('source_label_$' + view.source);
    byId('tp-department').textContent = nameOf('department', view.departmentCode);
    byId('tp-resolution').textContent = view.resolution || '—';
    const deadline = byId('tp-deadline');
    deadline.replaceChildren();
    if (view.deadline && ['ESCALATED', 'IN_PROGRESS'].includes(view.status)) {
      const left = timeLeft(view.deadline);
      deadline.append(dateTime(view.deadline) + ' · ', el('span', { class: 'timeleft ' + left.cls }, left.text));
    } else {
      deadline.textContent = view.deadline ? dateTime(view.deadline) : '—';
    }
    byId('tp-link').href = '/tickets/' + view.id;

    Object.entries(OFFERED).forEach(([formId, statuses]) => {
      const form = byId(formId);
      if (!form) {
        return;
      }
      let offered = statuses.includes(view.status);
      if (formId === 'tp-raise' && view.raisedToLeaders) {
        offered = false;
      }
      if (formId === 'tp-answer' && role === 'leader' && !view.raisedToLeaders) {
        offered = false;
      }
      form.hidden = !offered;
    });

    const triage = byId('tp-triage');
    if (triage && !triage.hidden && (!previous || previous.id !== view.id || previous.version !== view.version)) {
      ['callerName', 'callerType', 'provinceCode', 'commune', 'fieldCode', 'priority', 'summary', 'description']
        .forEach((name) => { triage.elements[name].value = view[name] || (name === 'priority' ? 'NORMAL' : ''); });
    }
    const escalate = byId('tp-escalate');
    if (escalate && !escalate.hidden) {
      suggestDepartment(view.id);
    }
    loadHistory(view.id);
    loadAssignments(view.id);
    if (byId('tp-triage')) {
      loadRepeatCallers(view);
    }
  }

  /** Preselects the department the ticket's field is routed to; the operator may choose another. */
  async function suggestDepartment(id) {
    const res = await api('GET', '/api/escalations/tickets/' + id + '/routing-suggestion');
    const select = byId('tp-escalate-department');
    const hint = byId('tp-escalate-department-hint');
    if (res.ok && res.data.departmentCode) {
      select.value = res.data.departmentCode;
      hint.textContent = t('suggested_department', { d: res.data.departmentCode });
    } else {
      hint.textContent = t('no_suggestion');
    }
  }

  /** Every department the ticket was sent to: when, by whom, the note, the answer and any raise. */
  async function loadAssignments(id) {
    const res = await api('GET', '/api/escalations/tickets/' + id);
    const list = byId('tp-assignments');
    list.replaceChildren();
    const assignments = res.ok ? res.data : [];
    assignments.forEach((x) => {
      const item = el('li', {}, el('strong', {}, t('assignment_line',
        { department: nameOf('department', x.departmentCode), at: dateTime(x.escalatedAt), by: x.escalatedBy })),
        ' · ' + t('escalation_state_' + x.state));
      if (x.note) {
        item.append(el('p', { class: 'long-text' }, t('assignment_note', { note: x.note })));
      }
      if (x.answeredAt) {
        item.append(el('p', { class: 'long-text' },
          t('assignment_answer', { at: dateTime(x.answeredAt), by: x.answeredBy, answer: x.answer || '' })));
      }
      if (x.raisedAt) {
        item.append(el('p', {}, t('assignment_raised', { at: dateTime(x.raisedAt), reason: x.raiseReason || '' })));
      }
      list.append(item);
    });
    byId('tp-assignments-box').hidden = assignments.length === 0;
  }

  async function loadHistory(id) {
    const res = await api('GET', '/api/tickets/' + id + '/history');
    const list = byId('tp-history');
    list.replaceChildren();
    (res.ok ? res.data : []).forEach((h) => {
      list.append(el('li', {}, dateTime(h.at) + ' · ' + h.actor + ' · ' + t('status_label_$' + h.toStatus)
        + (h.departmentCode ? ' · ' + h.departmentCode : '') + (h.note ? ' — ' + h.note : '')));
    });
  }

  /** The caller's other open tickets: a repeat caller's new call is often about one of them. */
  async function loadRepeatCallers(view) {
    const box = byId('tp-repeat');
    box.hidden = true;
    if (!view.callerNumber) {
      return;
    }
    const res = await api('GET', '/api/tickets/repeat-suggestions?number=' + encodeURIComponent(view.callerNumber)
      + '&exclude=' + view.id);
    if (!res.ok || !res.data.length || !ticket || ticket.id !== view.id) {
      return;
    }
    renderTicketLinks(byId('tp-repeat-list'), res.data);
    box.hidden = false;
  }

  /** A list of tickets, each a button that opens it here. */
  function renderTicketLinks(list, tickets) {
    list.replaceChildren();
    tickets.forEach((x) => {
      list.append(el('li', {},
        el('button', { type: 'button', class: 'link', onclick: () => open(x.id, { focus: true }) }, x.reference),
        ' · ' + t('status_label_$' + x.status) + (x.summary ? ' · ' + x.summary : '')));
    });
  }

  async function submit(event) {
    event.preventDefault();
    const form = event.target;
    if (!ticket) {
      return;
    }
    const body = values(form);
    body.version = ticket.version;
    if (event.submitter && event.submitter.name) {
      body[event.submitter.name] = event.submitter.value === 'true' ? true
        : event.submitter.value === 'false' ? false : event.submitter.value;
    }
    const [method, path, payload] = ACTIONS[form.dataset.action](ticket.id, body);
    const buttons = form.querySelectorAll('button');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const res = await api(method, path, payload);
      if (res.ok) {
        clearErrors(form);
        form.querySelectorAll('textarea').forEach((x) => { x.value = ''; });
        render(res.data);
        message(t('done_' + form.dataset.action.replaceAll('-', '_'), { ref: res.data.reference }), 'ok');
        listeners.forEach((l) => l(res.data));
      } else if (res.status === 409) {
        showProblem(form, res.data);
        await open(ticket.id);
      } else {
        showProblem(form, res.data);
      }
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  panel.querySelectorAll('form[data-action]').forEach((form) => form.addEventListener('submit', submit));

  return {
    open,
    renderTicketLinks,
    /** Called with the ticket after every change made in the panel. */
    onChange: (listener) => listeners.push(listener),
    current: () => ticket,
  };
})();
