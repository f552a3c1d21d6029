"""The start page of those who read the whole school, and the error page, at a phone's and a desktop's width."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import assert_fits, path_of, screenshot, sign_in

WIDTHS = [360, 1280]


def school_facts(browser) -> dict:
    return {
        fact.find_element(By.TAG_NAME, "dt").text: fact.find_element(By.TAG_NAME, "dd").text
        for fact in browser.find_elements(By.CSS_SELECTOR, ".fact")
    }


@pytest.mark.parametrize("width,login", [(360, "deputy"), (1280, "director")])
def test_start_page_shows_the_school_to_its_leaders(server, browser, accounts, width, login):
    account = accounts[login]
    browser.set_window_size(width, 900)
    sign_in(browser, account.login, account.password)
    assert path_of(browser) == "/"
    assert browser.title == "Zhurnal — электронный журнал и дневник"
    # «Здравствуйте, Марина Евгеньевна!»: the name and patronymic, as a Russian school addresses its staff.
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Здравствуйте, {account.full_name.split(' ', 1)[1]}!"
    school = browser.find_element(By.ID, "school-name").text
    assert "демонстрационная" in school
    facts = school_facts(browser)
    assert int(facts["Учеников"].replace("\u202f", "")) >= 55
    assert int(facts["Уроков в журнале"].replace("\u202f", "")) > 100
    assert int(facts["Классов"]) >= 11
    assert_fits(browser)
    screenshot(browser, f"home-{login}", width)


def test_start_page_of_a_parent_has_no_school_figures(server, browser, accounts):
    parent = accounts.with_roles("parent")[-1]
    sign_in(browser, parent.login, parent.password)
    assert path_of(browser) == "/"
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Здравствуйте, ")
    assert browser.find_elements(By.ID, "school-name") == []
    assert browser.find_elements(By.CSS_SELECTOR, ".fact") == []


def test_keyboard_focus_is_visible(server, browser, accounts):
    director = accounts["director"]
    sign_in(browser, director.login, director.password)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Перейти к содержанию"
    outline = browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", focused)
    assert outline == "solid"
    assert focused.is_displayed()
    # The skip link leads past the header to the page's own content.
    focused.send_keys(Keys.ENTER)
    assert browser.execute_script("return location.hash") == "#main"


@pytest.mark.parametrize("width", WIDTHS)
def test_unknown_page_answers_in_russian(server, browser, width):
    browser.set_window_size(width, 900)
    browser.get(server + "/нет-такой-страницы")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Ошибка 404"
    assert "Такой страницы нет" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert_fits(browser)
    # The long request id wraps inside its card instead of running out of it.
    card = browser.find_element(By.CSS_SELECTOR, "[role=alert]")
    assert browser.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", card)
    screenshot(browser, "not-found", width)
