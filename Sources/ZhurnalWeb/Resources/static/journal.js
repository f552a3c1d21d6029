// The journal grid kept like a spreadsheet (issue 4, part 2). Our own small script, loaded from /static under
// CSP `script-src 'self'`: no inline code, no libraries. Without it the grid still works through the lesson pages.
//
// Cells are one tab stop (roving tabindex); arrows move; typing 5, 4/3, н or оп and Enter saves the cell through the
// JSON API; Delete removes the cell's last mark after a confirmation. The pupil's row is then read again from
// GET /api/v1/courses/{id}/journal, so the cell, the average and the proposal show what the server holds.
(function () {
  'use strict';

  const wrap = document.getElementById('journal');
  if (!wrap) return;
  const table = wrap.querySelector('table');
  const editable = wrap.dataset.editable === 'true';
  const csrf = wrap.dataset.csrf;
  const journalURL = '/api/v1/courses/' + wrap.dataset.course + '/journal?periodId=' + wrap.dataset.period;
  const workType = document.getElementById('work-type');
  const live = document.getElementById('journal-live');
  const attendanceCodes = ['н', 'б', 'у', 'оп'];

  // ---- Moving between cells

  function rows() {
    return Array.from(table.querySelectorAll('tbody tr[data-student]'));
  }

  function focusable(td) {
    return td && td.classList.contains('cell') && !td.classList.contains('outside');
  }

  function focusCell(td) {
    if (!focusable(td)) return false;
    for (const other of table.querySelectorAll('td.cell[tabindex="0"]')) other.tabIndex = -1;
    td.tabIndex = 0;
    td.focus();
    return true;
  }

  /// The next cell from `td` in a direction that can take the focus (cells outside a pupil's enrolment are skipped).
  function neighbour(td, dRow, dCol) {
    const all = rows();
    let row = all.indexOf(td.parentElement);
    let col = td.cellIndex;
    for (;;) {
      row += dRow;
      col += dCol;
      const tr = all[row];
      if (!tr || col < 1) return null;
      const next = tr.cells[col];
      if (!next || !next.classList.contains('cell')) return null;
      if (focusable(next)) return next;
    }
  }

  const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

  table.addEventListener('keydown', function (event) {
    const td = event.target;
    if (!(td instanceof HTMLTableCellElement) || !focusable(td)) return;
    if (moves[event.key]) {
      const [dRow, dCol] = moves[event.key];
      const next = neighbour(td, dRow, dCol);
      if (next) focusCell(next);
      event.preventDefault();
      return;
    }
    if (!editable || !td.classList.contains('open')) return;
    if (event.key === 'Enter' || event.key === 'F2') {
      startEditing(td, '');
      event.preventDefault();
    } else if (event.key === 'Delete') {
      removeLast(td);
      event.preventDefault();
    } else if (typesText(event)) {
      // The editor takes the focus now, and the character typed lands in it: this way a letter of any layout
      // (н, оп) arrives as typed, even when the key event does not name it.
      startEditing(td, '');
    }
  });

  function typesText(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    return (event.key.length === 1 && event.key !== ' ') || event.key === '' || event.key === 'Unidentified';
  }

  table.addEventListener('click', function (event) {
    const td = event.target.closest('td.cell');
    if (td && !td.querySelector('input')) focusCell(td);
  });

  // ---- Editing one cell

  function startEditing(td, first) {
    clearError(td);
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'cell-input';
    input.value = first;
    input.setAttribute('aria-label', 'Отметка или пропуск: ' + describe(td));
    input.autocomplete = 'off';
    td.classList.add('editing');
    td.appendChild(input);
    input.focus();
    input.addEventListener('keydown', function (event) {
      event.stopPropagation();
      if (event.key === 'Enter') {
        event.preventDefault();
        const text = input.value.trim();
        finishEditing(td, input);
        if (text) save(td, text);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        finishEditing(td, input);
      }
    });
    input.addEventListener('blur', function () {
      finishEditing(td, input, true);
    });
  }

  /// Removes the editor once: removing a focused input fires its blur, which must not remove it again.
  function finishEditing(td, input, blurred) {
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
    const day = column(td).querySelector('a').textContent;
    return pupil + ', ' + day;
  }

  async function save(td, text, reason) {
    const lesson = td.dataset.lesson;
    const student = Number(td.parentElement.dataset.student);
    const code = text.toLowerCase();
    try {
      if (attendanceCodes.includes(code)) {
        await call('PUT', '/api/v1/lessons/' + lesson + '/attendance/' + student, { code: code, reason: reason });
      } else {
        // A control lesson's column gives its marks its own work type.
        await call('POST', '/api/v1/lessons/' + lesson + '/marks', {
          studentId: student, value: text, workType: Number(column(td).dataset.workType || workType.value), reason: reason,
        });
      }
      await refresh(td.parentElement);
      say('Сохранено: ' + text + ', ' + describe(td));
    } catch (error) {
      if (error.code === 'reason_required' && reason === undefined) {
        const given = window.prompt(error.message);
        if (given) return save(td, text, given);
      }
      showError(td, error.message);
    }
  }

  async function removeLast(td) {
    clearError(td);
    const marks = td.querySelectorAll('.mark');
    const last = marks[marks.length - 1];
    const code = td.querySelector('.code');
    try {
      if (last) {
        if (!window.confirm('Удалить отметку «' + last.textContent + '» (' + describe(td) + ')?')) return;
        await call('DELETE', '/api/v1/marks/' + last.dataset.id, { version: Number(last.dataset.version) });
      } else if (code) {
        if (!window.confirm('Убрать пропуск «' + code.textContent + '» (' + describe(td) + ')?')) return;
        await call('PUT', '/api/v1/lessons/' + td.dataset.lesson + '/attendance/' + td.parentElement.dataset.student, { code: null });
      } else {
        return;
      }
      await refresh(td.parentElement);
      say('Удалено: ' + describe(td));
    } catch (error) {
      showError(td, error.message);
    }
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
    if (workType) for (const option of workType.options) names[option.value] = option.textContent;
    for (const td of tr.querySelectorAll('td.cell:not(.outside)')) {
      const lesson = Number(td.dataset.lesson);
      for (const old of td.querySelectorAll('.mark, .code')) old.remove();
      for (const mark of journal.marks) {
        if (mark.lessonId !== lesson || mark.studentId !== student) continue;
        const span = document.createElement('span');
        span.className = 'mark';
        span.dataset.id = mark.id;
        span.dataset.version = mark.version;
        span.title = (names[mark.workType] || 'Отметка') + (mark.comment ? ': ' + mark.comment : '');
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
    if (standing) {
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
    tr.querySelector('.term').textContent = term ? term.value : '';
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
    td.focus();
  }

  function clearError(td) {
    for (const box of td.querySelectorAll('.cell-error')) box.remove();
    td.classList.remove('has-error');
    td.removeAttribute('aria-invalid');
  }

  function say(text) {
    if (live) live.textContent = text;
  }
})();
