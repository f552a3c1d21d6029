"""The administrator's people pages: search, a class filter, a person's card, and credentials for a class printed
as slips; then a pupil signs in with his slip and must choose his own password."""

import base64
import os
import math
import re
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import (
    SCREENSHOTS, alert_text, assert_fits, broken_across_lines, click_and_wait, new_chrome, path_of, screenshot, sign_in,
    sign_out,
)

# The header and the page's own notes: none of it belongs on the printed slips.
NOT_PRINTED = ["Выйти", "Журнал безопасности", "Мои сеансы", "Люди", "Пароли показаны только здесь", "К списку людей",
               "свободный электронный классный журнал"]
SLIP_END = "Не передавайте логин и пароль никому."


def people_rows(browser) -> list:
    """The people table as dicts: name, login, roles, class, and the card's address."""
    rows = []
    for row in browser.find_elements(By.CSS_SELECTOR, "main table tbody tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        link = cells[0].find_element(By.TAG_NAME, "a")
        rows.append({
            "name": link.text, "href": link.get_attribute("href"), "login": cells[1].text,
            "roles": cells[2].text, "class": cells[3].text,
        })
    return rows


def card_facts(browser) -> dict:
    return {fact.find_element(By.TAG_NAME, "dt").text: fact.find_element(By.TAG_NAME, "dd").text
            for fact in browser.find_elements(By.CSS_SELECTOR, ".fact")}


def search(browser, text: str = "", class_name: str | None = None):
    field = browser.find_element(By.ID, "q")
    field.clear()
    field.send_keys(text)
    Select(browser.find_element(By.ID, "class")).select_by_visible_text(class_name or "Все")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[role=search] button[type=submit]"))
    assert path_of(browser) == "/admin/people"


def print_to_pdf(browser) -> bytes:
    """What Ctrl+P → «Сохранить как PDF» gives on A4, through Chrome DevTools."""
    result = browser.execute_cdp_cmd(
        "Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True}
    )
    return base64.b64decode(result["data"])


def pdf_pages_text(pdf: bytes) -> list | None:
    """The text of each page (pdftotext from poppler-utils), or None without it; CI installs it and must have it."""
    if not shutil.which("pdftotext"):
        assert not os.environ.get("CI"), "pdftotext is missing: apt-get install poppler-utils"
        return None
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True).stdout
    return text.decode("utf-8").split("\f")[:-1]  # every page ends with a form feed


