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
