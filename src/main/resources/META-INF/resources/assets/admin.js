'use strict';

/**
 * Administration: users (their role, department and extension; a removal ends their sessions), the
 * departments that answer escalated tickets, and which department each field's tickets are suggested to.
 */
(() => {
  const { t, api, el, values, clearErrors, showProblem } = Hotline;

  function byId(id) {
    return document.getElementById(id);
  }

  function done(id, text) {
    byId(id).textContent = text;
  }

  // --- Tabs ---------------------------------------------------------------------------------------------

  Hotline.tabs();

  // --- Users --------------------------------------------------------------------------------------------

  const userForm = byId('user-form');
  const roleSelect = byId('user-role');
  Array.from(roleSelect.options).forEach((o) => { o.textContent = t('role_' + o.value); });
  let editing = null;

  function newUser() {
    editing = null;
    userForm.reset();
    clearErrors(userForm);
    userForm.elements.username.readOnly = false;
    byId('user-form-title').textContent = t('admin_user_new');
    byId('user-password-label').className = 'req';
  }

  function edit(user) {
    newUser();
    editing = user;
    ['username', 'displayName', 'role', 'departmentCode', 'extension', 'version'].forEach((name) => {
      userForm.elements[name].value = user[name] === null || user[name] === undefined ? '' : user[name];
    });
    userForm.elements.username.readOnly = true;
    byId('user-form-title').textContent = t('admin_user_edit', { user: user.username });
    byId('user-password-label').className = '';
    userForm.elements.displayName.focus();
  }

  async function loadUsers() {
    const res = await api('GET', '/api/admin/users');
    const users = res.ok ? res.data : [];
    byId('users-total').textContent = t('admin_users_total', { total: users.length });
    byId('users').querySelector('tbody').replaceChildren(...users.map((u) => el('tr', { 'data-user': u.username },
      el('td', {}, u.username), el('td', {}, u.displayName), el('td', {}, t('role_' + u.role)),
      el('td', {}, u.departmentCode || '—'), el('td', {}, u.extension || '—'),
      el('td', {},
        el('button', { type: 'button', class: 'link edit', onclick: () => edit(u) }, t('admin_edit')), ' ',
        el('button', { type: 'button', class: 'link delete', onclick: () => remove(u) }, t('admin_delete'))))));
  }

  async function remove(user) {
    if (!window.confirm(t('admin_confirm_delete', { user: user.username }))) {
      return;
    }
    const res = await api('DELETE', '/api/admin/users/' + encodeURIComponent(user.username));
    if (res.ok) {
      done('user-done', t('admin_deleted_user', { user: user.username }));
      newUser();
    } else {
      showProblem(userForm, res.data);
    }
    await loadUsers();
  }

  userForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    done('user-done', '');
    const body = values(userForm);
    const res = editing
      ? await api('PUT', '/api/admin/users/' + encodeURIComponent(editing.username),
        { ...body, username: undefined, version: Number(body.version) })
      : await api('POST', '/api/admin/users', { ...body, version: undefined });
    if (!res.ok) {
      showProblem(userForm, res.data);
      return;
    }
    done('user-done', t('admin_saved_user', { user: res.data.username }));
    await loadUsers();
    edit(res.data);
  });
  byId('user-new').addEventListener('click', newUser);

  // --- Departments --------------------------------------------------------------------------------------

  const departmentForm = byId('department-form');

  async function loadDepartments() {
    const res = await api('GET', '/api/directory/departments');
    byId('departments').querySelector('tbody').replaceChildren(...(res.ok ? res.data : []).map((x) => el('tr',
      { 'data-code': x.code }, el('td', {}, x.code), el('td', {}, x.nameVi), el('td', {}, x.nameEn),
      el('td', {}, el('button', { type: 'button', class: 'link edit', onclick: () => {
        departmentForm.elements.code.value = x.code;
        departmentForm.elements.nameVi.value = x.nameVi;
        departmentForm.elements.nameEn.value = x.nameEn;
        departmentForm.elements.active.value = 'true';
        departmentForm.elements.nameVi.focus();
      } }, t('admin_edit'))))));
  }

  departmentForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    done('department-done', '');
    const body = values(departmentForm);
    const res = await api('PUT', '/api/directory/departments/' + encodeURIComponent(body.code || ''),
      { nameVi: body.nameVi, nameEn: body.nameEn, active: body.active === 'true' });
    if (!res.ok) {
      if (res.data && res.data.violations) {
        // The code travels in the address: the API names it by its parameter.
        res.data.violations.forEach((v) => { if (v.field === 'saveDepartment.code' || v.field === 'code') { v.field = 'code'; } });
      }
      showProblem(departmentForm, res.data);
      return;
    }
    clearErrors(departmentForm);
    done('department-done', t('admin_saved_department', { code: body.code }));
    await loadDepartments();
  });

  // --- Routing rules ------------------------------------------------------------------------------------

  const versions = {};
  async function loadRoutes() {
    const res = await api('GET', '/api/directory/routing-rules');
    (res.ok ? res.data : []).forEach((r) => {
      versions[r.fieldCode] = r.version;
      const select = byId('route-' + r.fieldCode);
      if (select) {
        select.value = r.departmentCode;
      }
    });
  }

  document.querySelectorAll('#routes select').forEach((select) => select.addEventListener('change', async () => {
    const field = select.dataset.field;
    done('routes-done', '');
    byId('routes-error').textContent = '';
    const res = await api('PUT', '/api/directory/routing-rules/' + field,
      { departmentCode: select.value || null, version: versions[field] });
    if (!res.ok) {
      byId('routes-error').textContent = Hotline.problemText(res.data) + ' '
        + ((res.data && res.data.violations) || []).map((v) => v.message).join(' ');
      await loadRoutes();
      return;
    }
    versions[field] = res.data.version;
    const label = select.closest('tr').querySelector('label').textContent;
    done('routes-done', t('admin_saved_route', { field: label, department: select.selectedOptions[0].textContent }));
  }));

  newUser();
  loadUsers();
  loadDepartments();
  loadRoutes();
})();