def pdf_page_count(pdf: bytes) -> int:
    """Counted in the bytes: one `/Type /Page` object per page (Chrome writes no object streams)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def slips_on_page(browser) -> list:
    slips = []
    for slip in browser.find_elements(By.CSS_SELECTOR, ".slips .slip"):
        labels, values = slip.find_elements(By.TAG_NAME, "dt"), slip.find_elements(By.TAG_NAME, "dd")
        values = {dt.text: dd.text for dt, dd in zip(labels, values)}
        slips.append({
            "name": slip.find_element(By.TAG_NAME, "h2").text,
            "login": values.get("Логин", ""),
            "password": values.get("Одноразовый пароль", ""),
            "address": values.get("Адрес", ""),
        })
    return slips


def check_printout(pdf: bytes, slips: list) -> int:
    """The PDF shows only the slips, each whole on one page, two in a row; returns its page count."""
    pages = pdf_page_count(pdf)
    assert pdf.startswith(b"%PDF-")
    assert 1 <= pages <= math.ceil(len(slips) / 2), f"{pages} pages for {len(slips)} slips"
    texts = pdf_pages_text(pdf)
    if texts is None:
        return pages
    assert len(texts) == pages
    everything = "\n".join(texts)
    for words in NOT_PRINTED:
        assert words not in everything, f"«{words}» is printed"
    for slip in slips:
        assert slip["name"] in everything
        # Typed from paper: the login and the password each on one line, not broken in two.
        assert slip["login"] in everything, slip["login"]
        assert slip["password"] in everything, slip["password"]
    # A slip cut across two pages would leave its name on one page and its last line on the next.
    for number, text in enumerate(texts, 1):
        names = sum(text.count(slip["name"]) for slip in {s["name"]: s for s in slips}.values())
        ends = text.replace("\n", " ").count(SLIP_END)
        assert names == ends, f"page {number}: {names} names but {ends} slip ends"
    return pages


@pytest.fixture
def admin(browser, accounts):
    """The session's browser, signed in as the school's administrator."""
    account = accounts["admin"]
    sign_in(browser, account.login, account.password)
    assert path_of(browser) == "/"
    return browser


@pytest.fixture(scope="module")
def pupil(accounts):
    """The pupil whose surname is searched for and whose class gets credentials."""
    return accounts.with_roles("student")[0]


def class_of(browser, pupil) -> tuple:
    """Finds the pupil by surname, then his class's people; returns (class name, pupils' rows, the class page)."""
    browser.get(browser.base_url + "/admin/people")
    search(browser, pupil.last_name)
    class_name = next(row["class"] for row in people_rows(browser) if row["name"] == pupil.full_name)
    search(browser, "", class_name)
    pupils = [row for row in people_rows(browser) if row["roles"] == "Ученик"]
    return class_name, pupils, browser.current_url


class Issued:
    """Credentials issued to the pupils of one class: every slip, and the browser that still shows the last page of
    slips (`page_slips`: those on it)."""

    def __init__(self, browser, class_name, pupils, slips, by_class):
        self.browser, self.class_name, self.pupils, self.slips = browser, class_name, pupils, slips
        self.by_class = by_class
        self.page_slips = slips_on_page(browser)


@pytest.fixture(scope="module")
def issued(server, accounts, pupil):
    """The administrator, in a browser of his own, issues credentials to every pupil of the pupil's class."""
    browser = new_chrome()
    browser.base_url = server
    try:
        sign_in(browser, accounts["admin"].login, accounts["admin"].password)
        class_name, pupils, class_page = class_of(browser, pupil)
        legend = browser.find_element(By.CSS_SELECTOR, "form[action$='/credentials'] legend").text
        assert legend == f"Выдать учётные данные классу {class_name} и напечатать листки"
        browser.find_element(By.CSS_SELECTOR, "input[name=who][value=pupils]").click()
        click_and_wait(browser, browser.find_element(By.XPATH, "//form[contains(@action, '/credentials')]//button"))
        assert re.fullmatch(r"/admin/classes/\d+/credentials", path_of(browser))
        slips = slips_on_page(browser)
        by_class = bool(slips)
        if not by_class:
            # A class's credentials may go only to those without an account yet (existing ones are reset one by one
            # from a person's card, where the policy is asked about each). The demo's pupils all have one: the page
            # says so, and each pupil gets his new one-time password from his card.
            assert "учётная запись уже есть" in browser.find_element(By.TAG_NAME, "main").text
            for row in pupils:
                browser.get(row["href"])
                reset = browser.find_element(By.XPATH, "//form[contains(@action, '/credentials')]//button")
                click_and_wait(browser, reset)
                slips += slips_on_page(browser)
        yield Issued(browser, class_name, pupils, slips, by_class)
    finally:
        browser.quit()


