"""Homework on the lesson page (issue 4, part 3): a teacher writes the class's homework with a due date, attaches a file
through the page's own upload form (multipart, its CSRF token the first field, no script), sees the file's link, and
the grid's column names the homework, its date and its file.
"""

import urllib.request

from selenium.webdriver.common.by import By

from conftest import assert_fits, click_and_wait, screenshot, sign_in
from test_journal import course_links, open_latest_period


def test_a_teacher_sets_homework_with_a_due_date_and_a_file(server, browser, accounts, tmp_path):
    teacher = accounts.with_roles("teacher")[0]
    sign_in(browser, teacher.login, teacher.password)
    for _, href in course_links(browser):
        if open_latest_period(browser, href):
            grid = browser.current_url
            break
    else:
        raise AssertionError("none of the teacher's journals has lessons")
    lesson = browser.find_elements(By.CSS_SELECTOR, "th.lesson-col a")[-1]
    lesson_href = lesson.get_attribute("href")
    click_and_wait(browser, lesson)

    # The class's homework and its date, saved with the lesson's form. The date field takes the browser's own
    # input; the server's year holds 2027-05-20 whatever the demo's day.
    text = browser.find_element(By.ID, "homework")
    text.clear()
    text.send_keys("§ 12, контурная карта")
    browser.execute_script("arguments[0].value = '2027-05-20'", browser.find_element(By.ID, "homeworkDueOn"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, ".lesson-form button[type=submit]"))
    assert "Классу, сдать к 20.05.2027." in browser.find_element(By.ID, "lesson-homework").text

    # A file through the page's upload form.
    worksheet = tmp_path / "Контурная карта.pdf"
    worksheet.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    upload = browser.find_element(By.CSS_SELECTOR, "form.homework-upload")
    upload.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(worksheet))
    click_and_wait(browser, upload.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "saved=1" in browser.current_url
    link = browser.find_element(By.CSS_SELECTOR, "#lesson-homework .homework-files a")
    assert link.text == "Контурная карта.pdf"

    # The link serves the file as an attachment, to this session only.
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(link.get_attribute("href"), headers={"Cookie": cookies})
    with urllib.request.urlopen(request) as answer:
        assert answer.read() == worksheet.read_bytes()
        assert answer.headers["Content-Disposition"].startswith("attachment; ")
        assert answer.headers["X-Content-Type-Options"] == "nosniff"

    for width in (360, 1280):
        screenshot(browser, "lesson-homework", width)
        assert_fits(browser)

    browser.get(grid)
    title = browser.find_element(By.CSS_SELECTOR, f"th.lesson-col a[href='{lesson_href.split(server)[-1]}']").find_element(By.XPATH, "..")
    assert "ДЗ: § 12, контурная карта (сдать к 20.05.2027; файлов: 1)" in title.get_attribute("title")
