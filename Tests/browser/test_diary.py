"""The family's diary on a phone (issue 5): a parent signs in, switches between his children, reads a week, opens a
mark's details and goes to the previous week; a page that fits 360 px and 1280 px.

The demo's lessons end on 27.11.2026 (conftest) while the server's clock is real, so the test opens the week of
23.11.2026 by its address rather than today's week.
"""

import sqlite3

from selenium.webdriver.common.by import By

from conftest import assert_fits, click_and_wait, path_of, screenshot, sign_in

WEEK = "2026-11-23"


def parent_of_several(demo, accounts):
    """A parent with at least two children whose diaries are open, whom no other test signs in."""
    database = sqlite3.connect(demo.accounts_file.parent / "zhurnal.sqlite", timeout=30)
    rows = database.execute(
        """
        SELECT a.login FROM guardianships g
        JOIN accounts a ON a.school_id = g.school_id AND a.person_id = g.guardian_id
        JOIN people p ON p.school_id = g.school_id AND p.id = g.student_id
        GROUP BY a.login HAVING COUNT(*) >= 2 AND COUNT(p.family_consent_on) = COUNT(*)
        ORDER BY a.login
        """
    ).fetchall()
    database.close()
    taken = {accounts.with_roles("parent")[index].login for index in (0, 1, -1)}
    logins = [login for (login,) in rows if login not in taken and set(accounts[login].roles) == {"parent"}]
    assert logins, "the demo has no parent of two children with open diaries"
    return accounts[logins[0]]


def test_a_parent_reads_his_childrens_weeks_on_a_phone(server, browser, demo, accounts):
    parent = parent_of_several(demo, accounts)
    browser.set_window_size(360, 800)
    sign_in(browser, parent.login, parent.password)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Дневник"))
    assert path_of(browser) == "/diary"
    children = browser.find_elements(By.CSS_SELECTOR, ".child-list a")
    assert len(children) >= 2
    first_name = children[0].text
    click_and_wait(browser, children[0])
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Дневник: {first_name}"

    # A week with lessons, then the other child's same week through the switcher.
    browser.get(browser.current_url.split("?")[0] + f"?week={WEEK}")
    assert browser.find_element(By.CSS_SELECTOR, ".week-title").text == "23.11 – 29.11.2026"
    assert browser.find_elements(By.CSS_SELECTOR, ".diary-lesson"), "no lessons in the week"
    switcher = browser.find_elements(By.CSS_SELECTOR, "nav[aria-label='Дети'] a:not([aria-current])")
    assert switcher
    other = switcher[0].text
    click_and_wait(browser, switcher[0])
    assert browser.find_element(By.TAG_NAME, "h1").text == f"Дневник: {other}"
    assert browser.find_element(By.CSS_SELECTOR, ".week-title").text == "23.11 – 29.11.2026"

    # A mark's work type, weight and comment open on a tap; the previous week is one tap away.
    for url in (browser.current_url, browser.find_element(By.CSS_SELECTOR, "a[rel=prev]").get_attribute("href")):
        browser.get(url)
        marks = browser.find_elements(By.CSS_SELECTOR, "details.diary-mark")
        if marks:
            break
    assert marks, "no marks in two weeks"
    marks[0].find_element(By.TAG_NAME, "summary").click()
    detail = marks[0].find_element(By.CSS_SELECTOR, "p.small")
    assert detail.is_displayed() and ", вес " in detail.text
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "diary-week", width)


def test_a_pupil_opens_a_subjects_marks(server, browser, demo, accounts):
    """The period's marks: each subject's weighted average written out, the proposal, the chart; at both widths."""
    parent = parent_of_several(demo, accounts)
    sign_in(browser, parent.login, parent.password)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Дневник"))
    click_and_wait(browser, browser.find_elements(By.CSS_SELECTOR, ".child-list a")[0])
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Отметки за период"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Отметки: ")
    assert browser.find_elements(By.CSS_SELECTOR, ".periods a[aria-current=page]")
    # The demo's lessons end on 27.11: the period in progress has marks in most subjects.
    formulas = [p.text for p in browser.find_elements(By.CSS_SELECTOR, ".diary-subject p") if p.text.startswith("Средний балл:")]
    assert formulas, "no subject with an average"
    assert " / (" in formulas[0] and ("=" in formulas[0] or "≈" in formulas[0])
    assert browser.find_elements(By.CSS_SELECTOR, "svg.average-chart")
    assert "округление" in browser.find_element(By.CSS_SELECTOR, ".diary-head .small").text
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "diary-marks", width)


def test_a_parent_acknowledges_a_week_and_writes_to_a_teacher(server, browser, demo, accounts):
    """«Ознакомлен» on a phone, the start page's child and news, and a message to one of the child's teachers."""
    parent = parent_of_several(demo, accounts)
    browser.set_window_size(360, 800)
    sign_in(browser, parent.login, parent.password)
    # The start page: the switcher between his children and the news since his last visit.
    assert browser.find_element(By.ID, "family-title").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "nav[aria-label='Дети'] a")) >= 2
    assert browser.find_element(By.ID, "news-title").text.startswith("Новое")
    assert_fits(browser)
    screenshot(browser, "family-home", 360)

    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Дневник"))
    click_and_wait(browser, browser.find_elements(By.CSS_SELECTOR, ".child-list a")[0])
    browser.get(browser.current_url.split("?")[0] + f"?week={WEEK}")
    button = browser.find_element(By.XPATH, "//button[normalize-space()='Ознакомлен(а) с неделей']")
    click_and_wait(browser, button)
    confirmed = browser.find_element(By.CSS_SELECTOR, ".acknowledgement p").text
    assert confirmed.startswith("Ознакомлен(а): ") and parent.last_name in confirmed
    assert not browser.find_elements(By.XPATH, "//button[normalize-space()='Ознакомлен(а) с неделей']")
    screenshot(browser, "diary-acknowledged", 360)
    # The same week on paper, with his confirmation in place of the signature line.
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Версия для печати (A4)"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Дневник за неделю: ")
    assert "Ознакомлен(а) в электронном дневнике: " in browser.find_element(By.CSS_SELECTOR, ".print-sign").text
    browser.set_window_size(1280, 900)
    assert_fits(browser)
    screenshot(browser, "diary-print", 1280)
    browser.set_window_size(360, 800)

    # A message to the first teacher the form offers; it arrives unread in the sent box with its read count.
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Сообщения"))
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Написать сообщение"))
    options = [o for o in browser.find_elements(By.CSS_SELECTOR, "#to option") if o.get_attribute("value")]
    assert options and all("Родитель" not in o.text and "Ученик" not in o.text for o in options)
    teacher = next(o for o in options if "Учитель" in o.text)
    teacher.click()
    browser.find_element(By.ID, "subject").send_keys("Вопрос о домашнем задании")
    browser.find_element(By.ID, "body").send_keys("Здравствуйте! Уточните, пожалуйста, задание на понедельник.")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Отправить']"))
    assert path_of(browser).startswith("/messages/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Вопрос о домашнем задании"
    assert "не прочитано" in browser.find_element(By.CSS_SELECTOR, ".message-list").text
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "message-sent", width)
