"""The attendance reports (issue 7, item 5): the deputy opens the school's month by class with its chart, goes into a
class by pupil and to one day's absent pupils; each page fits a phone and a desktop, and prints on A4 with the
navigation and the forms left off.
"""

import base64

from selenium.webdriver.common.by import By

from conftest import assert_fits, click_and_wait, fits_and_screenshots, screenshot, sign_in

# The demo's lessons run to 27.11.2026, a Friday.
MONTH = "from=2026-11-01&to=2026-11-27"


def the_deputy(accounts):
    # The demo's deputy also teaches a few hours, so his roles are not "deputy" alone.
    return next(account for account in accounts.values() if "deputy" in account.roles)


def prints_on_a4(browser, name: str):
    # A4 portrait with 12 mm margins leaves 186 mm, about 703 CSS pixels.
    browser.set_window_size(703, 900)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert_fits(browser)
        assert not browser.find_element(By.CSS_SELECTOR, ".site-header").is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, "form[action^='/reports/attendance']").is_displayed()
        screenshot(browser, name + "-print", 703)
        pdf = browser.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True})
        assert base64.b64decode(pdf["data"]).startswith(b"%PDF")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        browser.set_window_size(1280, 900)


def test_the_deputy_reads_attendance_by_class_pupil_and_day(server, browser, accounts):
    deputy = the_deputy(accounts)
    sign_in(browser, deputy.login, deputy.password)
    browser.get(server + "/reports/attendance?" + MONTH)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Посещаемость по классам"
    bars = browser.find_elements(By.CSS_SELECTOR, "svg.attendance-chart rect")
    assert bars, "the demo's month has absences, so the chart has bars"
    rows = browser.find_elements(By.CSS_SELECTOR, ".attendance-table tbody tr")
    assert len(rows) >= 2
    total = browser.find_element(By.CSS_SELECTOR, ".attendance-table tfoot tr")
    assert total.find_element(By.TAG_NAME, "th").text == "Итого"
    fits_and_screenshots(browser, "attendance-classes")
    prints_on_a4(browser, "attendance-classes")

    first = rows[0].find_element(By.CSS_SELECTOR, "th a")
    class_name = first.text
    click_and_wait(browser, first)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Посещаемость класса " + class_name
    pupils = browser.find_elements(By.CSS_SELECTOR, ".attendance-table tbody tr")
    assert len(pupils) >= 2
    fits_and_screenshots(browser, "attendance-class")
    prints_on_a4(browser, "attendance-class")

    browser.get(server + "/reports/attendance/day?date=2026-11-27")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Посещаемость за 27.11.2026"
    assert browser.find_elements(By.CSS_SELECTOR, "section.attendance-class")
    assert "Страница 1 из" in browser.find_element(By.CSS_SELECTOR, "nav.pager").text
    fits_and_screenshots(browser, "attendance-day")
    prints_on_a4(browser, "attendance-day")


def test_a_wrong_range_is_explained_in_russian(server, browser, accounts):
    deputy = the_deputy(accounts)
    sign_in(browser, deputy.login, deputy.password)
    browser.get(server + "/reports/attendance?from=2026-11-27&to=2026-11-01")
    assert "позже его конца" in browser.find_element(By.TAG_NAME, "main").text