def test_people_are_found_by_surname_and_by_class(server, admin, pupil):
    browser = admin
    assert browser.find_element(By.CSS_SELECTOR, ".user-roles").text == "Системный администратор"
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Люди"))
    assert path_of(browser) == "/admin/people"
    assert browser.find_element(By.TAG_NAME, "h1").text == "Люди школы"
    assert len(people_rows(browser)) == 50  # a page of fifty, with a link to the next
    assert browser.find_element(By.LINK_TEXT, "Следующие →")
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        assert broken_across_lines(browser, "main table code") == {}
        screenshot(browser, "admin-people", width)
    browser.set_window_size(1280, 900)

    # Search by a Cyrillic surname, typed as a person types it.
    search(browser, pupil.last_name)
    assert browser.find_element(By.ID, "q").get_attribute("value") == pupil.last_name
    found = people_rows(browser)
    assert found and all(pupil.last_name.lower() in row["name"].lower() for row in found), found
    row = next(row for row in found if row["name"] == pupil.full_name)
    assert row["login"] == pupil.login and row["roles"] == "Ученик"
    class_name = row["class"]
    assert re.fullmatch(r"\d{1,2}[А-Я]", class_name)

    # Filter by his class: its pupils and their parents, and the form that issues them credentials.
    search(browser, "", class_name)
    assert Select(browser.find_element(By.ID, "class")).first_selected_option.text == class_name
    members = people_rows(browser)
    pupils = [row for row in members if row["roles"] == "Ученик"]
    assert pupil.full_name in [row["name"] for row in pupils]
    assert all(row["class"] == class_name for row in pupils)
    assert all("Родитель" in row["roles"] for row in members if row not in pupils)
    legend = browser.find_element(By.CSS_SELECTOR, "form[action$='/credentials'] legend").text
    assert legend == f"Выдать учётные данные классу {class_name} и напечатать листки"


def test_a_persons_card_shows_his_class_parents_and_account(server, admin, pupil):
    browser = admin
    class_name, _, _ = class_of(browser, pupil)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, pupil.full_name))
    assert re.fullmatch(r"/admin/people/\d+", path_of(browser))
    assert browser.find_element(By.TAG_NAME, "h1").text == pupil.full_name
    card = browser.find_element(By.TAG_NAME, "main").text
    assert f"Ученик класса {class_name}" in card
    assert "Родители и законные представители" in card
    facts = card_facts(browser)
    assert facts["Логин"] == pupil.login
    assert facts["Второй фактор"] == "нет"
    browser.set_window_size(360, 900)
    assert_fits(browser)
    assert broken_across_lines(browser, ".fact dd code") == {}
    screenshot(browser, "admin-person", 360)


def test_every_pupil_of_the_class_gets_a_slip(server, issued):
    browser = issued.browser
    if issued.by_class:
        assert browser.find_element(By.TAG_NAME, "h1").text == f"Учётные данные учеников {issued.class_name}"
    else:
        assert browser.find_element(By.TAG_NAME, "h1").text == f"Учётные данные: {issued.pupils[-1]['name']}"
    slips = issued.slips
    assert len(slips) >= 2
    assert sorted(slip["name"] for slip in slips) == sorted(row["name"] for row in issued.pupils)
    logins = {row["name"]: row["login"] for row in issued.pupils}
    for slip in slips:
        assert slip["name"] and slip["login"] and slip["password"], slip
        assert slip["login"] == logins[slip["name"]]
        assert len(slip["password"]) >= 12 and " " not in slip["password"]
        assert slip["address"] == server
    assert len({slip["password"] for slip in slips}) == len(slips)
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        assert broken_across_lines(browser, ".slip dd code") == {}
        screenshot(browser, "slips", width)
    browser.set_window_size(1280, 900)


def test_slips_print_on_a4_alone_two_in_a_row_and_whole(issued):
    browser = issued.browser
    slips = issued.page_slips
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        lefts = browser.execute_script(
            "return [...document.querySelectorAll('.slip')].map(s => Math.round(s.getBoundingClientRect().left))")
        header = browser.execute_script("return getComputedStyle(document.querySelector('.site-header')).display")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert len(set(lefts)) == min(2, len(slips)), lefts
    assert header == "none"
    pdf = print_to_pdf(browser)
    assert check_printout(pdf, slips) == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "slips.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(SCREENSHOTS / "slips.pdf"), str(SCREENSHOTS / "slips-pdf-page1")], check=True)

    # A class of thirty: the same slips repeated, printed again, still whole on their pages.
    browser.execute_script("""
        const box = document.querySelector('.slips'), slips = [...box.children];
        for (let i = 0; box.children.length < 30; i++) box.appendChild(slips[i % slips.length].cloneNode(true));
    """)
    try:
        thirty = slips_on_page(browser)
        assert len(thirty) == 30
        pdf = print_to_pdf(browser)
    finally:
        browser.execute_script(f"[...document.querySelectorAll('.slip')].slice({len(slips)}).forEach(s => s.remove())")
    assert check_printout(pdf, thirty) >= 2
    (SCREENSHOTS / "slips-30.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "2", "-l", "2", "-singlefile",
                        str(SCREENSHOTS / "slips-30.pdf"), str(SCREENSHOTS / "slips-30-pdf-page2")], check=True)


