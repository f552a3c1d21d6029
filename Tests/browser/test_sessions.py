"""«Мои сеансы»: a parent signed in on two devices sees both and ends the other one from here."""

from selenium.webdriver.common.by import By

from conftest import assert_fits, click_and_wait, path_of, screenshot, sign_in, wait_for_path


def session_rows(browser) -> list:
    return browser.find_elements(By.CSS_SELECTOR, "main table tbody tr")


def test_a_parent_ends_his_session_on_another_device(server, browser, another_browser, accounts):
    parent = accounts.with_roles("parent")[1]
    phone = another_browser()
    sign_in(phone, parent.login, parent.password)
    assert path_of(phone) == "/"
    sign_in(browser, parent.login, parent.password)
    assert path_of(browser) == "/"

    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Мои сеансы"))
    wait_for_path(browser, "/account/sessions")
    rows = session_rows(browser)
    assert len(rows) == 2
    current = [row for row in rows if "Этот сеанс" in row.text]
    others = [row for row in rows if row.find_elements(By.CSS_SELECTOR, "form[action$='/end'] button")]
    assert len(current) == 1 and len(others) == 1
    assert "Chrome" in others[0].text and "127.0.0.1" in others[0].text
    end_button = others[0].find_element(By.CSS_SELECTOR, "form[action$='/end'] button")
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        # The button is on screen, not beyond a table's right edge that one would have to scroll to.
        right = browser.execute_script("return arguments[0].getBoundingClientRect().right", end_button)
        assert right <= browser.execute_script("return document.documentElement.clientWidth"), right
        screenshot(browser, "sessions", width)
    browser.set_window_size(1280, 900)

    click_and_wait(browser, end_button)
    wait_for_path(browser, "/account/sessions")
    rows = session_rows(browser)
    assert len(rows) == 1 and "Этот сеанс" in rows[0].text
    assert browser.find_elements(By.XPATH, "//button[normalize-space()='Завершить все, кроме этого']") == []

    # The other device is signed out at its very next click.
    click_and_wait(phone, phone.find_element(By.LINK_TEXT, "Мои сеансы"))
    wait_for_path(phone, "/login")
    assert phone.find_elements(By.CSS_SELECTOR, ".site-user") == []
    # This browser goes on as before.
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Главная"))
    wait_for_path(browser, "/")
    assert browser.find_element(By.CSS_SELECTOR, ".user-name").text == parent.full_name
