"""Issue 6's lists: a pupils' list written by openpyxl (as Excel writes it: shared strings, a real date cell) is
uploaded on the administrator's page, refused whole for one bad row, then previewed and written; the export opens in
openpyxl and holds the new pupil with his mother."""

import datetime
import io
import tempfile
import urllib.request

import openpyxl
import pytest
from selenium.webdriver.common.by import By

from conftest import assert_fits, click_and_wait, fits_and_screenshots, screenshot, sign_in

HEADINGS = ["Фамилия", "Имя", "Отчество", "Дата рождения", "Класс", "Дата зачисления", "Представитель 1", "Кем приходится 1"]


def workbook(rows) -> str:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Ученики"
    sheet.append(HEADINGS)
    for row in rows:
        sheet.append(row)
    path = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False).name
    book.save(path)
    return path


@pytest.fixture
def admin(browser, accounts):
    sign_in(browser, accounts["admin"].login, accounts["admin"].password)
    return browser


def upload(browser, path):
    browser.get(browser.base_url + "/admin/import")
    browser.find_element(By.ID, "file").send_keys(path)
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Проверить']"))


def test_a_pupils_list_from_excel_is_checked_whole_then_written_and_exported(admin):
    browser = admin
    good = ["Новикова", "Арина", "Олеговна", datetime.date(2015, 3, 14), "5А", None, "Новикова Ольга Игоревна", "мать"]
    # Row 3 names a class the school has not got: the whole file is refused and nothing written.
    upload(browser, workbook([good, ["Ершов", "Глеб", None, "14.03.2015", "5Я", None, None, None]]))
    table = browser.find_element(By.CSS_SELECTOR, "main table")
    assert "3" == table.find_element(By.CSS_SELECTOR, "tbody th").text
    assert "Класса 5Я в этом учебном году нет." in table.text
    assert "Ничего не записано" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert not browser.find_elements(By.XPATH, "//button[text()='Записать список']")
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-import-refused", width)

    upload(browser, workbook([good]))
    assert "Новых учеников: 1" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Записать список']"))
    assert "Список записан. Новых учеников: 1, новых представителей: 1." in browser.find_element(By.CSS_SELECTOR, ".notice").text
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-import", width)

    # The same file again changes nothing.
    upload(browser, workbook([good]))
    assert "Файл ничего не меняет" in browser.find_element(By.TAG_NAME, "main").text

    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(browser.base_url + "/admin/export/pupils.xlsx", headers={"Cookie": cookies})
    with urllib.request.urlopen(request) as response:
        book = openpyxl.load_workbook(io.BytesIO(response.read()))
    rows = [[cell.value for cell in row] for row in book.active.iter_rows()]
    assert rows[0][:len(HEADINGS)] == HEADINGS
    assert ["Новикова", "Арина", "Олеговна", "14.03.2015", "5А", "01.09.2026", "Новикова Ольга Игоревна", "мать"] in [r[:8] for r in rows]


def test_a_pupil_is_transferred_on_his_movement_page(admin):
    """The pupil imported above (or any pupil of 5А) moves to 5Б; the page shows both enrolments, and a move dated
    before his arrival is refused with the reason."""
    browser = admin
    browser.get(browser.base_url + "/admin/people?q=%D0%9D%D0%BE%D0%B2%D0%B8%D0%BA%D0%BE%D0%B2%D0%B0")
    link = browser.find_element(By.LINK_TEXT, "Новикова Арина Олеговна")
    click_and_wait(browser, link)
    click_and_wait(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Классы и движение"))
    assert "с 01.09.2026" in browser.find_element(By.CSS_SELECTOR, "main table").text

    def transfer(date: str):
        form = browser.find_element(By.CSS_SELECTOR, "form input[name=kind][value=transfer]").find_element(By.XPATH, "..")
        form.find_element(By.CSS_SELECTOR, "select[name=classId] option[value]")
        for option in form.find_elements(By.CSS_SELECTOR, "select[name=classId] option"):
            if option.text == "5Б":
                option.click()
        date_field = form.find_element(By.NAME, "date")
        browser.execute_script("arguments[0].value = arguments[1]", date_field, date)
        form.find_element(By.NAME, "reason").send_keys("Приказ № 7")
        click_and_wait(browser, form.find_element(By.TAG_NAME, "button"))

    transfer("2026-08-31")
    assert "вне учебного года" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    transfer("2026-11-23")
    rows = browser.find_element(By.CSS_SELECTOR, "main table").text
    assert "с 01.09.2026 по 22.11.2026" in rows and "5Б" in rows and "Приказ № 7" in rows
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-movement", width)


def test_the_years_end_page_says_why_it_cannot_close_yet(admin):
    """The demo's year has open periods: the page says which, offers no button, and fits both widths."""
    browser = admin
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Конец года"))
    assert "Год нельзя закрыть, пока открыты периоды" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert not browser.find_elements(By.XPATH, "//button[text()='Закрыть год и перевести классы']")
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-rollover", width)


def test_a_staff_list_gives_newcomers_accounts_and_their_slips(admin, tmp_path):
    """«Сотрудники списком» on «Новая учётная запись»: a workbook of two teachers, one already known, gives the new one
    an account and prints his slip; the page and the slips fit both widths."""
    browser = admin
    browser.get(browser.base_url + "/admin/people/new")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Фамилия", "Имя", "Отчество", "Роли"])
    sheet.append(["Корнилова", "Алиса", "Игоревна", "учитель"])
    sheet.append(["Корнилова", "Алиса", "Игоревна", "директор"])
    path = tmp_path / "staff.xlsx"
    book.save(path)
    browser.find_element(By.ID, "staff-file").send_keys(str(path))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Загрузить список']"))
    assert "строка 3: Корнилова Алиса Игоревна уже есть в строке 2." in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text
    book.remove(sheet)
    sheet = book.create_sheet("Сотрудники")
    sheet.append(["Фамилия", "Имя", "Отчество", "Роли"])
    sheet.append(["Корнилова", "Алиса", "Игоревна", "учитель"])
    book.save(path)
    browser.find_element(By.ID, "staff-file").send_keys(str(path))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Загрузить список']"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Сотрудники из списка"
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text.startswith("Новых сотрудников: 1,")
    assert "Корнилова Алиса Игоревна" in browser.find_element(By.CSS_SELECTOR, ".slip h2").text
    fits_and_screenshots(browser, "staff-slips")