def test_the_card_says_a_one_time_password_was_issued(server, admin, issued):
    name = issued.slips[-1]["name"]  # not the pupil who signs in below
    browser = admin
    browser.get(server + "/admin/people?q=" + name.split()[0])
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, name))
    assert card_facts(browser)["Состояние"].startswith("Выдан одноразовый пароль, действует до ")


def test_a_pupil_signs_in_with_his_slip_and_chooses_his_own_password(server, another_browser, accounts, issued):
    slip = issued.slips[0]
    phone = another_browser()
    phone.set_window_size(360, 800)
    # The password from the demo's file no longer works: the slip replaced it.
    old = accounts[slip["login"]]
    sign_in(phone, old.login, old.password)
    assert alert_text(phone) == "Неверный логин или пароль."

    sign_in(phone, slip["login"], slip["password"])
    assert path_of(phone) == "/password"
    assert phone.find_element(By.TAG_NAME, "h1").text == "Придумайте свой пароль"
    assert phone.find_elements(By.ID, "current") == []  # the one-time password was just typed
    assert phone.find_element(By.ID, "password").accessible_name == "Новый пароль"
    phone.get(server + "/")
    assert path_of(phone) == "/password"  # nothing else opens before
    assert_fits(phone)
    screenshot(phone, "password-forced", 360)

    new_password = "сорок два тюленя у причала"

    def choose(password, repeated):
        phone.find_element(By.ID, "password").send_keys(password)
        phone.find_element(By.ID, "repeated").send_keys(repeated)
        click_and_wait(phone, phone.find_element(By.CSS_SELECTOR, "form[action='/password'] button[type=submit]"))

    choose(new_password, new_password + "!")
    assert alert_text(phone) == "Пароль и его повтор не совпадают."
    choose(new_password, new_password)
    assert path_of(phone) == "/"
    assert phone.find_element(By.CSS_SELECTOR, ".user-name").text == slip["name"]
    assert phone.find_element(By.CSS_SELECTOR, ".user-roles").text == "Ученик"

    # The one-time password is spent; his own works.
    sign_out(phone)
    sign_in(phone, slip["login"], slip["password"])
    assert path_of(phone) == "/login"
    assert alert_text(phone) == "Неверный логин или пароль."
    sign_in(phone, slip["login"], new_password)
    assert path_of(phone) == "/"


def test_the_year_and_its_classes_are_set_up_on_pages_that_fit(server, admin):
    """Issue 6's first pages: the year's calendar and its classes, with their forms, at both widths."""
    browser = admin
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Календарь года"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Учебный год ")
    assert browser.find_elements(By.CSS_SELECTOR, "#periods-title + ul li"), "the demo's year has periods"
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-calendar", width)
    # An open period's dates, opened for change and saved unchanged: nothing happens to its lessons.
    browser.set_window_size(1280, 900)
    change = browser.find_element(By.CSS_SELECTOR, "#periods-title + ul details.change")
    change.find_element(By.TAG_NAME, "summary").click()
    screenshot(browser, "admin-calendar-change", 1280)
    click_and_wait(browser, change.find_element(By.XPATH, ".//button[text()='Сохранить даты']"))
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Календарь изменён. Уроков убрано: 0; создано по расписанию: 0."
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Классы"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table tbody tr")
    assert len(rows) >= 20, "the demo school has its classes"
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-classes", width)
