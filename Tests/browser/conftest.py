"""Browser tests: the real `zhurnal serve` with a small demo school, driven by headless Chromium.

Every page needs sign-in, so the fixtures here start the server once with `--accounts FILE`, read that CSV of demo
accounts (`login,password,roles,fullName`), and sign in through the real form. Each test takes accounts that no other
test changes: signing in, resetting passwords and enrolling a second factor all leave traces in the one database.
"""

import csv
import dataclasses
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = pathlib.Path(os.environ.get("ZHURNAL_SCREENSHOTS", ROOT / ".build" / "screenshots"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclasses.dataclass(frozen=True)
class DemoServer:
    url: str
    accounts_file: pathlib.Path


@pytest.fixture(scope="session")
def demo():
    """`zhurnal serve --demo` with 60 pupils in a temporary folder, for the whole run."""
    binary = os.environ.get("ZHURNAL_BIN") or str(ROOT / ".build" / "debug" / "zhurnal")
    workdir = tempfile.mkdtemp(prefix="zhurnal-browser-")
    port = free_port()
    log = open(os.path.join(workdir, "server.log"), "w")
    accounts_file = pathlib.Path(workdir) / "accounts.csv"
    process = subprocess.Popen(
        [
            binary, "serve", "--demo", "--students", "60", "--until", "2026-11-27",
            "--db", f"sqlite:{workdir}/zhurnal.sqlite", "--accounts", str(accounts_file),
            "--port", str(port),
        ],
        stdout=log, stderr=subprocess.STDOUT, cwd=workdir,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("zhurnal serve exited: " + open(os.path.join(workdir, "server.log")).read())
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        raise RuntimeError("zhurnal serve did not answer /healthz in time")
    yield DemoServer(url=base, accounts_file=accounts_file)
    # SIGTERM stops the server gracefully: it answers what is in flight, closes the database and exits with 0.
    process.terminate()
    code = process.wait(timeout=30)
    log.close()
    assert code == 0, open(os.path.join(workdir, "server.log")).read()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def server(demo) -> str:
    """The server's base URL, e.g. `http://127.0.0.1:41234`."""
    return demo.url


@dataclasses.dataclass(frozen=True)
class Account:
    login: str
    password: str
    roles: tuple
    full_name: str

    @property
    def last_name(self) -> str:
        return self.full_name.split()[0]


class Accounts(dict):
    """The demo accounts by login, as `--accounts` wrote them (the passwords as issued, before any test changed one)."""

    def with_roles(self, *roles: str) -> list:
        """Accounts whose roles are exactly these, in the file's order."""
        return [account for account in self.values() if set(account.roles) == set(roles)]


@pytest.fixture(scope="session")
def accounts(demo) -> Accounts:
    with open(demo.accounts_file, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert rows, "the demo wrote no accounts"
    return Accounts(
        (row["login"], Account(row["login"], row["password"], tuple(row["roles"].split()), row["fullName"]))
        for row in rows
    )


def new_chrome():
    options = webdriver.ChromeOptions()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-dev-shm-usage")
    options.add_argument("--lang=ru")
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_window_size(1280, 900)
    return driver


@pytest.fixture(scope="session")
def chrome():
    driver = new_chrome()
    yield driver
    driver.quit()


@pytest.fixture
def browser(chrome, server):
    """The session's browser, signed out (no cookies) and 1280 px wide at the start of each test."""
    chrome.base_url = server
    chrome.execute_cdp_cmd("Network.clearBrowserCookies", {})
    chrome.set_window_size(1280, 900)
    return chrome


@pytest.fixture
def another_browser(server):
    """A second, independent browser (its own cookies): another device of the same person, say."""
    drivers = []

    def start():
        driver = new_chrome()
        driver.base_url = server
        drivers.append(driver)
        return driver

    yield start
    for driver in drivers:
        driver.quit()


def path_of(browser) -> str:
    return urllib.parse.urlsplit(browser.current_url).path


def wait_for_path(browser, path: str, timeout: float = 10):
    WebDriverWait(browser, timeout).until(lambda b: path_of(b) == path)


def click_and_wait(browser, element, timeout: float = 15):
    """Clicks a link or a submit button and waits until the next page has replaced this one: the same address may
    come back (a form with an error), so the address alone cannot tell that the answer arrived."""
    old_page = browser.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(browser, timeout).until(lambda b: is_gone(old_page))
    WebDriverWait(browser, timeout).until(lambda b: b.execute_script("return document.readyState") == "complete")


def is_gone(element) -> bool:
    """Whether the element left the document. Chromium sometimes answers a node of the page being replaced with
    "Node with given id does not belong to the document" rather than a stale reference: that is gone too."""
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error):
            return True
        raise


def sign_in(browser, login: str, password: str):
    """Signs in through the form on /login and waits for the next page; leaves the browser where the server sent it."""
    browser.get(browser.base_url + "/login")
    if path_of(browser) != "/login":  # still signed in from before: start afresh
        browser.execute_cdp_cmd("Network.clearBrowserCookies", {})
        browser.get(browser.base_url + "/login")
    browser.find_element(By.ID, "login").send_keys(login)
    browser.find_element(By.ID, "password").send_keys(password)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/login'] button[type=submit]"))


def sign_out(browser):
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
    assert path_of(browser) == "/login"


def alert_text(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, "[role=alert]").text


def sticking_out(browser) -> list:
    """What sticks out sideways beyond the window (tag, class, right edge); empty when the page fits its width.

    Elements inside a box that scrolls sideways on purpose (a wide table in `.table-wrap`) do not count."""
    return browser.execute_script("""
        const width = window.innerWidth;
        if (document.documentElement.scrollWidth <= width) return [];
        const scrolls = (e) => { if (['absolute', 'fixed'].includes(getComputedStyle(e).position)) return false;
            for (let p = e.parentElement; p; p = p.parentElement) {
                if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true; }
            return false; };
        const out = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && !scrolls(e))
            .map(e => `${e.tagName.toLowerCase()}.${e.className} right=${Math.round(e.getBoundingClientRect().right)}`);
        return out.length ? out : [`page ${document.documentElement.scrollWidth} px wide`];
    """)


def assert_fits(browser):
    """Nothing sticks out sideways: the page is no wider than the window."""
    out = sticking_out(browser)
    assert not out, f"sticks out at {browser.execute_script('return window.innerWidth')} px: {out[:10]}"


def broken_across_lines(browser, css: str) -> dict:
    """Inline elements matching `css` that are broken across lines (text: number of lines); empty when none is.
    A password or a code split in two is misread when typed from paper."""
    return browser.execute_script("""
        const broken = {};
        for (const e of document.querySelectorAll(arguments[0])) {
            const lines = new Set([...e.getClientRects()].map(r => Math.round(r.top)));
            if (lines.size > 1) broken[e.textContent] = lines.size;
        }
        return broken;
    """, css)


def screenshot(browser, name: str, width: int) -> pathlib.Path:
    """Saves a full-height screenshot at `width` CSS pixels, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(width, 900)
    # The window is taller than the page's viewport (innerHeight): add the difference, or the bottom is cut off.
    height, extra = browser.execute_script(
        "return [document.documentElement.scrollHeight, window.outerHeight - window.innerHeight]")
    browser.set_window_size(width, max(height, 400) + extra)
    path = SCREENSHOTS / f"{name}-{width}.png"
    browser.save_screenshot(str(path))
    return path


def fits_and_screenshots(browser, name: str):
    """The page fits a phone (360 px) and a desktop (1280 px) and is photographed at both; the window is left at
    1280 px for the test to go on."""
    for width in (360, 1280):
        browser.set_window_size(width, 900)
        assert_fits(browser)
        screenshot(browser, name, width)
    browser.set_window_size(1280, 900)
