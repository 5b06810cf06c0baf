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
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
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
    const res = await fetch(path, init);
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

  function dateTime(iso) {
    if (!iso) {
      return '';
    }
    return new Date(iso).toLocaleString(locale, { timeZone: zone, dateStyle: 'short', timeStyle: 'short' });
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
      : [(problem && problem.detail) || t('failed')].concat(unplaced).join(' ');
    if (general) {
      general.textContent = detail;
    }
    if (first) {
      first.focus();
    }
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

  return { t, now, api, dateTime, duration, clock, timeLeft, el, callerText, values, clearErrors, showProblem, lang };
})();
