"""The journal grid (issue 4, parts 2 and 8): a teacher types a mark and an absence with the keyboard, sees the average
change, reloads and finds them kept; a mark out of the scale shows its Russian message in the cell.

The demo's lessons end on `--until` (27.11.2026, conftest) while the server's clock is real, and a teacher may change a
cell only for 7 days after its lesson. So that the test does not depend on the day it runs, the demo school is given
the setting «no edit window» (DOMAIN.md §3: configurable, "or unlimited") before the test: the latest lessons then stay
open to their teacher whatever today is, and every other rule (enrolment, closed periods, the scale) still applies.
The test opens the last period that has lessons, so it also does not depend on which period today falls in.
"""

import re
import sqlite3

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import assert_fits, click_and_wait, screenshot, sign_in


@pytest.fixture(scope="module")
def no_edit_window(demo):
    database = sqlite3.connect(demo.accounts_file.parent / "zhurnal.sqlite", timeout=30)
    with database:
        database.execute("UPDATE schools SET edit_window_days = NULL")
    database.close()


@pytest.fixture
def teacher(accounts):
    """A subject teacher who is nothing else (the sign-in tests take the homeroom teachers)."""
    return accounts.with_roles("teacher")[-1]


def course_links(browser) -> list:
    """The journals on the start page whose class is graded (from the 2nd grade on), as (text, href)."""
    links = []
    for link in browser.find_elements(By.CSS_SELECTOR, ".course-list a"):
        match = re.search(r", (\d+)", link.text)
        if match and int(match.group(1)) >= 2:
            links.append((link.text, link.get_attribute("href")))
    return links


def open_latest_period(browser, href: str) -> bool:
    """Opens the course's grid at the last period that has lessons; False when none has."""
    browser.get(href)
    periods = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".periods a")]
    for period in reversed(periods):
        browser.get(period)
        if browser.find_elements(By.CSS_SELECTOR, "th.lesson-col"):
            return True
    return False


def cell(browser, student: str, lesson: str):
    return browser.find_element(By.CSS_SELECTOR, f"tr[data-student='{student}'] td[data-lesson='{lesson}']")


def texts(browser, student: str, lesson: str, what: str) -> list:
    """The texts of a cell's marks (`.mark`) or attendance (`.code`), read in one go: the script may be redrawing it."""
    return browser.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)",
        f"tr[data-student='{student}'] td[data-lesson='{lesson}'] {what}",
    )


def average_of(browser, student: str) -> str:
    return browser.find_element(By.CSS_SELECTOR, f"tr[data-student='{student}'] .average").text


def empty_open_cells(browser, lesson: str) -> list:
    """The open cells of a lesson's column, of pupils on the roll, that hold nothing yet."""
    return [
        td for td in browser.find_elements(By.CSS_SELECTOR, f"tbody:not(.left-pupils) td.cell.open[data-lesson='{lesson}']")
        if not td.find_elements(By.CSS_SELECTOR, ".mark, .code")
    ]


def type_into_focused(browser, text: str):
    browser.switch_to.active_element.send_keys(text)
    WebDriverWait(browser, 5).until(lambda b: b.switch_to.active_element.tag_name == "input")
    browser.switch_to.active_element.send_keys(Keys.ENTER)


def test_a_teacher_keeps_the_grid_with_the_keyboard(server, browser, teacher, no_edit_window):
    sign_in(browser, teacher.login, teacher.password)
    links = course_links(browser)
    assert links, "the teacher's start page lists no graded journals"
    for _, href in links:
        if open_latest_period(browser, href):
            break
    else:
        pytest.fail("none of the teacher's journals has lessons")

    # The latest lesson's column, and a pupil on the roll that day whose cell there is empty.
    lesson = browser.find_elements(By.CSS_SELECTOR, "th.lesson-col a")[-1].get_attribute("href").rsplit("/", 1)[-1]
    empty = empty_open_cells(browser, lesson)
    assert empty, "no empty cell in the latest lesson"
    first = empty[0].find_element(By.XPATH, "..").get_attribute("data-student")

    # A mark: focus the cell, type, Enter. A 2 moves any average but 2,00; a 5 then.
    before = average_of(browser, first)
    value = "5" if before in ("—", "2,00") else "2"
    empty[0].click()
    assert browser.switch_to.active_element == empty[0]
    type_into_focused(browser, value)
    WebDriverWait(browser, 10).until(lambda b: texts(b, first, lesson, ".mark") == [value])
    WebDriverWait(browser, 10).until(lambda b: average_of(b, first) != before)
    assert re.fullmatch(r"\d,\d\d", average_of(browser, first))
    assert browser.switch_to.active_element == cell(browser, first, lesson)

    # An absence in the next pupil's cell below (above, for the last pupil), reached with the arrow key.
    there, back = Keys.ARROW_DOWN, Keys.ARROW_UP
    browser.switch_to.active_element.send_keys(there)
    if browser.switch_to.active_element == cell(browser, first, lesson):
        there, back = Keys.ARROW_UP, Keys.ARROW_DOWN
        browser.switch_to.active_element.send_keys(there)
    below = browser.switch_to.active_element
    second = below.find_element(By.XPATH, "..").get_attribute("data-student")
    assert below.get_attribute("data-lesson") == lesson and second != first
    type_into_focused(browser, "н")
    type_into_focused(browser, "н")
    WebDriverWait(browser, 10).until(lambda b: texts(b, second, lesson, ".code") == ["н"])

    # A mark out of the scale: the Russian message in the cell, read out by screen readers; nothing saved.
    browser.switch_to.active_element.send_keys(back)
    assert browser.switch_to.active_element == cell(browser, first, lesson)
    type_into_focused(browser, "6")
    error = WebDriverWait(browser, 10).until(
        lambda b: cell(b, first, lesson).find_elements(By.CSS_SELECTOR, ".cell-error"))[0]
    assert "Отметка «6» вне шкалы" in error.text
    assert error.get_attribute("role") == "alert"
    screenshot(browser, "journal-error", 1280)

    # Kept after a reload; the 6 is not.
    browser.refresh()
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")
    assert texts(browser, first, lesson, ".mark") == [value]
    assert texts(browser, second, lesson, ".code") == ["н"]

    # A phone: the page keeps its width and the table scrolls sideways inside its box.
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "journal", width)
    browser.set_window_size(360, 900)
    wrap = browser.find_element(By.ID, "journal")
    assert browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", wrap)


