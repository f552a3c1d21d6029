"""Issue 6's «Правила школы»: the settings, subjects, work types and bells on one page that fits both widths; a bell
that overlaps another is refused with the reason."""

import datetime

from selenium.webdriver.common.by import By

from conftest import assert_fits, click_and_wait, fits_and_screenshots, screenshot, sign_in


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


def test_a_classes_week_is_edited_day_by_day(browser, accounts):
    """«Курсы и расписание» of the first class: its courses and the week as a day-by-day form that fits a phone."""
    sign_in(browser, accounts["admin"].login, accounts["admin"].password)
    browser.get(browser.base_url + "/admin/classes")
    click_and_wait(browser, browser.find_elements(By.LINK_TEXT, "Курсы и расписание")[4])
    assert browser.find_element(By.TAG_NAME, "h1").text.endswith(": курсы и расписание")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".week fieldset")) == 6
    chosen = [s for s in browser.find_elements(By.CSS_SELECTOR, ".week select")
              if s.find_elements(By.CSS_SELECTOR, "option[selected]:not([value=''])")]
    assert chosen, "the demo's timetable shows in the grid"
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-timetable", width)
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Сохранить расписание']"))
    assert "Расписание сохранено" in browser.find_element(By.CSS_SELECTOR, "[role=status]").text


def test_the_curriculum_and_a_courses_thematic_plan(browser, accounts, tmp_path):
    """«Учебный план» as a table of subjects by parallel, and a КТП uploaded for a course and laid onto its lessons."""
    sign_in(browser, accounts["admin"].login, accounts["admin"].password)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Учебный план"))
    rows = browser.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    assert rows and "Математика" in browser.find_element(By.CSS_SELECTOR, "main table").text
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-curriculum", width)

    plan = tmp_path / "ktp.csv"
    plan.write_text("№;Тема;Часов;Контроль\n1;Повторение;3;\n2;Новая тема;40;\n", encoding="utf-8")
    browser.get(browser.base_url + "/courses/1/plan")
    browser.find_element(By.ID, "plan-file").send_keys(str(plan))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Загрузить']"))
    assert "План сохранён." in browser.find_element(By.CSS_SELECTOR, "[role=status]").text
    table = browser.find_element(By.CSS_SELECTOR, "main table").text
    assert "Повторение" in table and "Новая тема" in table
    assert "Часов в плане: 43." in browser.find_element(By.TAG_NAME, "main").text
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "course-plan", width)


def test_the_monthly_check_from_a_homeroom_teacher_to_the_administrator(another_browser, browser, accounts):
    """A homeroom teacher answers «no changes» for his class; the administrator's overview counts who has not."""
    # Not the first homeroom teacher, whose password the sign-in tests change.
    homeroom = accounts.with_roles("teacher", "homeroom")[-1]
    teacher = another_browser()
    sign_in(teacher, homeroom.login, homeroom.password)
    click_and_wait(teacher, teacher.find_element(By.LINK_TEXT, "Сверка класса"))
    assert teacher.find_elements(By.CSS_SELECTOR, "main table tbody tr"), "his class's list"
    for width in (360, 1280):
        teacher.set_window_size(width, 900)
        assert_fits(teacher)
        screenshot(teacher, "homeroom-check", width)
    click_and_wait(teacher, teacher.find_element(By.XPATH, "//button[text()='Отправить']"))
    assert "Ответ отправлен" in teacher.find_element(By.CSS_SELECTOR, "[role=status]").text

    sign_in(browser, accounts["admin"].login, accounts["admin"].password)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Сверка классов"))
    assert "изменений нет" in browser.find_element(By.CSS_SELECTOR, "main table").text
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, "admin-monthly-check", width)


