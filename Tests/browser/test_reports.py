"""Issue 7's reports for the deputy: the school metrics of the first quarter with their charts and lists, and the
journal-keeping control with its overdue lessons, both reached from «Отчёты» and fitting a phone."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait, fits_and_screenshots, sign_in


def test_the_first_quarters_metrics_by_class_and_by_subject(browser, accounts):
    deputy = accounts["deputy"]
    sign_in(browser, deputy.login, deputy.password)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Отчёты"))
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Успеваемость и качество"))
    period = Select(browser.find_element(By.ID, "metrics-period"))
    first = next(option.text for option in period.options if option.text.startswith("1 ") and "четверть" in option.text)
    period.select_by_visible_text(first)
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Показать']"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Успеваемость и качество: " + first
    rows = browser.find_elements(By.CSS_SELECTOR, ".report-table tbody tr")
    assert len(rows) > 5, "the demo's classes on quarters have rows"
    # The demo gave the first quarter's marks, so the charts have bars and the lists have pupils.
    assert browser.find_elements(By.CSS_SELECTOR, "svg.bar-chart rect.bar")
    assert "Отличники:" in browser.find_element(By.CSS_SELECTOR, ".report-lists").text
    fits_and_screenshots(browser, "report-metrics")
    Select(browser.find_element(By.ID, "metrics-group")).select_by_visible_text("Предмет")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Показать']"))
    header = browser.find_element(By.CSS_SELECTOR, ".report-table thead th").text
    assert header == "Предмет"
    # A class's own report by subject, one link away.
    Select(browser.find_element(By.ID, "metrics-group")).select_by_visible_text("Класс")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Показать']"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".report-table tbody th a"))
    assert "Класс " in browser.find_element(By.CSS_SELECTOR, ".report p").text


def test_the_journal_control_lists_the_overdue_lessons(browser, accounts):
    deputy = accounts["deputy"]
    sign_in(browser, deputy.login, deputy.password)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Отчёты"))
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Контроль ведения журналов"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Контроль ведения журналов"
    # November, up to the demo's last day of lessons (conftest's --until).
    for field, day in (("control-from", "2026-11-01"), ("control-to", "2026-11-27")):
        browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, field), day)
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Показать']"))
    rows = browser.find_elements(By.CSS_SELECTOR, ".report-table tbody tr:not(.overdue)")
    assert len(rows) > 10, "the demo's courses held lessons this month"
    assert browser.find_elements(By.CSS_SELECTOR, "svg.bar-chart rect.bar")
    fits_and_screenshots(browser, "report-journal-control")


def test_the_summary_sheet_the_assessment_schedule_and_the_remarks(browser, accounts):
    deputy = accounts["deputy"]
    sign_in(browser, deputy.login, deputy.password)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Отчёты"))
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Сводная ведомость"))
    slot = Select(browser.find_element(By.ID, "summary-slot"))
    first = next(option.text for option in slot.options if option.text.startswith("1 "))
    slot.select_by_visible_text(first)
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Показать']"))
    assert browser.find_element(By.TAG_NAME, "h1").text.endswith(": " + first)
    assert len(browser.find_elements(By.CSS_SELECTOR, ".summary-table tbody tr")) > 1
    assert "Качество, %" in browser.find_element(By.CSS_SELECTOR, ".summary-table tfoot").text
    fits_and_screenshots(browser, "report-summary")

    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Отчёты"))
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "График оценочных процедур"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "График оценочных процедур"
    Select(browser.find_element(By.ID, "assessments-month")).select_by_value("2026-11")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Показать']"))
    assert browser.find_elements(By.CSS_SELECTOR, ".report-table tbody tr"), "the demo marks control works"
    fits_and_screenshots(browser, "report-assessments")

    # The server made this week's remarks when it started; the deputy reads everyone's.
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Замечания"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Замечания по ведению журналов"
    assert "Открытых замечаний:" in browser.find_element(By.CSS_SELECTOR, ".card p").text
    fits_and_screenshots(browser, "remarks")