def test_without_script_a_lesson_page_saves_the_class(server, browser, teacher, no_edit_window):
    sign_in(browser, teacher.login, teacher.password)
    href = course_links(browser)[0][1]
    assert open_latest_period(browser, href)
    click_and_wait(browser, browser.find_elements(By.CSS_SELECTOR, "th.lesson-col a")[-1])
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Урок ")
    mark = browser.find_elements(By.CSS_SELECTOR, "input.mark-input")[-1]
    mark.send_keys("7")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.lesson-form button[type=submit]"))
    assert "Отметка «7» вне шкалы" in browser.find_element(By.ID, "lesson-error").text
    assert browser.find_elements(By.CSS_SELECTOR, "input.mark-input")[-1].get_attribute("value") == "7"
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "lesson-error", width)


def test_a_mark_typed_in_a_control_lessons_column_takes_its_work_type(server, browser, teacher, no_edit_window):
    """The demo's written works are control lessons: their column shows the work type («К/р») and a mark typed there
    gets it, whatever the toolbar's work type for new marks says."""
    sign_in(browser, teacher.login, teacher.password)
    for _, href in course_links(browser):
        if not open_latest_period(browser, href):
            continue
        for column in browser.find_elements(By.CSS_SELECTOR, "th.lesson-col[data-control-work-type]"):
            lesson = column.find_element(By.TAG_NAME, "a").get_attribute("href").rsplit("/", 1)[-1]
            empty = empty_open_cells(browser, lesson)
            if empty:
                break
        else:
            continue
        break
    else:
        pytest.fail("no control lesson with an empty cell in the teacher's journals")

    name = column.find_element(By.CSS_SELECTOR, "abbr.control-work").get_attribute("title")
    toolbar = browser.find_element(By.ID, "work-type")
    assert not toolbar.find_elements(By.CSS_SELECTOR, "option:checked")[0].text.startswith(name)
    student = empty[0].find_element(By.XPATH, "..").get_attribute("data-student")
    empty[0].click()
    type_into_focused(browser, "4")
    WebDriverWait(browser, 10).until(lambda b: texts(b, student, lesson, ".mark") == ["4"])
    titles = browser.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(e => e.title)",
        f"tr[data-student='{student}'] td[data-lesson='{lesson}'] .mark",
    )
    assert titles[0].startswith(name), titles


def test_an_ungraded_course_takes_attendance_only(server, browser, accounts, demo, no_edit_window):
    """A first grade's journal has no marks: no work types, no sums; an absence typed into a cell is kept, a mark is
    refused with its Russian message."""
    database = sqlite3.connect(demo.accounts_file.parent / "zhurnal.sqlite", timeout=30)
    rows = database.execute(
        """
        SELECT c.id, p.last_name || ' ' || p.first_name || COALESCE(' ' || p.patronymic, '') FROM courses c
        JOIN course_teachers t ON t.school_id = c.school_id AND t.course_id = c.id
        JOIN people p ON p.school_id = t.school_id AND p.id = t.teacher_id
        WHERE c.grading = 'ungraded' ORDER BY c.id
        """
    ).fetchall()
    database.close()
    # Not the homeroom teacher the sign-in tests take, whose password they change.
    taken = accounts.with_roles("teacher", "homeroom")[0].login
    by_name = {account.full_name: account for account in accounts.values() if account.login != taken}
    course, keeper = next(((course, by_name[name]) for course, name in rows if name in by_name), (None, None))
    assert keeper, "no account keeps an ungraded journal"
    sign_in(browser, keeper.login, keeper.password)
    assert open_latest_period(browser, f"{server}/courses/{course}/journal")
    assert browser.find_element(By.ID, "journal").get_attribute("data-grading") == "ungraded"
    assert not browser.find_elements(By.ID, "work-type")
    assert not browser.find_elements(By.CSS_SELECTOR, "td.sum, th.sum-col")
    assert "Курс без отметок" in browser.find_element(By.ID, "journal-help").text

    lesson = browser.find_elements(By.CSS_SELECTOR, "th.lesson-col a")[-1].get_attribute("href").rsplit("/", 1)[-1]
    empty = empty_open_cells(browser, lesson)
    assert empty, "no empty cell in the latest lesson"
    student = empty[0].find_element(By.XPATH, "..").get_attribute("data-student")
    empty[0].click()
    type_into_focused(browser, "5")
    error = WebDriverWait(browser, 10).until(
        lambda b: cell(b, student, lesson).find_elements(By.CSS_SELECTOR, ".cell-error"))[0]
    assert "отметки не ставятся" in error.text
    type_into_focused(browser, "оп")
    WebDriverWait(browser, 10).until(lambda b: texts(b, student, lesson, ".code") == ["оп"])
    screenshot(browser, "journal-ungraded", 1280)
    browser.refresh()
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")
    assert texts(browser, student, lesson, ".code") == ["оп"]
