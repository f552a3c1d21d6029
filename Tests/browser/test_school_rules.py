"""Issue 6's «Правила школы»: the settings, subjects, work types and bells on one page that fits both widths; a bell
that overlaps another is refused with the reason."""

from selenium.webdriver.common.by import By

from conftest import assert_fits, click_and_wait, screenshot, sign_in


def test_the_school_rules_page_fits_and_refuses_an_overlapping_bell(browser, accounts):
    sign_in(browser, accounts["admin"].login, accounts["admin"].password)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Правила школы"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Правила школы"
    bells = browser.find_element(By.XPATH, "//h2[@id='bells-title']/following-sibling::ul").text
    assert "1 урок" in bells
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-school", width)
    form = browser.find_element(By.CSS_SELECTOR, "form[action='/admin/school/bells']")
    form.find_element(By.NAME, "number").send_keys("2")
    for name, value in (("startsAt", "08:40"), ("endsAt", "09:30")):
        browser.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, name), value)
    click_and_wait(browser, form.find_element(By.TAG_NAME, "button"))
    assert "пересекается с уроком" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text


def test_a_classes_week_is_edited_day_by_day(browser, accounts):
    """«Курсы и расписание» of the first class: its courses and the week as a day-by-day form that fits a phone."""
    sign_in(browser, accounts["admin"].login, accounts["admin"].password)
    browser.get(browser.base_url + "/admin/classes")
    click_and_wait(browser, browser.find_elements(By.LINK_TEXT, "Курсы и расписание")[4])
    assert browser.find_element(By.TAG_NAME, "h1").text.endswith(": курсы и расписание")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".week fieldset")) == 6
    chosen = [s for s in browser.find_elements(By.CSS_SELECTOR, ".week select")
              if s.find_elements(By.CSS_SELECTOR, "option[selected]:not([value=''])")]
    assert chosen, "the demo's timetable shows in the grid"
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-timetable", width)
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Сохранить расписание']"))
    assert "Расписание сохранено" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
