"""The grid's cell editor and term marks (issue 4, parts 2, 5 and 6): a teacher opens a mark in place, changes its value,
work type and comment and sees the average change; adds a mark with another work type and a comment; opens the cell's
history and finds the change there; a refused value and a stale version show their messages; he enters a term mark
in the «Итог» column. Screenshots of the grid with the editor open at 360 and 1280 px are written (their paths are
printed) for a person to look at.

As in test_journal.py, the demo school is given «no edit window» first, so that the latest lessons stay open to
their teacher whatever day the test runs; a different teacher from test_journal.py's keeps the two apart.
"""

import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

from conftest import assert_fits, screenshot, sign_in
from test_journal import average_of, course_links, no_edit_window, open_latest_period, texts  # noqa: F401 (fixture)


@pytest.fixture
def teacher(accounts):
    """A subject teacher who is nothing else, and not the one test_journal.py takes."""
    return accounts.with_roles("teacher")[-2]


def open_a_graded_grid(browser, teacher):
    sign_in(browser, teacher.login, teacher.password)
    for _, href in course_links(browser):
        if open_latest_period(browser, href) and browser.find_elements(By.CSS_SELECTOR, "td.cell.open .mark"):
            return
    pytest.fail("none of the teacher's journals has an open cell with a mark")


def editor_open(browser) -> bool:
    return browser.execute_script("return document.getElementById('cell-editor').open")


def wait_editor(browser, is_open: bool = True):
    WebDriverWait(browser, 10).until(lambda b: editor_open(b) == is_open)


def active_id(browser) -> str:
    return browser.switch_to.active_element.get_attribute("id")


def cell_of(browser, student: str, lesson: str):
    return browser.find_element(By.CSS_SELECTOR, f"tr[data-student='{student}'] td[data-lesson='{lesson}']")


