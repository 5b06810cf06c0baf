'use strict';

/**
 * The ticket work area (templates/ticket-panel.html): shows one ticket, its history, and the forms its
 * status allows for this user. Every change sends the ticket's version; a stale one reloads the ticket and
 * keeps what the user typed, with what changed meanwhile. Text typed and not yet sent is a draft, kept for
 * its ticket (in the tab's sessionStorage) when another ticket is opened, the page reloads or its language
 * changes, and put back when the ticket is opened again.
 */
const TicketPanel = (() => {
  const { t, api, el, dateTime, timeLeft, callerText, values, clearErrors, showProblem } = Hotline;
  const panel = document.getElementById('ticket-panel');
  const role = document.body.dataset.role;
  const listeners = [];
  const names = JSON.parse(document.getElementById('tp-names').textContent);
  const DRAFTS = 'hotline.drafts';
  let ticket = null;
  /** Each form's values as last filled in from the ticket: a form that differs holds a draft. */
  const baseline = new Map();

  /** The name of a field, province or department in the page's language; the code if it is not known. */
  function nameOf(kind, code) {
    return code ? (names[kind][code] || code) : '—';
  }

  /** The triage form's fields, as the ticket names them. */
  const TRIAGED_FIELDS = ['callerName', 'callerType', 'provinceCode', 'commune', 'fieldCode', 'priority', 'summary',
    'description'];

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
    keepDraft();
    const res = await api('GET', '/api/tickets/' + id);
    if (!res.ok) {
      panel.hidden = false;
      byId('tp-reference').textContent = t('error_not_found_title');
      byId('tp-status').textContent = '';
      message(Hotline.problemText(res.data), 'error');
      panel.querySelectorAll('form').forEach((f) => { f.hidden = true; });
      return [];
    }
    if (!ticket || ticket.id !== res.data.id) {
      message('');
      panel.querySelectorAll('form').forEach((f) => { clearErrors(f); f.reset(); });
    }
    render(res.data);
    const orphaned = restoreDraft(res.data.id);
    panel.hidden = false;
    const placeholder = byId('no-ticket');
    if (placeholder) {
      placeholder.hidden = true;
    }
    if (options && options.focus) {
      byId('tp-title').focus();
    }
    return orphaned;
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

    if (!previous || previous.id !== view.id || previous.version !== view.version) {
      const triage = byId('tp-triage');
      if (triage) {
        TRIAGED_FIELDS.forEach((name) => {
          triage.elements[name].value = view[name] || (name === 'priority' ? 'NORMAL' : '');
        });
      }
      panel.querySelectorAll('form[data-action]').forEach((f) => baseline.set(f.id, JSON.stringify(values(f))));
      Hotline.provincePicker.sync();
    }
    const escalate = byId('tp-escalate');
    if (escalate && !escalate.hidden) {
      suggestDepartment(view.id);
    }
    loadHistory(view.id);
    loadAssignments(view.id);
    loadCalls(view.id);
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

  /** The calls that opened this ticket (shown to those who may read the call log). */
  async function loadCalls(id) {
    const list = byId('tp-calls');
    if (!list) {
      return;
    }
    const [res, out] = await Promise.all([api('GET', '/api/calls?ticket=' + id + '&sort=arrivedAt,asc&size=50'),
      api('GET', '/api/calls/callbacks?ticket=' + id)]);
    const calls = res.ok ? res.data.items : [];
    const callbacks = out.ok ? out.data.slice().reverse() : [];
    list.replaceChildren(...calls.map((c) => el('li', {}, t('call_line', {
      at: dateTime(c.arrivedAt), state: t('call_state_' + c.state), operator: c.operatorUsername || c.operatorName || '—',
      wait: Hotline.clock(c.waitSeconds), talk: Hotline.clock(c.talkSeconds) }))),
    ...callbacks.map((c) => el('li', { class: 'outbound' }, t('callback_call_line', {
      at: dateTime(c.startedAt), number: c.number, operator: c.operatorUsername,
      outcome: c.outcome ? t('callback_outcome_$' + c.outcome) : t('callback_calling'),
      talk: Hotline.clock(c.talkSeconds) }))));
    byId('tp-calls-box').hidden = calls.length + callbacks.length === 0;
  }

  async function loadHistory(id) {
    const res = await api('GET', '/api/tickets/' + id + '/history');
    const list = byId('tp-history');
    list.replaceChildren();
    (res.ok ? res.data : []).forEach((h) => {
      const system = h.actor === 'system';
      list.append(el('li', {}, [dateTime(h.at), system ? t('system_actor') : h.actor,
        t('history_action_$' + h.action), t('status_label_$' + h.toStatus),
        h.departmentCode ? nameOf('department', h.departmentCode) : null].filter(Boolean).join(' · ')
        + (historyNote(h) ? ' — ' + historyNote(h) : '')));
    });
  }

  /**
   * A history note in the page's language: the system's own notes are known sentences with a text each
   * (a breach's note only repeats the department and deadline, which the entry shows); people's notes as written.
   */
  function historyNote(h) {
    const callback = /^callback:([A-Z_]+)$/.exec(h.note || '');
    if (callback) {
      return t('callback_outcome_$' + callback[1]);
    }
    if (h.actor !== 'system' || !h.note) {
      return h.note;
    }
    if (h.action === 'DEADLINE_BREACHED') {
      return null;
    }
    const key = 'system_note_' + h.note.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
    return t(key) !== key ? t(key) : h.note;
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
    renderTicketLinks(byId('tp-repeat-list'), res.data, ['NEW', 'TRIAGED', 'CALLBACK_PENDING', 'REOPENED']
      .includes(view.status) ? merge : null);
    box.hidden = false;
  }

  /** The call was about an earlier ticket: this one is merged into it, and the earlier one is opened. */
  async function merge(into) {
    const from = ticket;
    const res = await api('POST', '/api/tickets/' + from.id + '/duplicate', { version: from.version, duplicateOf: into.id });
    if (!res.ok) {
      message(Hotline.problemText(res.data), 'error');
      return;
    }
    listeners.forEach((l) => l(res.data));
    await open(into.id, { focus: true });
    message(t('done_merge', { ref: from.reference, into: into.reference }), 'ok');
  }

  /** A list of tickets, each a button that opens it here; with onMerge, a button to merge into each. */
  function renderTicketLinks(list, tickets, onMerge) {
    list.replaceChildren();
    tickets.forEach((x) => {
      list.append(el('li', {},
        el('button', { type: 'button', class: 'link', onclick: () => open(x.id, { focus: true }) }, x.reference),
        ' · ' + t('status_label_$' + x.status) + (x.summary ? ' · ' + x.summary : ''),
        onMerge ? [' ', el('button', { type: 'button', class: 'secondary merge', 'data-into': x.id,
          onclick: () => onMerge(x) }, t('merge_into', { ref: x.reference }))] : null));
    });
  }

  // --- Drafts -------------------------------------------------------------------------------------------

  /** The shown forms of the current ticket whose values differ from what the ticket says: formId → values. */
  function draftOfCurrent() {
    const draft = {};
    if (!ticket) {
      return draft;
    }
    panel.querySelectorAll('form[data-action]').forEach((f) => {
      const now = values(f);
      if (!f.hidden && baseline.has(f.id) && JSON.stringify(now) !== baseline.get(f.id)) {
        draft[f.id] = now;
      }
    });
    return draft;
  }

  function storedDrafts() {
    try {
      return JSON.parse(window.sessionStorage.getItem(DRAFTS) || '{}');
    } catch (e) {
      return {};
    }
  }

  function storeDrafts(drafts) {
    try {
      window.sessionStorage.setItem(DRAFTS, JSON.stringify(drafts));
    } catch (e) {
      // Private windows may refuse storage: the draft then lives only while the page does.
    }
  }

  /** Keeps the current ticket's draft (if any) for when it is opened again. */
  function keepDraft() {
    if (!ticket || Hotline.loggingOut()) {
      return;
    }
    const drafts = storedDrafts();
    const draft = draftOfCurrent();
    if (Object.keys(draft).length) {
      drafts[ticket.id] = draft;
    } else {
      delete drafts[ticket.id];
    }
    storeDrafts(drafts);
  }

  /** Puts a kept draft back into the ticket's forms; says so, and which typed text has no form any more. */
  function restoreDraft(id) {
    const drafts = storedDrafts();
    const draft = drafts[id];
    if (!draft) {
      return [];
    }
    delete drafts[id];
    storeDrafts(drafts);
    const orphaned = [];
    Object.entries(draft).forEach(([formId, saved]) => {
      const form = byId(formId);
      if (!form || form.hidden) {
        Object.values(saved).filter(Boolean).forEach((v) => orphaned.push(v));
        return;
      }
      Object.entries(saved).forEach(([name, value]) => {
        if (form.elements[name]) {
          form.elements[name].value = value === null ? '' : value;
        }
      });
    });
    Hotline.provincePicker.sync();
    message(orphaned.length ? t('draft_form_gone', { text: orphaned.join(' · ') }) : t('draft_restored'),
      orphaned.length ? 'error' : 'info');
    return orphaned;
  }

  /** What changed in the ticket between the version the user worked on and the one now on record. */
  function changesBetween(before, after) {
    const shown = {
      status: (v) => t('status_label_$' + v),
      callerName: String, callerType: (v) => t('caller_type_label_$' + v), provinceCode: (v) => nameOf('province', v),
      commune: String, fieldCode: (v) => nameOf('field', v), priority: (v) => t('priority_label_' + v),
      summary: String, description: String, departmentCode: (v) => nameOf('department', v), resolution: String,
    };
    const labels = { status: 'status', callerName: 'caller_name', callerType: 'caller_type', provinceCode: 'province',
      commune: 'commune', fieldCode: 'field', priority: 'priority', summary: 'summary', description: 'description',
      departmentCode: 'department', resolution: 'resolution' };
    return Object.keys(shown).filter((k) => (before[k] || null) !== (after[k] || null)).map((k) => t('change_line', {
      field: t(labels[k]), before: before[k] ? shown[k](before[k]) : '—', after: after[k] ? shown[k](after[k]) : '—',
    }));
  }

  function showChanges(form, lines) {
    let list = form.querySelector('.changes');
    if (!list) {
      list = el('ul', { class: 'changes' });
      form.querySelector('[data-form-error]').after(list);
    }
    list.replaceChildren(...lines.map((line) => el('li', {}, line)));
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
        showChanges(form, []);
        form.querySelectorAll('textarea').forEach((x) => { x.value = ''; });
        render(res.data);
        message(t('done_' + form.dataset.action.replaceAll('-', '_'), { ref: res.data.reference }), 'ok');
        listeners.forEach((l) => l(res.data));
      } else if (res.status === 409) {
        // Someone else changed the ticket: reload it, keep what this user typed, and show what changed.
        const before = ticket;
        const orphaned = await open(ticket.id);
        const changes = changesBetween(before, ticket);
        if (form.hidden) {
          // The ticket moved on and this form is no longer offered: all of it is said above the ticket.
          message([Hotline.problemText(res.data)].concat(changes.length ? [t('changes_title')].concat(changes) : [])
            .concat(orphaned.length ? [t('draft_form_gone', { text: orphaned.join(' · ') })] : []).join(' '), 'error');
        } else {
          showProblem(form, res.data);
          showChanges(form, changes.length ? [t('changes_title')].concat(changes) : []);
        }
      } else {
        showProblem(form, res.data);
      }
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  panel.querySelectorAll('form[data-action]').forEach((form) => form.addEventListener('submit', submit));
  // A reload, the language switch or logging out leaves the page: the draft stays with the tab.
  window.addEventListener('pagehide', keepDraft);

  return {
    open,
    renderTicketLinks,
    /** Called with the ticket after every change made in the panel. */
    onChange: (listener) => listeners.push(listener),
    current: () => ticket,
    /** Whether the user has typed into the open ticket's forms without sending it. */
    hasDraft: () => Object.keys(draftOfCurrent()).length > 0,
  };
})();
