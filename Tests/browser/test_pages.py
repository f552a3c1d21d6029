"""The start page and the error page, at a phone's and a desktop's width."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import screenshot

WIDTHS = [360, 1280]


@pytest.mark.parametrize("width", WIDTHS)
def test_start_page_shows_the_demo_school(server, browser, width):
    browser.set_window_size(width, 900)
    browser.get(server + "/")
    assert browser.title == "Zhurnal — электронный журнал и дневник"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Электронный журнал и дневник школы"
    school = browser.find_element(By.ID, "school-name").text
    assert "демонстрационная" in school
    facts = {
        fact.find_element(By.TAG_NAME, "dt").text: fact.find_element(By.TAG_NAME, "dd").text
        for fact in browser.find_elements(By.CSS_SELECTOR, ".fact")
    }
    assert int(facts["Учеников"].replace("\u202f", "")) >= 55
    assert int(facts["Уроков в журнале"].replace("\u202f", "")) > 100
    # Nothing sticks out sideways on a phone.
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(browser, "home", width)


def test_keyboard_focus_is_visible(server, browser):
    browser.set_window_size(1280, 900)
    browser.get(server + "/")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Перейти к содержанию"
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", focused)
    assert outline == "solid"
    assert focused.is_displayed()


@pytest.mark.parametrize("width", WIDTHS)
def test_unknown_page_answers_in_russian(server, browser, width):
    browser.set_window_size(width, 900)
    browser.get(server + "/нет-такой-страницы")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Ошибка 404"
    assert "Такой страницы нет" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    # The long request id wraps inside its card instead of running out of it.
    card = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert browser.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", card)
    screenshot(browser, "not-found", width)
