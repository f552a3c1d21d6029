"""Browser tests: the real `zhurnal serve` with a small demo school, driven by headless Chromium."""

import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = pathlib.Path(os.environ.get("ZHURNAL_SCREENSHOTS", ROOT / ".build" / "screenshots"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("ZHURNAL_BIN") or str(ROOT / ".build" / "debug" / "zhurnal")
    workdir = tempfile.mkdtemp(prefix="zhurnal-browser-")
    port = free_port()
    log = open(os.path.join(workdir, "server.log"), "w")
    process = subprocess.Popen(
        [
            binary, "serve", "--demo", "--students", "60", "--until", "2026-11-27",
            "--db", f"sqlite:{workdir}/zhurnal.sqlite", "--accounts", f"{workdir}/accounts.csv",
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
    yield base
    # SIGTERM stops the server gracefully: it answers what is in flight, closes the database and exits with 0.
    process.terminate()
    code = process.wait(timeout=30)
    log.close()
    assert code == 0, open(os.path.join(workdir, "server.log")).read()
    shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
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
    yield driver
    driver.quit()


def screenshot(browser, name: str, width: int) -> pathlib.Path:
    """Saves a full-height screenshot at `width` CSS pixels, for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.set_window_size(width, 900)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, max(height, 400))
    path = SCREENSHOTS / f"{name}-{width}.png"
    browser.save_screenshot(str(path))
    return path
