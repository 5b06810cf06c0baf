'use strict';

/**
 * What every page's script shares: the page's texts, the server's clock, calls to /api/* with the session
 * cookie, dates and time left in the hotline's zone, and problem+json errors shown next to form fields.
 */
const Hotline = (() => {
  const body = document.body;
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const lang = body.dataset.lang || 'vi';
  const zone = body.dataset.zone || 'Asia/Ho_Chi_Minh';
  // Deadlines are counted against the server's clock, whatever the workstation's clock says.
  const skew = Number(body.dataset.serverNow || Date.now()) - Date.now();
  const DUE_SOON_MS = 4 * 3600 * 1000;

  /** The text for a key, with {name} placeholders filled in. */
  function t(key, vars) {
    let text = texts[key];
    if (text === undefined) {
      return key;
    }
    if (vars) {
      Object.keys(vars).forEach((k) => { text = text.split('{' + k + '}').join(String(vars[k])); });
    }
    return text;
  }

  function now() {
    return Date.now() + skew;
  }

  /** Calls the API as the logged-in user; an ended session sends the user back to the login page. */
  async function api(method, path, payload) {
    const headers = { 'Accept': 'application/json', 'Accept-Language': lang, 'X-Requested-With': 'XMLHttpRequest' };
    const init = { method, headers, credentials: 'same-origin' };
    if (payload !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      // No answer at all (network down, server restarting): said as a problem, so forms keep their text.
      return { status: 0, ok: false, data: { type: 'urn:problem:hotline:offline', status: 0 } };
    }
    if (res.status === 401) {
      window.location.assign('/login');
      throw new Error('session ended');
    }
    let data = null;
    const type = res.headers.get('Content-Type') || '';
    if (res.status !== 204 && type.includes('json')) {
      data = await res.json();
    }
    return { status: res.status, ok: res.ok, data };
  }

  const DATE_PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: '2-digit', month: '2-digit',
    year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

  /** One format on every page and in the public report, in either language: 26/11/2026 09:00, hotline time. */
  function dateTime(iso) {
    if (!iso) {
      return '';
    }
    const p = {};
    DATE_PARTS.formatToParts(new Date(iso)).forEach((x) => { p[x.type] = x.value; });
    return p.day + '/' + p.month + '/' + p.year + ' ' + p.hour + ':' + p.minute;
  }

  /** "2 d 3 h", "45 min": the larger two units of a duration. */
  function duration(ms) {
    const minutes = Math.max(0, Math.floor(ms / 60000));
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    const parts = [];
    if (d > 0) {
      parts.push(d + ' ' + t('unit_days'));
    }
    if (h > 0 && parts.length < 2) {
      parts.push(h + ' ' + t('unit_hours'));
    }
    if (d === 0 && (m > 0 || parts.length === 0)) {
      parts.push(m + ' ' + t('unit_minutes'));
    }
    return parts.join(' ');
  }

  /** A short wait or talk time as m:ss. */
  function clock(seconds) {
    if (seconds === null || seconds === undefined) {
      return '—';
    }
    return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  }

  /** Time left to a deadline: text, and a class for breached (past) or due soon. */
  function timeLeft(iso, breached) {
    const ms = Date.parse(iso) - now();
    if (breached || ms < 0) {
      return { text: t('breached_ago', { d: duration(-ms) }), cls: 'breached' };
    }
    return { text: t('time_left_value', { d: duration(ms) }), cls: ms < DUE_SOON_MS ? 'soon' : 'ok' };
  }

  /** Builds an element: el('td', {class: 'x'}, 'text', child). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) {
        return;
      }
      if (k === 'class') {
        node.className = v;
      } else if (k.startsWith('on')) {
        node.addEventListener(k.substring(2), v);
      } else {
        node.setAttribute(k, v === true ? '' : v);
      }
    });
    children.flat().forEach((c) => {
      if (c !== null && c !== undefined) {
        node.append(c instanceof Node ? c : document.createTextNode(String(c)));
      }
    });
    return node;
  }

  function callerText(item) {
    if (item.callerWithheld) {
      return t('caller_withheld');
    }
    return [item.callerNumber, item.callerName].filter(Boolean).join(' · ') || '—';
  }

  /** A form's named fields as an object: blank values are left out (null). */
  function values(form) {
    const out = {};
    Array.from(form.elements).forEach((e) => {
      if (!e.name || e.type === 'submit') {
        return;
      }
      const v = e.value.trim();
      out[e.name] = v === '' ? null : v;
    });
    return out;
  }

  function clearErrors(form) {
    form.querySelectorAll('.err').forEach((e) => { e.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
    const general = form.querySelector('[data-form-error]');
    if (general) {
      general.textContent = '';
    }
  }

  /**
   * What a problem+json answer means, in the page's language: by the problem's type (its English detail is
   * for programs), falling back on a general text.
   */
  function problemText(problem) {
    const type = (problem && problem.type) || '';
    const key = 'problem_' + type.substring(type.lastIndexOf(':') + 1).replaceAll('-', '_');
    const text = t(key);
    return text !== key ? text : t('problem_other');
  }

  /**
   * Shows a problem+json answer on a form: each violation next to its field (the input is marked invalid
   * and the first one gets the focus); anything else in the form's general message.
   */
  function showProblem(form, problem) {
    clearErrors(form);
    const general = form.querySelector('[data-form-error]');
    const unplaced = [];
    let first = null;
    ((problem && problem.violations) || []).forEach((v) => {
      const input = form.querySelector('[name="' + v.field + '"]');
      const slot = form.querySelector('.err[data-field="' + v.field + '"]')
        || (input && document.getElementById(input.id + '-err'));
      if (slot) {
        slot.textContent = v.message;
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          first = first || input;
        }
      } else {
        unplaced.push(v.field + ': ' + v.message);
      }
    });
    const detail = problem && problem.violations && problem.violations.length && !unplaced.length
      ? t('fix_fields')
      : [problemText(problem)].concat(unplaced).join(' ');
    if (general) {
      general.textContent = detail;
    }
    if (first) {
      first.focus();
    }
  }

  /** A filter form's filled-in fields as query parameters (blank ones left out). */
  function queryOf(form) {
    const query = new URLSearchParams();
    Object.entries(values(form)).forEach(([k, v]) => { if (v) { query.set(k, v); } });
    return query;
  }

  /**
   * The page's tabs ([role=tab], each naming its panel in aria-controls): a click or the arrow keys show a
   * tab's panel and hide the others. Returns show(tab, focus).
   */
  function tabs() {
    const all = Array.from(document.querySelectorAll('[role="tab"]'));
    function show(tab, focus) {
      all.forEach((x) => {
        const selected = x === tab;
        x.setAttribute('aria-selected', String(selected));
        x.tabIndex = selected ? 0 : -1;
        document.getElementById(x.getAttribute('aria-controls')).hidden = !selected;
      });
      if (focus) {
        tab.focus();
      }
    }
    all.forEach((tab, i) => {
      tab.addEventListener('click', () => show(tab, false));
      tab.addEventListener('keydown', (event) => {
        const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
        if (step) {
          event.preventDefault();
          show(all[(i + step + all.length) % all.length], true);
        }
      });
    });
    return show;
  }

  // --- Paged lists ---------------------------------------------------------------------------------------

  /** One CSV line: every value quoted, quotes doubled. */
  function csvLine(cells) {
    return cells.map((c) => '"' + String(c === null || c === undefined ? '' : c).replaceAll('"', '""') + '"').join(',');
  }

  /**
   * A table fed by a paged API listing ({items, page, size, total}): the total and the range shown, previous
   * and next pages, sorting by the header cells that name an API sort field (data-sort), and the whole
   * listing (every page, not only the one shown) as CSV. The table's id names its controls (#id-total,
   * #id-prev, #id-next, #id-csv).
   *
   * @param options.path the API address; options.query() its filters (URLSearchParams), read at each load;
   *     options.row(item) the table row; options.csv: [header, item => value] pairs; options.sort the first
   *     sort; options.onLoad(page) after each load; options.onError(problem) when the API refuses the filters
   */
  function pagedList(tableId, options) {
    const table = document.getElementById(tableId);
    const body = table.querySelector('tbody');
    const size = options.size || 20;
    let sort = options.sort;
    let page = 0;
    let last = null;

    const total = el('span', { id: tableId + '-total', class: 'total', 'aria-live': 'polite' });
    const prev = el('button', { type: 'button', id: tableId + '-prev', class: 'secondary',
      onclick: () => load(page - 1) }, t('page_prev'));
    const next = el('button', { type: 'button', id: tableId + '-next', class: 'secondary',
      onclick: () => load(page + 1) }, t('page_next'));
    const csv = el('button', { type: 'button', id: tableId + '-csv', class: 'secondary', onclick: () => exportCsv() },
      t('export_csv'));
    const bar = el('div', { class: 'pager' }, total, prev, next, options.csv ? csv : null);
    (table.closest('.table-wrap') || table).after(bar);

    table.querySelectorAll('th[data-sort]').forEach((th) => {
      const label = th.textContent;
      th.replaceChildren(el('button', { type: 'button', class: 'sort', onclick: () => {
        const field = th.dataset.sort;
        sort = field + (sort === field + ',asc' ? ',desc' : ',asc');
        load(0);
      } }, label));
    });

    function address(p, s) {
      const q = options.query ? options.query() : new URLSearchParams();
      q.set('page', p);
      q.set('size', s);
      if (sort) {
        q.set('sort', sort);
      }
      return options.path + (options.path.includes('?') ? '&' : '?') + q;
    }

    async function load(p) {
      const res = await api('GET', address(Math.max(0, p || 0), size));
      if (!res.ok) {
        if (options.onError) {
          options.onError(res.data);
        }
        return null;
      }
      last = res.data;
      page = last.page;
      body.replaceChildren(...last.items.map(options.row));
      const from = last.total === 0 ? 0 : page * size + 1;
      total.textContent = t('list_total', { from, to: page * size + last.items.length, total: last.total });
      prev.disabled = page === 0;
      next.disabled = (page + 1) * size >= last.total;
      csv.disabled = last.total === 0;
      table.querySelectorAll('th[data-sort]').forEach((th) => {
        const dir = sort === th.dataset.sort + ',asc' ? 'ascending' : sort === th.dataset.sort + ',desc' ? 'descending'
          : null;
        if (dir) {
          th.setAttribute('aria-sort', dir);
        } else {
          th.removeAttribute('aria-sort');
        }
      });
      if (options.onLoad) {
        options.onLoad(last);
      }
      return last;
    }

    /** Every page of the listing (200 rows a request), as a CSV file with a byte-order mark for spreadsheets. */
    async function exportCsv() {
      csv.disabled = true;
      try {
        const lines = [csvLine(options.csv.map(([header]) => header))];
        for (let p = 0; ; p++) {
          const res = await api('GET', address(p, 200));
          if (!res.ok) {
            return;
          }
          res.data.items.forEach((x) => lines.push(csvLine(options.csv.map(([, value]) => value(x)))));
          if ((p + 1) * 200 >= res.data.total || res.data.items.length === 0) {
            break;
          }
        }
        const link = el('a', { href: URL.createObjectURL(new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'],
          { type: 'text/csv;charset=utf-8' })), download: tableId + '.csv' });
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        csv.disabled = false;
      }
    }

    return { load, reload: () => load(page), total: () => (last ? last.total : null) };
  }

  /**
   * A ticket list with its filters (templates/ticket-filters.html): the form's fields are the API's query
   * parameters; nothing is asked for until the form is sent. A ticket opens with open(item), or on its own
   * page when there is no open.
   */
  function ticketSearch(form, open, onLoad) {
    let asked = false;
    const list = pagedList(form.id + '-results', {
      path: '/api/tickets',
      sort: 'createdAt,desc',
      query: () => queryOf(form),
      row: (x) => el('tr', { 'data-ticket-id': x.id },
        el('td', {}, open ? el('button', { type: 'button', class: 'link', onclick: () => open(x) }, x.reference)
          : el('a', { href: '/tickets/' + x.id }, x.reference)),
        el('td', {}, t('status_label_$' + x.status)),
        el('td', { class: 'hide-narrow' }, x.priority ? t('priority_label_' + x.priority) : '—'),
        el('td', {}, x.summary || '—'),
        el('td', { class: 'hide-narrow' }, dateTime(x.createdAt))),
      csv: [
        [t('ticket'), (x) => x.reference], [t('status'), (x) => t('status_label_$' + x.status)],
        [t('created'), (x) => dateTime(x.createdAt)], [t('caller'), callerText], [t('summary'), (x) => x.summary],
        [t('priority'), (x) => (x.priority ? t('priority_label_' + x.priority) : '')],
        [t('field'), (x) => x.fieldCode], [t('province'), (x) => x.provinceCode],
        [t('department'), (x) => x.departmentCode],
      ],
      onError: (problem) => showProblem(form, problem),
      onLoad: (page) => {
        clearErrors(form);
        document.getElementById(form.id + '-list').hidden = false;
        if (onLoad) {
          onLoad(page);
        }
      },
    });
    document.getElementById(form.id + '-list').hidden = true;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      asked = true;
      list.load(0);
    });
    return { reload: () => (asked ? list.reload() : null) };
  }

  // --- Province picker -----------------------------------------------------------------------------------

  /** Lower case without any diacritic or tone mark, đ as d: "Thành phố Hà Nội" → "thanh pho ha noi". */
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
  }

  /** A province's name without "Tỉnh" or "Thành phố", which every name begins with. */
  function bareName(name) {
    return name.replace(/^(Tỉnh|Thành phố|Province of|City of)\s+/i, '').replace(/\s+(Province|City)$/i, '');
  }

  /**
   * Every province list (select[data-provinces]) in Vietnamese alphabetical order of the bare names, with a
   * box before it that finds a province as it is typed: "ha noi", "Hà Nội" and "hanoi" all find Hà Nội.
   */
  const provincePicker = (() => {
    const collator = new Intl.Collator('vi', { sensitivity: 'base' });
    const finders = [];
    document.querySelectorAll('select[data-provinces]').forEach((select) => {
      const options = Array.from(select.options).filter((o) => o.value);
      options.sort((a, b) => collator.compare(bareName(a.textContent), bareName(b.textContent)));
      options.forEach((o) => {
        o.dataset.find = fold(bareName(o.textContent));
        select.append(o);
      });
      const find = el('input', { type: 'search', id: select.id + '-find', class: 'province-find',
        'aria-label': t('province_find'), 'aria-controls': select.id, placeholder: t('province_find'),
        autocomplete: 'off' });
      select.before(find);
      find.addEventListener('input', () => {
        const asked = fold(find.value);
        const joined = asked.replace(/\s+/g, '');
        let first = null;
        options.forEach((o) => {
          const match = !asked || o.dataset.find.includes(asked) || o.dataset.find.replace(/\s+/g, '').includes(joined);
          o.hidden = !match;
          first = first || (match ? o : null);
        });
        if (asked && first && select.value !== first.value) {
          select.value = first.value;
          select.dispatchEvent(new Event('change', { bubbles: true }));
        }
      });
      find.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          // The first match is chosen already: Enter goes on to the list rather than sending the form.
          event.preventDefault();
          select.focus();
        }
      });
      finders.push([find, options]);
    });
    return {
      /** After a form is filled in by the script: the finder is cleared, every province shown again. */
      sync: () => finders.forEach(([find, options]) => {
        find.value = '';
        options.forEach((o) => { o.hidden = false; });
      }),
    };
  })();

  // Logging out forgets what this tab kept (drafts, the popped call): the next user of the workstation
  // must not find them.
  let loggingOut = false;
  const logout = document.getElementById('logout');
  if (logout) {
    logout.form.addEventListener('submit', () => {
      loggingOut = true;
      try {
        window.sessionStorage.clear();
      } catch (e) {
        // Nothing was kept.
      }
    });
  }

  // The language switch comes back to this very page (with its query).
  // Read on click: the console changes its query (?ticket=) as the operator works.
  const langSwitch = document.getElementById('lang-switch');
  if (langSwitch) {
    const to = new URL(langSwitch.href, window.location.href).searchParams.get('to');
    langSwitch.addEventListener('click', () => {
      langSwitch.href = '/lang?to=' + to + '&back='
        + encodeURIComponent(window.location.pathname + window.location.search);
    });
  }

  /**
   * Follows a live feed (server-sent events): each burst of changes calls onChange once, a moment later. The
   * browser reconnects by itself after a break; onChange is then called too, for what happened meanwhile.
   */
  function live(path, onChange) {
    let timer = null;
    const soon = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onChange, 250);
    };
    const source = new EventSource(path, { withCredentials: true });
    source.onmessage = soon;
    source.onopen = soon;
    window.addEventListener('pagehide', () => source.close());
    return source;
  }

  /** A pause reason in the page's language (a reason set on the exchange itself as written). */
  function pauseReason(reason) {
    const key = 'pause_reason_' + String(reason || 'unspecified').replace(/-/g, '_');
    return t(key) !== key ? t(key) : reason;
  }

  return {
    t, now, api, dateTime, duration, clock, timeLeft, el, callerText, values, clearErrors, showProblem, problemText,
    pagedList, ticketSearch, provincePicker, queryOf, tabs, lang, live, pauseReason, loggingOut: () => loggingOut,
  };
})();
