"""Signing in and out through the form, as a visitor and as a teacher, at a phone's and a desktop's width."""

import urllib.request

import pytest
from selenium.webdriver.common.by import By

from conftest import alert_text, assert_fits, click_and_wait, path_of, screenshot, sign_in, sign_out, wait_for_path

WIDTHS = [360, 1280]


@pytest.fixture
def teacher(accounts):
    """A homeroom teacher who is nothing else: two roles in the header, no administrator's links."""
    return accounts.with_roles("teacher", "homeroom")[0]


def header_links(browser) -> list:
    return [link.text for link in browser.find_elements(By.CSS_SELECTOR, ".site-nav a")]


def test_a_visitor_is_sent_to_the_sign_in_page(server, browser):
    browser.get(server + "/")
    assert path_of(browser) == "/login"
    assert browser.title == "Вход"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Вход в журнал"
    assert browser.find_elements(By.CSS_SELECTOR, ".site-user") == []
    # A deeper page sends him there too, and remembers where he was going.
    browser.get(server + "/account/sessions")
    assert path_of(browser) == "/login"
    assert browser.find_element(By.CSS_SELECTOR, "input[name=next]").get_attribute("value") == "/account/sessions"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_sign_in_form_has_labelled_fields(server, browser, width):
    browser.set_window_size(width, 900)
    browser.get(server + "/login")
    login = browser.find_element(By.ID, "login")
    password = browser.find_element(By.ID, "password")
    assert login.accessible_name == "Логин"
    assert password.accessible_name == "Пароль"
    assert login.get_attribute("autocomplete") == "username"
    assert password.get_attribute("autocomplete") == "current-password"
    assert password.get_attribute("type") == "password"
    assert login.get_attribute("required") and password.get_attribute("required")
    # The login field has the focus on arrival, and it shows.
    assert browser.switch_to.active_element == login
    assert browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", login) == "solid"
    button = browser.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]")
    assert button.text == "Войти"
    assert_fits(browser)
    screenshot(browser, "login", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_wrong_password_is_refused_with_a_message(server, browser, teacher, width):
    browser.set_window_size(width, 900)
    sign_in(browser, teacher.login, teacher.password + "x")
    assert path_of(browser) == "/login"
    assert alert_text(browser) == "Неверный логин или пароль."
    # The login stays typed in; the password does not come back.
    assert browser.find_element(By.ID, "login").get_attribute("value") == teacher.login
    assert browser.find_element(By.ID, "password").get_attribute("value") == ""
    assert browser.find_elements(By.CSS_SELECTOR, ".site-user") == []
    assert_fits(browser)
    screenshot(browser, "login-error", width)


def test_an_unknown_login_gets_the_same_answer(server, browser):
    sign_in(browser, "nobody.here", "какой-то пароль")
    assert path_of(browser) == "/login"
    assert alert_text(browser) == "Неверный логин или пароль."


@pytest.mark.parametrize("width", WIDTHS)
def test_a_teacher_sees_his_name_roles_and_links(server, browser, teacher, width):
    browser.set_window_size(width, 900)
    sign_in(browser, teacher.login, teacher.password)
    assert path_of(browser) == "/"
    assert browser.find_element(By.CSS_SELECTOR, ".site-user .user-name").text == teacher.full_name
    assert browser.find_element(By.CSS_SELECTOR, ".site-user .user-roles").text == "Учитель, Классный руководитель"
    assert header_links(browser) == ["Главная", "Уведомления", "Сообщения", "Объявления", "Сверка класса", "Расписание учителя", "Отчёты", "Замечания", "Мои сеансы", "Второй фактор", "Сменить пароль"]
    # A teacher reads no school-wide figures and has no administrator's pages.
    assert browser.find_elements(By.ID, "school-name") == []
    browser.get(server + "/admin/people")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Ошибка 403"
    browser.get(server + "/")
    assert_fits(browser)
    # Every header item stays inside the window.
    for item in browser.find_elements(By.CSS_SELECTOR, ".site-header a, .site-header button, .site-header span"):
        right = browser.execute_script("return arguments[0].getBoundingClientRect().right", item)
        assert right <= width, item.text
    screenshot(browser, "home-teacher", width)


def test_signing_in_returns_to_the_page_asked_for(server, browser, teacher):
    browser.get(server + "/account/sessions")
    assert path_of(browser) == "/login"
    browser.find_element(By.ID, "login").send_keys(teacher.login)
    browser.find_element(By.ID, "password").send_keys(teacher.password)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))
    wait_for_path(browser, "/account/sessions")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Мои сеансы"


def test_signing_out_ends_the_session_and_back_does_not_reopen_the_page(server, browser, teacher):
    sign_in(browser, teacher.login, teacher.password)
    browser.get(server + "/account/sessions")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Мои сеансы"
    sign_out(browser)
    assert path_of(browser) == "/login"
    with urllib.request.urlopen(server + "/login") as response:
        assert response.headers["Cache-Control"] == "no-store"
    assert browser.find_elements(By.CSS_SELECTOR, ".site-user") == []
    # Pages are sent with Cache-Control: no-store, so Back asks the server again, and the server says: sign in.
    browser.back()
    wait_for_path(browser, "/login")
    assert browser.find_elements(By.CSS_SELECTOR, ".site-user") == []
    assert teacher.full_name not in browser.find_element(By.TAG_NAME, "body").text
    browser.get(server + "/")
    assert path_of(browser) == "/login"
