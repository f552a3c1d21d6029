// The journal grid kept like a spreadsheet (issue 4, parts 2, 5 and 6). Our own small script, loaded from /static
// under CSP `script-src 'self'`: no inline code, no libraries. Without it the grid still works through the lesson
// pages, and each pupil's line there links to his cell's history.
//
// Cells are one tab stop (roving tabindex); arrows move, the term-mark column («Итог») included.
// - Typing 5, 4/3, н or оп and Enter saves the cell through the JSON API with the default work type; Delete removes
//   the cell's last mark (or its absence) after a confirmation.
// - Enter or F2, a tap on a focused cell or a click on a mark opens the cell's editor (the <dialog> of
//   journal-editor.mustache: modal, Tab kept inside, Esc closes, the focus goes back to the cell): change a mark's
//   value, work type and comment (PATCH with the version read; a 409 shows its message and the cell is read again),
//   delete that mark, or add a new one with another work type and a comment.
// - H (Р on a Russian layout) or the editor's «История» shows the cell's history: every mark of the pupil in that
//   lesson, deleted ones too, and his attendance — GET /api/v1/lessons/{id}/students/{sid}/history.
// - In «Итог» typing and Enter sets the period mark (PUT /api/v1/courses/{id}/term-marks/{sid}), the proposal beside
//   it; Delete clears it. A closed period renders the column without `open`: read only.
// Where the rules want a reason (after the edit window, or the deputy correcting), the editor asks for it before
// saving; the server's `reason_required` opens it too. After every save the pupil's row is read again from
// GET /api/v1/courses/{id}/journal, so the cells, the average, the proposal and the term mark show what is stored.
(function () {
  'use strict';

  const wrap = document.getElementById('journal');
  if (!wrap) return;
  const table = wrap.querySelector('table');
  const editable = wrap.dataset.editable === 'true';
  const readsHistory = wrap.dataset.history === 'true';
  // An ungraded course takes attendance only: its editor offers no mark fields and its rows have no sums.
  const takesMarks = wrap.dataset.grading !== 'ungraded';
  const csrf = wrap.dataset.csrf;
  const course = wrap.dataset.course;
  const period = Number(wrap.dataset.period);
  const journalURL = '/api/v1/courses/' + course + '/journal?periodId=' + period;
  const workType = document.getElementById('work-type');
  const live = document.getElementById('journal-live');
  const attendanceCodes = ['н', 'б', 'у', 'оп'];
  const reasonMessage = 'Укажите причину исправления: она сохранится в истории изменений.';

  // ---- Moving between cells

  function rows() {
    return Array.from(table.querySelectorAll('tbody tr[data-student]'));
  }

  function isTerm(td) {
    return td.classList.contains('term');
  }

  function focusable(td) {
    return !!td && ((td.classList.contains('cell') && !td.classList.contains('outside')) || td.classList.contains('term'));
  }

  /// Whether the signed-in person may write this cell now (the server decides again on every save).
  function opens(td) {
    return editable && td.classList.contains('open');
  }

  function focusCell(td) {
    if (!focusable(td)) return false;
    for (const other of table.querySelectorAll('tbody [tabindex="0"]')) other.tabIndex = -1;
    td.tabIndex = 0;
    td.focus();
    return true;
  }

  /// The next cell from `td` in a direction that can take the focus: cells outside a pupil's enrolment and the
  /// average and proposal columns are passed over.
  function neighbour(td, dRow, dCol) {
    const all = rows();
    let row = all.indexOf(td.parentElement);
    let col = td.cellIndex;
    for (;;) {
      row += dRow;
      col += dCol;
      const tr = all[row];
      if (!tr || col < 1 || !tr.cells[col]) return null;
      if (focusable(tr.cells[col])) return tr.cells[col];
    }
  }

  const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

  table.addEventListener('keydown', function (event) {
    const td = event.target;
    if (!(td instanceof HTMLTableCellElement) || !focusable(td)) return;
    const plain = !(event.ctrlKey || event.metaKey || event.altKey);
    if (moves[event.key]) {
      const [dRow, dCol] = moves[event.key];
      const next = neighbour(td, dRow, dCol);
      if (next) focusCell(next);
      event.preventDefault();
    } else if (plain && 'hHрР'.includes(event.key) && event.key.length === 1 && readsHistory && !isTerm(td)) {
      openEditor(td, { history: true });
      event.preventDefault();
    } else if (event.key === 'Enter' || event.key === 'F2') {
      if (isTerm(td)) {
        if (opens(td)) startTyping(td, termValue(td));
      } else if (opens(td) || readsHistory) {
        openEditor(td, {});
      }
      event.preventDefault();
    } else if (!opens(td)) {
      return;
    } else if (event.key === 'Delete') {
      if (isTerm(td)) clearTerm(td); else removeLast(td);
      event.preventDefault();
    } else if (plain && typesText(event)) {
      // The input takes the focus now, and the character typed lands in it: this way a letter of any layout
      // (н, оп) arrives as typed, even when the key event does not name it.
      startTyping(td, '');
    }
  });

  function typesText(event) {
    return (event.key.length === 1 && event.key !== ' ') || event.key === '' || event.key === 'Unidentified';
  }

  // A click focuses a cell; a click on a mark, or a second tap on the focused cell (a tablet has no Enter), opens it.
  // The press itself moves the focus, so whether the cell had it is read before, at pointerdown.
  let focusedBefore = null;
  table.addEventListener('pointerdown', function () {
    focusedBefore = document.activeElement;
  });
  table.addEventListener('click', function (event) {
    const td = event.target.closest('td');
    if (!focusable(td) || td.querySelector('input')) return;
    const again = focusedBefore === td;
    focusCell(td);
    const chip = event.target.closest('.mark');
    if (isTerm(td)) {
      if (again && opens(td)) startTyping(td, termValue(td));
    } else if ((chip || again) && (opens(td) || readsHistory)) {
      openEditor(td, { markId: chip ? chip.dataset.id : undefined });
    }
  });

  // ---- Typing into a cell

  function startTyping(td, first) {
    clearError(td);
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'cell-input';
    input.value = first;
    input.setAttribute('aria-label', (isTerm(td) ? 'Итоговая отметка, прогноз ' + proposalOf(td) + ': ' : 'Отметка или пропуск: ') + describe(td));
    input.autocomplete = 'off';
    td.classList.add('editing');
    td.appendChild(input);
    input.focus();
    input.select();
    input.addEventListener('keydown', function (event) {
      event.stopPropagation();
      if (event.key === 'Enter') {
        event.preventDefault();
        const text = input.value.trim();
        finishTyping(td, input);
        if (isTerm(td)) {
          if (text !== termValue(td)) saveTerm(td, text);
        } else if (text) {
          saveTyped(td, text);
        }
      } else if (event.key === 'Escape') {
        event.preventDefault();
        finishTyping(td, input);
      }
    });
    input.addEventListener('blur', function () {
      finishTyping(td, input, true);
    });
  }

  /// Removes the input once: removing a focused input fires its blur, which must not remove it again.
  function finishTyping(td, input, blurred) {
    if (input.dataset.done) return;
    input.dataset.done = 'true';
    td.classList.remove('editing');
    if (!blurred) td.focus();
    input.remove();
  }

  function column(td) {
    return table.tHead.rows[0].cells[td.cellIndex];
  }

  function describe(td) {
    const pupil = td.parentElement.querySelector('th').textContent;
    // A lesson's header holds its date's link beside the control work's label; the sums' headers are plain text.
    const header = column(td);
    const day = (header.querySelector('a') || header).textContent;
    return pupil + ', ' + day;
  }

  function studentOf(td) {
    return Number(td.parentElement.dataset.student);
  }

  function proposalOf(td) {
    const cell = td.parentElement.querySelector('.proposal');
    const proposal = cell && cell.firstChild;
    return proposal ? proposal.textContent.trim() : '—';
  }

  function termValue(td) {
    return td.querySelector('.term-value').textContent.trim();
  }

  /// Whether the column's cells are open only with a written reason (the page says so for its lesson).
  function wantsReason(td) {
    if (isTerm(td)) return wrap.dataset.termReason === 'true';
    return table.tHead.rows[0].cells[td.cellIndex].dataset.reason === 'true';
  }

  /// A new entry of a lesson's cell: an attendance code, or a mark with its work type and comment.
  function addEntry(td, entry) {
    const code = entry.value.toLowerCase();
    if (attendanceCodes.includes(code)) {
      return call('PUT', '/api/v1/lessons/' + td.dataset.lesson + '/attendance/' + studentOf(td), { code: code, reason: entry.reason });
    }
    return call('POST', '/api/v1/lessons/' + td.dataset.lesson + '/marks', {
      studentId: studentOf(td), value: entry.value, workType: entry.workType ? Number(entry.workType) : undefined, comment: entry.comment, reason: entry.reason,
    });
  }

  async function saveTyped(td, text) {
    if (wantsReason(td)) return openEditor(td, { value: text });
    try {
      // A control lesson's column gives its marks its own work type; an ungraded course has no work types at all.
      await addEntry(td, { value: text, workType: column(td).dataset.controlWorkType || (workType ? workType.value : undefined) });
      await refresh(td.parentElement);
      say('Сохранено: ' + text + ', ' + describe(td));
    } catch (error) {
      if (error.code === 'reason_required') return openEditor(td, { value: text, error: error });
      showError(td, error.message);
    }
  }

  async function removeLast(td) {
    clearError(td);
    const marks = td.querySelectorAll('.mark');
    const last = marks[marks.length - 1];
    const code = td.querySelector('.code');
    // A correction with a reason is made in the editor, where the reason is asked for.
    if ((last || code) && wantsReason(td)) return openEditor(td, { markId: last ? last.dataset.id : undefined });
    try {
      if (last) {
        if (!window.confirm('Удалить отметку «' + last.textContent + '» (' + describe(td) + ')?')) return;
        await call('DELETE', '/api/v1/marks/' + last.dataset.id, { version: Number(last.dataset.version) });
      } else if (code) {
        if (!window.confirm('Убрать пропуск «' + code.textContent + '» (' + describe(td) + ')?')) return;
        await call('PUT', '/api/v1/lessons/' + td.dataset.lesson + '/attendance/' + studentOf(td), { code: null });
      } else {
        return;
      }
      await refresh(td.parentElement);
      say('Удалено: ' + describe(td));
    } catch (error) {
      showError(td, error.message);
    }
  }

  // ---- The term mark

  function putTerm(td, text, reason) {
    return call('PUT', '/api/v1/courses/' + course + '/term-marks/' + studentOf(td), {
      periodId: period, value: text || null, version: Number(td.dataset.version), reason: reason,
    });
  }

  async function saveTerm(td, text) {
    if (wantsReason(td)) return openEditor(td, { value: text });
    try {
      await putTerm(td, text);
      await refresh(td.parentElement);
      say((text ? 'Итоговая отметка ' + text : 'Итоговая отметка удалена') + ': ' + describe(td));
    } catch (error) {
      if (error.code === 'reason_required') return openEditor(td, { value: text, error: error });
      if (error.code === 'conflict') await refresh(td.parentElement).catch(function () {});
      showError(td, error.message);
    }
  }

  function clearTerm(td) {
    const current = termValue(td);
    if (!current) return;
    if (!wantsReason(td) && !window.confirm('Удалить итоговую отметку «' + current + '» (' + describe(td) + ')?')) return;
    saveTerm(td, '');
  }

  // ---- The cell's editor

  const dialog = document.getElementById('cell-editor');
  const form = document.getElementById('editor-form');
  const field = function (id) { return document.getElementById('editor-' + id); };
  const [title, note, markList, fields, valueInput, valueLabel, typeInput, commentInput, reasonInput, errorBox] =
    ['title', 'note', 'marks', 'fields', 'value', 'value-label', 'work-type', 'comment', 'reason', 'error'].map(field);
  const [saveButton, deleteButton, historyButton, backButton, closeButton, historyPanel, historyList, historyPage] =
    ['save', 'delete', 'history', 'back', 'close', 'history-panel', 'history-list', 'history-page'].map(field);
  /// What the editor is open on: the cell, and the mark chosen in it (null: a new entry).
  let editing = null;

  function show(elements, visible) {
    for (const element of elements) element.hidden = !visible;
  }

  /// Opens the editor on a cell: on `options.markId`, or with `options.value` typed as a new entry, or else on the
  /// cell's last mark (a new entry when it has none); `options.history` shows the history at once.
  function openEditor(td, options) {
    clearError(td);
    const term = isTerm(td);
    const writes = opens(td);
    editing = { td: td, markId: null, asksReason: writes && (wantsReason(td) || (options.error && options.error.code === 'reason_required')) };
    title.textContent = (term ? 'Итоговая отметка: ' + td.parentElement.querySelector('th').textContent + ', ' + wrap.dataset.periodTitle
      : 'Клетка: ' + describe(td));
    note.textContent = term ? 'Прогноз: ' + proposalOf(td) : (writes ? '' : 'Только просмотр: изменить эту клетку сейчас нельзя.');
    valueLabel.textContent = term ? 'Итоговая отметка' : (takesMarks ? 'Отметка или пропуск' : 'Пропуск (н, оп)');
    show([fields, saveButton], writes);
    show(form.querySelectorAll('.for-marks'), !term && takesMarks);
    show(form.querySelectorAll('.for-reason'), editing.asksReason);
    show([historyButton], readsHistory && !term);
    show([historyPanel, deleteButton, backButton], false);
    reasonInput.value = '';
    fillMarks();
    const last = Array.from(td.querySelectorAll('.mark')).pop();
    if (term) {
      valueInput.value = options.value !== undefined ? options.value : termValue(td);
      saveButton.textContent = 'Сохранить';
    } else {
      choose(options.markId || (options.value === undefined && last ? last.dataset.id : null), options.value);
    }
    showEditorError(options.error ? options.error.message : '');
    if (!dialog.open) dialog.showModal();
    if (options.history) showHistory();
    else if (!writes) (readsHistory && !term ? historyButton : closeButton).focus();
    else (editing.asksReason && options.value !== undefined ? reasonInput : valueInput).focus();
  }

  /// The cell's marks as buttons to choose one by (or as text, read only), then «Новая отметка».
  function fillMarks() {
    const td = editing.td;
    markList.replaceChildren();
    if (isTerm(td)) return show([markList], false);
    const writes = opens(td);
    const chips = Array.from(td.querySelectorAll('.mark'));
    const code = td.querySelector('.code');
    for (const chip of chips) {
      const item = document.createElement(writes ? 'button' : 'span');
      item.className = 'editor-mark';
      item.dataset.id = chip.dataset.id;
      item.textContent = chip.textContent + ' — ' + chip.title;
      if (writes) {
        item.type = 'button';
        item.addEventListener('click', function () { choose(chip.dataset.id); valueInput.focus(); });
      }
      markList.appendChild(item);
    }
    if (code) {
      const item = document.createElement(writes ? 'button' : 'span');
      item.className = 'editor-mark code-note';
      item.textContent = writes ? 'Убрать пропуск «' + code.textContent + '»' : 'Посещаемость: ' + code.textContent;
      if (writes) {
        item.type = 'button';
        item.addEventListener('click', clearAbsence);
      }
      markList.appendChild(item);
    }
    if (writes) {
      const fresh = document.createElement('button');
      fresh.type = 'button';
      fresh.className = 'editor-mark new-mark';
      fresh.textContent = '+ Новая отметка';
      fresh.addEventListener('click', function () { choose(null); valueInput.focus(); });
      markList.appendChild(fresh);
    }
    show([markList], markList.childElementCount > 0);
  }

  /// Fills the fields from a mark of the cell, or empties them for a new entry (`value`: what was typed, if anything).
  function choose(markId, value) {
    const chip = markId ? editing.td.querySelector('.mark[data-id="' + markId + '"]') : null;
    editing.markId = chip ? markId : null;
    valueInput.value = chip ? chip.textContent : (value || '');
    typeInput.value = chip ? chip.dataset.workType : (column(editing.td).dataset.controlWorkType || (workType ? workType.value : typeInput.value));
    commentInput.value = chip ? chip.dataset.comment : '';
    saveButton.textContent = chip ? 'Сохранить изменения' : 'Добавить';
    show([deleteButton], !!chip && opens(editing.td));
    for (const item of markList.querySelectorAll('button.editor-mark:not(.code-note)')) {
      item.setAttribute('aria-pressed', String(item.dataset.id === editing.markId || (!item.dataset.id && !editing.markId)));
    }
  }

  function showEditorError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  /// The reason typed, or undefined; a missing required one is said in the editor and stops the write.
  function reasonGiven() {
    const reason = reasonInput.value.trim();
    if (reason || !editing.asksReason) return reason || undefined;
    showEditorError(reasonMessage);
    reasonInput.focus();
    return null;
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    const td = editing.td;
    const reason = reasonGiven();
    if (reason === null) return;
    const value = valueInput.value.trim();
    try {
      if (isTerm(td)) {
        await putTerm(td, value, reason);
      } else if (editing.markId) {
        const chip = td.querySelector('.mark[data-id="' + editing.markId + '"]');
        const change = { version: Number(chip.dataset.version), reason: reason };
        if (value !== chip.textContent) change.value = value;
        if (typeInput.value !== chip.dataset.workType) change.workType = Number(typeInput.value);
        if (commentInput.value.trim() !== chip.dataset.comment) change.comment = commentInput.value.trim() || null;
        if (Object.keys(change).length > 2) await call('PATCH', '/api/v1/marks/' + editing.markId, change);
      } else if (value) {
        await addEntry(td, { value: value, workType: typeInput.value, comment: commentInput.value.trim() || undefined, reason: reason });
      } else {
        showEditorError('Введите отметку (5, 4/3) или пропуск (н, оп).');
        return valueInput.focus();
      }
    } catch (error) {
      return refused(error);
    }
    written(td, 'Сохранено: ' + describe(td));
  });

  deleteButton.addEventListener('click', async function () {
    const td = editing.td;
    const chip = td.querySelector('.mark[data-id="' + editing.markId + '"]');
    if (!chip) return;
    const reason = reasonGiven();
    if (reason === null) return;
    if (!window.confirm('Удалить отметку «' + chip.textContent + '» (' + describe(td) + ')?')) return;
    try {
      await call('DELETE', '/api/v1/marks/' + chip.dataset.id, { version: Number(chip.dataset.version), reason: reason });
    } catch (error) {
      return refused(error);
    }
    written(td, 'Удалено: ' + describe(td));
  });

  /// The absence of the cell cleared from the editor (where a correction's reason is asked for).
  async function clearAbsence() {
    const td = editing.td;
    const code = td.querySelector('.code');
    const reason = reasonGiven();
    if (!code || reason === null) return;
    if (!window.confirm('Убрать пропуск «' + code.textContent + '» (' + describe(td) + ')?')) return;
    try {
      await call('PUT', '/api/v1/lessons/' + td.dataset.lesson + '/attendance/' + studentOf(td), { code: null, reason: reason });
    } catch (error) {
      return refused(error);
    }
    written(td, 'Пропуск снят: ' + describe(td));
  }

  /// After a write: the editor closes, the focus is back on the cell, and the pupil's row is read again.
  async function written(td, message) {
    dialog.close();
    try {
      await refresh(td.parentElement);
      say(message);
    } catch (error) {
      showError(td, error.message);
    }
  }

  /// A refused write keeps the editor open with the message. A missing reason opens its field; a conflict (someone
  /// saved the cell meanwhile) reads the cell again and shows the mark as it is now.
  async function refused(error) {
    showEditorError(error.message);
    if (error.code === 'reason_required') {
      editing.asksReason = true;
      show(form.querySelectorAll('.for-reason'), true);
      return reasonInput.focus();
    }
    if (error.code === 'conflict') {
      const markId = editing.markId;
      try {
        await refresh(editing.td.parentElement);
      } catch (_) { /* the message already says to read again */ }
      fillMarks();
      if (!isTerm(editing.td)) choose(markId);
      else valueInput.value = termValue(editing.td);
    }
    valueInput.focus();
  }

  historyButton.addEventListener('click', function () { showHistory(); });
  backButton.addEventListener('click', function () { openEditor(editing.td, { markId: editing.markId || undefined }); });
  closeButton.addEventListener('click', function () { dialog.close(); });

  // Esc closes a modal dialog by itself; either way the focus goes back to the cell it was opened on.
  dialog.addEventListener('close', function () {
    if (editing) focusCell(editing.td);
  });
  // Tab and Shift+Tab go round the editor's controls (the page behind is inert while it is open).
  dialog.addEventListener('keydown', function (event) {
    if (event.key !== 'Tab') return;
    const controls = Array.from(dialog.querySelectorAll('button, input, select, a[href]'))
      .filter(function (element) { return !element.disabled && element.getClientRects().length > 0; });
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      last.focus();
      event.preventDefault();
    } else if (!event.shiftKey && document.activeElement === last) {
      first.focus();
      event.preventDefault();
    }
  });

  // ---- A cell's history

  const actions = {
    mark: { create: 'Отметка поставлена', update: 'Отметка изменена', delete: 'Отметка удалена' },
    attendance: { create: 'Пропуск отмечен', update: 'Пропуск изменён', delete: 'Пропуск снят' },
  };
  const roles = { teacher: 'учитель', deputy: 'заместитель директора', admin: 'администратор' };
  const when = new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
  });

  /// The history takes the editor's place (the marks and fields would push it out of sight on a phone); «К отметкам»
  /// brings them back.
  async function showHistory() {
    const td = editing.td;
    const url = '/lessons/' + td.dataset.lesson + '/students/' + studentOf(td) + '/history';
    historyPage.href = url;
    historyList.replaceChildren();
    show([markList, fields, saveButton, deleteButton, historyButton, errorBox], false);
    show([historyPanel], true);
    show([backButton], opens(td));
    try {
      const answer = await call('GET', '/api/v1' + url);
      for (const line of answer.history) historyList.appendChild(historyLine(line));
      if (answer.history.length === 0) historyList.appendChild(textItem('Изменений в этой клетке ещё не было.'));
    } catch (error) {
      historyList.appendChild(textItem(error.message));
    }
    document.getElementById('editor-history-title').focus();
  }

  function historyLine(line) {
    const item = document.createElement('li');
    const head = document.createElement('span');
    head.className = 'history-head';
    head.textContent = when.format(new Date(line.at)) + ' · ' + ((actions[line.entity] || {})[line.action] || line.action);
    const who = document.createElement('span');
    who.className = 'history-who';
    who.textContent = (line.actorName || '—') + (roles[line.actorRole] ? ' (' + roles[line.actorRole] + ')' : '');
    const change = document.createElement('span');
    change.className = 'history-change';
    change.textContent = (line.oldValue || '—') + ' → ' + (line.newValue || '—');
    item.append(head, who, change);
    if (line.reason) {
      const reason = document.createElement('span');
      reason.className = 'history-reason';
      reason.textContent = 'Причина: ' + line.reason;
      item.appendChild(reason);
    }
    return item;
  }

  function textItem(text) {
    const item = document.createElement('li');
    item.textContent = text;
    return item;
  }

  // ---- The server

  async function call(method, url, body) {
    let response;
    try {
      response = await fetch(url, {
        method: method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (_) {
      throw { message: 'Нет связи с сервером: запись не сохранена. Проверьте подключение и повторите.' };
    }
    if (response.ok) return response.status === 204 ? null : response.json();
    let problem = { message: 'Не удалось сохранить (ошибка ' + response.status + '). Обновите страницу.' };
    try {
      const data = await response.json();
      if (data && data.error) problem = { code: data.error.code, message: data.error.message };
    } catch (_) { /* not JSON: keep the general message */ }
    throw problem;
  }

  /// Reads the journal again and shows the pupil's cells, average, proposal and term mark as the server holds them.
  async function refresh(tr) {
    const journal = await call('GET', journalURL);
    const student = Number(tr.dataset.student);
    const names = {};
    for (const option of typeInput ? typeInput.options : []) names[option.value] = option.textContent;
    for (const td of tr.querySelectorAll('td.cell:not(.outside)')) {
      const lesson = Number(td.dataset.lesson);
      for (const old of td.querySelectorAll('.mark, .code')) old.remove();
      for (const mark of journal.marks) {
        if (mark.lessonId !== lesson || mark.studentId !== student) continue;
        const span = document.createElement('span');
        span.className = 'mark';
        span.dataset.id = mark.id;
        span.dataset.version = mark.version;
        span.dataset.workType = mark.workType;
        span.dataset.comment = mark.comment || '';
        // As the page writes it: the work type as the editor's list names it, then the comment.
        span.title = (names[mark.workType] || 'Отметка (вес ' + mark.weight + ')') + (mark.comment ? ': ' + mark.comment : '');
        span.textContent = mark.value;
        td.appendChild(span);
      }
      const cell = journal.attendance.find(function (a) { return a.lessonId === lesson && a.studentId === student; });
      if (cell) {
        const span = document.createElement('span');
        span.className = 'code';
        span.textContent = cell.code;
        td.appendChild(span);
      }
    }
    const standing = journal.averages.find(function (a) { return a.studentId === student; });
    if (standing && tr.querySelector('.average')) {
      tr.querySelector('.average').textContent = standing.weightedAverage ? standing.weightedAverage.replace('.', ',') : '—';
      const proposal = tr.querySelector('.proposal');
      proposal.textContent = standing.proposedMark === null ? '—' : String(standing.proposedMark);
      if (standing.proposedMark === null) {
        const why = document.createElement('span');
        why.className = 'why';
        why.textContent = standing.proposal;
        proposal.appendChild(why);
      }
    }
    const term = journal.termMarks.find(function (t) { return t.studentId === student; });
    const termCell = tr.querySelector('.term');
    if (!termCell) return;
    termCell.querySelector('.term-value').textContent = term ? term.value : '';
    termCell.dataset.version = term ? term.version : 0;
  }

  // ---- Messages

  function showError(td, message) {
    clearError(td);
    const box = document.createElement('span');
    box.className = 'cell-error';
    box.setAttribute('role', 'alert');
    box.setAttribute('aria-live', 'assertive');
    box.textContent = message;
    td.classList.add('has-error');
    td.setAttribute('aria-invalid', 'true');
    td.appendChild(box);
    // The table's box clips what sticks out of it: a message with no room below the cell opens above it, and in a
    // table too short for either the box grows below the table while the message is shown.
    const below = table.offsetHeight - td.offsetTop - td.offsetHeight;
    if (below < box.offsetHeight && td.offsetTop > box.offsetHeight) box.classList.add('above');
    else if (below < box.offsetHeight) wrap.style.paddingBottom = (box.offsetHeight - below + 8) + 'px';
    td.focus();
  }

  function clearError(td) {
    for (const box of td.querySelectorAll('.cell-error')) box.remove();
    td.classList.remove('has-error');
    td.removeAttribute('aria-invalid');
    if (!table.querySelector('.cell-error')) wrap.style.paddingBottom = '';
  }

  function say(text) {
    if (live) live.textContent = text;
  }
})();