def test_the_deputy_adds_cancels_restores_and_cannot_move_a_lesson_to_a_sunday(browser, accounts):
    """«Изменения расписания»: an extra lesson on next Monday (the demo's lessons end today), cancelled and restored,
    each coming back as a notice; a move to a Sunday comes back with the reason."""
    deputy = [account for account in accounts.values() if "deputy" in account.roles][0]
    sign_in(browser, deputy.login, deputy.password)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Изменения расписания"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Изменения расписания"
    # The first Monday ahead that is a school day (holidays and the gap between periods refuse an extra lesson).
    today = datetime.date.today()
    for week in range(8):
        monday = today + datetime.timedelta(days=7 - today.weekday() + 7 * week)
        browser.execute_script("arguments[0].value = arguments[1]", browser.find_element(By.ID, "pick-date"), monday.isoformat())
        click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Показать']"))
        assert monday.strftime("%d.%m.%Y") in browser.find_element(By.ID, "day-title").text
        click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Добавить урок']"))
        alerts = browser.find_elements(By.CSS_SELECTOR, "[role=alert]")
        if not (alerts and ("каникулы" in alerts[0].text or "вне учебных периодов" in alerts[0].text)):
            break
    else:
        raise AssertionError("no school day in the next eight Mondays")
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Урок добавлен."
    row = browser.find_elements(By.CSS_SELECTOR, "tbody tr")[0]
    assert "дополнительный" in row.text
    fits_and_screenshots(browser, "schedule-changes")

    click_and_wait(browser, row.find_element(By.XPATH, ".//button[text()='Отменить урок']"))
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Урок отменён."
    row = browser.find_elements(By.CSS_SELECTOR, "tbody tr")[0]
    assert "отменён" in row.text
    click_and_wait(browser, row.find_element(By.XPATH, ".//button[text()='Восстановить']"))
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Урок восстановлен."

    row = browser.find_elements(By.CSS_SELECTOR, "tbody tr")[0]
    sunday = monday - datetime.timedelta(days=1)
    browser.execute_script("arguments[0].value = arguments[1]", row.find_element(By.NAME, "to_date"), sunday.isoformat())
    click_and_wait(browser, row.find_element(By.XPATH, ".//button[text()='Перенести']"))
    assert "воскресенье" in browser.find_element(By.CSS_SELECTOR, "[role=alert]").text


def test_a_teachers_week_across_his_classes(browser, accounts):
    """«Расписание учителя»: the administration picks a teacher and sees his week day by day, fitting a phone."""
    sign_in(browser, accounts["admin"].login, accounts["admin"].password)
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Расписание учителя"))
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Расписание: ")
    picker = browser.find_element(By.ID, "pick-teacher")
    options = picker.find_elements(By.TAG_NAME, "option")
    assert len(options) > 10, "the demo's teachers are offered"
    # The fifth teacher of the list, and the lessons of his week.
    fifth = options[4].text
    browser.execute_script("arguments[0].value = arguments[1]", picker, options[4].get_attribute("value"))
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Показать']"))
    assert fifth in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.CSS_SELECTOR, ".week-hours li"), "a demo teacher has lessons"
    # The demo's timetable puts nobody in two places at once.
    assert not browser.find_elements(By.CSS_SELECTOR, "[role=alert], li.clash")
    fits_and_screenshots(browser, "teacher-week")


def test_subgroups_and_a_group_across_classes(browser, accounts):
    """«Подгруппы и группы»: the demo's English subgroups and elective group are listed; a subgroup's page ticks its
    class's pupils; both pages fit a phone."""
    sign_in(browser, accounts["admin"].login, accounts["admin"].password)
    browser.get(browser.base_url + "/admin/classes")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Подгруппы и группы из разных классов"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Подгруппы и группы"
    places = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "tbody td[data-label='Чья']")]
    assert "из разных классов" in places and any(place.startswith("подгруппа ") for place in places)
    fits_and_screenshots(browser, "admin-groups")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "tbody th a"))
    boxes = browser.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
    ticked = [box for box in boxes if box.is_selected()]
    assert boxes and ticked and len(ticked) < len(boxes), "a subgroup holds part of its class"
    fits_and_screenshots(browser, "admin-group")
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[text()='Сохранить состав']"))
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").text == "Состав сохранён: пришли 0, ушли 0."