def test_a_teacher_changes_a_mark_in_place_and_reads_the_cells_history(server, browser, teacher, no_edit_window):
    open_a_graded_grid(browser, teacher)
    # The latest open cell with a mark, and its pupil.
    chip = browser.find_elements(By.CSS_SELECTOR, "tbody:not(.left-pupils) td.cell.open .mark")[-1]
    td = chip.find_element(By.XPATH, "..")
    student = td.find_element(By.XPATH, "..").get_attribute("data-student")
    lesson = td.get_attribute("data-lesson")
    old = chip.text
    new = "2" if old != "2" else "5"
    before = average_of(browser, student)
    marks_before = texts(browser, student, lesson, ".mark")

    # A click on the mark opens the editor on it: its value in a labelled field that has the focus.
    chip.click()
    wait_editor(browser)
    assert active_id(browser) == "editor-value"
    value = browser.find_element(By.ID, "editor-value")
    assert value.get_attribute("value") == old
    assert browser.find_element(By.CSS_SELECTOR, "label[for=editor-value]").text == "Отметка или пропуск"
    assert browser.find_element(By.ID, "editor-delete").is_displayed()
    # Tap targets of 44 px at least.
    for control in browser.find_elements(By.CSS_SELECTOR, "#cell-editor button, #cell-editor input, #cell-editor select"):
        if control.is_displayed():
            assert control.size["height"] >= 44, control.get_attribute("outerHTML")[:80]

    value.clear()
    value.send_keys(new)
    work_type = Select(browser.find_element(By.ID, "editor-work-type"))
    other_type = [o for o in work_type.options if not o.is_selected()][0]
    work_type.select_by_value(other_type.get_attribute("value"))
    browser.find_element(By.ID, "editor-comment").send_keys("исправлено после проверки")
    for width in (360, 1280):
        path = screenshot(browser, "journal-editor", width)
        print(f"screenshot: {path}")
        assert editor_open(browser)
    browser.set_window_size(1280, 900)

    # Saved: the editor closes, the focus is back on the cell, the mark and the average are as stored.
    browser.find_element(By.ID, "editor-value").send_keys(Keys.ENTER)
    wait_editor(browser, False)
    WebDriverWait(browser, 10).until(lambda b: new in texts(b, student, lesson, ".mark"))
    WebDriverWait(browser, 10).until(lambda b: average_of(b, student) != before)
    assert re.fullmatch(r"\d,\d\d", average_of(browser, student))
    assert len(texts(browser, student, lesson, ".mark")) == len(marks_before)
    assert browser.switch_to.active_element == cell_of(browser, student, lesson)
    changed = cell_of(browser, student, lesson).find_elements(By.CSS_SELECTOR, ".mark")[-1]
    assert "исправлено после проверки" in changed.get_attribute("title")
    assert other_type.text.split(" (")[0] in changed.get_attribute("title")

    # A new mark with another work type and a comment, from the same editor.
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait_editor(browser)
    browser.find_element(By.CSS_SELECTOR, "#editor-marks .new-mark").click()
    assert browser.find_element(By.ID, "editor-value").get_attribute("value") == ""
    assert not browser.find_element(By.ID, "editor-delete").is_displayed()
    browser.find_element(By.ID, "editor-value").send_keys("4")
    Select(browser.find_element(By.ID, "editor-work-type")).select_by_index(1)
    browser.find_element(By.ID, "editor-comment").send_keys("работа у доски")
    browser.find_element(By.ID, "editor-save").click()
    wait_editor(browser, False)
    WebDriverWait(browser, 10).until(lambda b: len(texts(b, student, lesson, ".mark")) == len(marks_before) + 1)
    added = cell_of(browser, student, lesson).find_elements(By.CSS_SELECTOR, ".mark")[-1]
    assert added.text == "4" and "работа у доски" in added.get_attribute("title")

    # A value out of the scale: the editor stays open with the Russian message; nothing is added.
    browser.switch_to.active_element.send_keys(Keys.F2)
    wait_editor(browser)
    browser.find_element(By.CSS_SELECTOR, "#editor-marks .new-mark").click()
    browser.find_element(By.ID, "editor-value").send_keys("6", Keys.ENTER)
    error = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "editor-error").text)
    assert "Отметка «6» вне шкалы" in error
    assert browser.find_element(By.ID, "editor-error").get_attribute("role") == "alert"
    assert editor_open(browser)
    # Esc closes it and gives the focus back to the cell.
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait_editor(browser, False)
    assert browser.switch_to.active_element == cell_of(browser, student, lesson)
    assert len(texts(browser, student, lesson, ".mark")) == len(marks_before) + 1

    # The cell's history, one key away: the change is listed with who, the old and the new value.
    browser.switch_to.active_element.send_keys("h")
    wait_editor(browser)
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#editor-history-list li .history-change"))
    lines = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#editor-history-list li")]
    changed_lines = [line for line in lines if "Отметка изменена" in line]
    assert changed_lines, lines
    assert f"{old} · " in changed_lines[-1] and f"→ {new} · " in changed_lines[-1]
    assert "исправлено после проверки" in changed_lines[-1]
    assert teacher.last_name in changed_lines[-1] and "(учитель)" in changed_lines[-1]
    assert any("Отметка поставлена" in line and "работа у доски" in line for line in lines)
    for control in browser.find_elements(By.CSS_SELECTOR, "#cell-editor button, #cell-editor a"):
        if control.is_displayed():
            assert control.size["height"] >= 44, control.get_attribute("outerHTML")[:80]
    history_page = browser.find_element(By.ID, "editor-history-page").get_attribute("href")
    assert history_page.endswith(f"/lessons/{lesson}/students/{student}/history")
    for width in (360, 1280):
        print(f"screenshot: {screenshot(browser, 'journal-history', width)}")
    browser.set_window_size(1280, 900)
    browser.find_element(By.ID, "editor-close").click()
    wait_editor(browser, False)
    assert browser.switch_to.active_element == cell_of(browser, student, lesson)

    # Someone else saves the mark meanwhile (a request with the same session, as another tab would send): the
    # editor's save is refused with the conflict's message, and the cell is read again.
    chip = cell_of(browser, student, lesson).find_elements(By.CSS_SELECTOR, ".mark")[0]
    mark_id, version = chip.get_attribute("data-id"), int(chip.get_attribute("data-version"))
    chip.click()
    wait_editor(browser)
    status = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/api/v1/marks/' + arguments[0], {method: 'PATCH', credentials: 'same-origin',
            headers: {'Content-Type': 'application/json', 'X-CSRF-Token': document.getElementById('journal').dataset.csrf},
            body: JSON.stringify({value: '3', version: arguments[1]})}).then(r => done(r.status));
    """, mark_id, version)
    assert status == 200
    value = browser.find_element(By.ID, "editor-value")
    value.clear()
    value.send_keys("5", Keys.ENTER)
    error = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "editor-error").text)
    assert "Эту запись уже изменили" in error
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, "editor-value").get_attribute("value") == "3")
    assert texts(browser, student, lesson, ".mark")[0] == "3"
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait_editor(browser, False)

    # Kept after a reload.
    browser.refresh()
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")
    assert texts(browser, student, lesson, ".mark")[0] == "3"
    assert "4" in texts(browser, student, lesson, ".mark")[1:]
    assert_fits(browser)


def test_a_teacher_enters_a_term_mark_in_the_grid(server, browser, teacher, no_edit_window):
    open_a_graded_grid(browser, teacher)
    term = browser.find_elements(By.CSS_SELECTOR, "tbody:not(.left-pupils) td.term.open")[0]
    student = term.find_element(By.XPATH, "..").get_attribute("data-student")
    proposal = term.find_element(By.XPATH, "../td[contains(@class, 'proposal')]").text
    assert proposal  # a mark or «—» with why, beside the term mark

    def term_value(b):
        return b.find_element(By.CSS_SELECTOR, f"tr[data-student='{student}'] .term .term-value").text

    # A double mark is not a term mark: the message in the cell, nothing saved.
    term.click()
    browser.switch_to.active_element.send_keys("4/3")
    WebDriverWait(browser, 5).until(lambda b: b.switch_to.active_element.tag_name == "input")
    assert "прогноз" in browser.switch_to.active_element.get_attribute("aria-label")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    error = WebDriverWait(browser, 10).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, f"tr[data-student='{student}'] .term .cell-error"))[0]
    assert "4/3" in error.text
    assert error.get_attribute("role") == "alert"
    print(f"screenshot: {screenshot(browser, 'journal-term-error', 1280)}")
    browser.set_window_size(1280, 900)

    # Typed and kept.
    browser.switch_to.active_element.send_keys("5")
    WebDriverWait(browser, 5).until(lambda b: b.switch_to.active_element.tag_name == "input")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: term_value(b) == "5")
    assert browser.switch_to.active_element.get_attribute("class").startswith("sum term")
    # Changed once more: the version the page holds was updated by the first save.
    browser.switch_to.active_element.send_keys("4")
    WebDriverWait(browser, 5).until(lambda b: b.switch_to.active_element.tag_name == "input")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: term_value(b) == "4")
    assert not browser.find_elements(By.CSS_SELECTOR, f"tr[data-student='{student}'] .term .cell-error")
    # The arrows reach the term column from the lessons: left of it the proposal and the average are passed over.
    browser.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    assert "cell" in browser.switch_to.active_element.get_attribute("class").split()
    browser.refresh()
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")
    assert term_value(browser) == "4"


def test_the_deputy_corrects_a_cell_with_a_reason_and_it_shows_in_the_history(server, browser, accounts, no_edit_window):
    # A journal the deputy does not keep: a class teacher's, found from that teacher's start page.
    keeper = accounts.with_roles("teacher")[-3]
    deputy = [account for account in accounts.values() if "deputy" in account.roles][0]
    sign_in(browser, keeper.login, keeper.password)
    hrefs = [href for _, href in course_links(browser)]
    sign_in(browser, deputy.login, deputy.password)
    for href in hrefs:
        # A graded journal: one whose cells hold marks (a course without marks takes attendance only).
        if (open_latest_period(browser, href) and browser.find_elements(By.CSS_SELECTOR, "th[data-reason]")
                and browser.find_elements(By.CSS_SELECTOR, "td.cell .mark")):
            break
    else:
        pytest.fail("no journal of another teacher opens for the deputy's corrections")
    lesson = browser.find_elements(By.CSS_SELECTOR, "th.lesson-col[data-reason] a")[-1].get_attribute("href").rsplit("/", 1)[-1]
    td = browser.find_elements(By.CSS_SELECTOR, f"tbody:not(.left-pupils) td.cell.open[data-lesson='{lesson}']")[0]
    student = td.find_element(By.XPATH, "..").get_attribute("data-student")
    marks_before = texts(browser, student, lesson, ".mark")

    # Typing a mark opens the editor with the value kept and the reason asked for; without one, nothing is saved.
    td.click()
    browser.switch_to.active_element.send_keys("3")
    WebDriverWait(browser, 5).until(lambda b: b.switch_to.active_element.tag_name == "input")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    wait_editor(browser)
    assert browser.find_element(By.ID, "editor-value").get_attribute("value") == "3"
    assert browser.find_element(By.CSS_SELECTOR, "label[for=editor-reason]").is_displayed()
    assert active_id(browser) == "editor-reason"
    browser.find_element(By.ID, "editor-save").click()
    assert "Укажите причину исправления" in browser.find_element(By.ID, "editor-error").text
    assert texts(browser, student, lesson, ".mark") == marks_before
    browser.find_element(By.ID, "editor-reason").send_keys("исправление по заявлению родителей", Keys.ENTER)
    wait_editor(browser, False)
    WebDriverWait(browser, 10).until(lambda b: len(texts(b, student, lesson, ".mark")) == len(marks_before) + 1)

    # The history names him, his role and the reason.
    browser.switch_to.active_element.send_keys("H")
    wait_editor(browser)
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#editor-history-list .history-reason"))
    last = browser.find_elements(By.CSS_SELECTOR, "#editor-history-list li")[-1].text
    assert deputy.last_name in last and "(заместитель директора)" in last
    assert "Причина: исправление по заявлению родителей" in last
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait_editor(browser, False)
