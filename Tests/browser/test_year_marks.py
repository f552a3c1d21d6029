"""The final-marks page (issue 4, part 5): a teacher opens «Итоговые» from the grid, a mark out of the scale comes back
with its Russian message beside the field, a good one is kept; the table scrolls inside its box on a phone, and on A4
paper the whole sheet fits the page's width.
"""

import base64

from selenium.webdriver.common.by import By

from conftest import assert_fits, click_and_wait, screenshot, sign_in
from test_journal import course_links


def test_a_teacher_enters_year_marks_on_the_sheet(server, browser, accounts):
    teacher = accounts.with_roles("teacher")[0]
    sign_in(browser, teacher.login, teacher.password)
    links = course_links(browser)
    assert links, "the teacher's start page lists no graded journals"
    browser.get(links[0][1])
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Итоговые"))
    assert browser.find_element(By.TAG_NAME, "h1").text.endswith("итоговые отметки")
    # The demo entered the first quarter's marks; the year is open.
    assert browser.find_elements(By.CSS_SELECTOR, "tbody:not(.left-pupils) input.term-input[name^='year_']")

    field = browser.find_elements(By.CSS_SELECTOR, "tbody:not(.left-pupils) input.term-input[name^='year_']")[0]
    name = field.get_attribute("name")
    field.clear()
    field.send_keys("7")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.year-form button[type=submit]"))
    assert "Отметка «7» вне шкалы" in browser.find_element(By.ID, "year-error").text
    field = browser.find_element(By.NAME, name)
    assert field.get_attribute("value") == "7"
    assert field.get_attribute("aria-invalid") == "true"
    assert "вне шкалы" in browser.find_element(By.ID, "err-" + name).text
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "year-marks-error", width)

    browser.set_window_size(1280, 900)
    field = browser.find_element(By.NAME, name)
    field.clear()
    field.send_keys("5")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.year-form button[type=submit]"))
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Сохранено."
    browser.refresh()
    assert browser.find_element(By.NAME, name).get_attribute("value") == "5"

    # A phone: the page keeps its width and the table scrolls sideways inside its box.
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "year-marks", width)
    browser.set_window_size(360, 900)
    wrap = browser.find_element(By.CSS_SELECTOR, ".year-wrap")
    assert browser.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", wrap)

    # A4 portrait with 12 mm margins leaves 186 mm, about 703 CSS pixels: the printed sheet fits it.
    browser.set_window_size(703, 900)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert_fits(browser)
        assert not browser.find_element(By.CSS_SELECTOR, ".site-header").is_displayed()
        screenshot(browser, "year-marks-print", 703)
        pdf = browser.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True})
        assert base64.b64decode(pdf["data"]).startswith(b"%PDF")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
