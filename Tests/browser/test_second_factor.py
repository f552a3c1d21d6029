"""A parent enrols a second factor (TOTP) from the QR page, keeps his recovery codes, and is asked for a code at the
next sign-in. The codes are computed here from the key the page shows, as an authenticator app would."""

import re

from selenium.webdriver.common.by import By

import totp
from conftest import (
    alert_text, assert_fits, broken_across_lines, click_and_wait, path_of, screenshot, sign_in, sign_out, wait_for_path,
)


def submit_code(browser, code: str, password: str | None = None):
    """Types the code (and the current password, where the enrolment form asks for it) and sends the form."""
    field = browser.find_element(By.ID, "code")
    field.clear()
    field.send_keys(code)
    current = browser.find_elements(By.ID, "current")
    if current:
        assert password, "the form asks for the current password"
        assert current[0].accessible_name == "Текущий пароль"
        current[0].clear()
        current[0].send_keys(password)
    click_and_wait(browser, field.find_element(By.XPATH, "ancestor::form//button[@type='submit']"))


def test_a_parent_enrols_a_second_factor_and_is_asked_for_it(server, browser, accounts):
    parent = accounts.with_roles("parent")[0]
    sign_in(browser, parent.login, parent.password)
    assert path_of(browser) == "/"
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Второй фактор"))
    wait_for_path(browser, "/account/second-factor")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Второй фактор"

    qr = browser.find_element(By.CSS_SELECTOR, "figure.qr svg")
    assert qr.get_attribute("role") == "img"
    assert qr.accessible_name == "QR-код для приложения-аутентификатора"
    assert qr.size["width"] >= 150 and qr.size["height"] >= 150
    manual_key = browser.find_element(By.CSS_SELECTOR, "code.secret").text
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{1,4})+", manual_key), manual_key
    key = totp.key_bytes(manual_key)
    assert len(key) >= 16  # at least 128 bits
    assert browser.find_element(By.ID, "code").accessible_name == "Код из приложения"

    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "second-factor-enrol", width)
    browser.set_window_size(1280, 900)

    # A code the app did not show is refused, and the page keeps the same key.
    step = totp.current_step()
    wrong = next(
        f"{n:06d}" for n in range(1_000_000)
        if f"{n:06d}" not in {totp.hotp(key, s) for s in range(step - 2, step + 3)}
    )
    submit_code(browser, wrong, parent.password)
    assert "Код не подошёл" in alert_text(browser)
    assert browser.find_element(By.CSS_SELECTOR, "code.secret").text == manual_key

    used_step = totp.current_step()
    used_code = totp.hotp(key, used_step)
    submit_code(browser, used_code, parent.password)
    assert "Второй фактор подключён" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    codes = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "ol.codes li")]
    assert len(codes) == 10
    assert len(set(codes)) == 10
    for code in codes:
        assert re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", code), code
    assert browser.find_elements(By.CSS_SELECTOR, "figure.qr") == []
    browser.set_window_size(360, 900)
    assert_fits(browser)
    assert broken_across_lines(browser, "ol.codes code") == {}
    screenshot(browser, "second-factor-recovery-codes", 360)
    browser.set_window_size(1280, 900)

    # The next sign-in asks for a code before anything else opens.
    sign_out(browser)
    sign_in(browser, parent.login, parent.password)
    assert path_of(browser) == "/login/second-factor"
    browser.get(server + "/account/sessions")
    assert path_of(browser) == "/login/second-factor"
    assert browser.find_element(By.ID, "code").accessible_name == "Код"
    # The code used to enrol is spent; the app's next code is fresh (the server allows one step of clock drift).
    submit_code(browser, used_code)
    assert alert_text(browser) == "Код неверный или уже использован. Введите новый код из приложения или резервный код."
    submit_code(browser, totp.hotp(key, used_step + 1))
    wait_for_path(browser, "/")
    assert browser.find_element(By.CSS_SELECTOR, ".user-name").text == parent.full_name
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Второй фактор"))
    assert "Второй фактор подключён" in browser.find_element(By.CSS_SELECTOR, "main").text
