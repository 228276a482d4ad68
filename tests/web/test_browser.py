"""The pages in a real browser: headless Chromium (Debian's `chromium` and `chromium-driver`,
which `make test` installs) against `sanctionwatch serve`, on both databases."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

from sanctionwatch.cases import casework
from sanctionwatch.cases.model import Audience, Scope, Tlp, Topic
from tests.cases.conftest import PASSWORD, Panel

BIN = Path(sys.executable).parent / "sanctionwatch"


def _tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: `make test` installs Debian's chromium and chromium-driver"
    return found


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[webdriver.Chrome]:
    monkeypatch.setenv("SE_OFFLINE", "true")  # Selenium Manager downloads nothing
    options = webdriver.ChromeOptions()
    options.binary_location = _tool("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(_tool("chromedriver")), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def served(panel: Panel) -> Iterator[str]:
    """`sanctionwatch serve` on the panel's database; its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    url = panel.engine.url.render_as_string(hide_password=False)
    env = {**os.environ, "SANCTIONWATCH_DATABASE_URL": url, "SANCTIONWATCH_LOG_LEVEL": "ERROR"}
    server = subprocess.Popen([str(BIN), "serve", "--port", str(port)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)


def test_an_analyst_logs_in_sees_only_readable_cases_and_logs_out(
    panel: Panel, served: str, browser: webdriver.Chrome
) -> None:
    everyone = Audience(Scope.ALL, "US", frozenset(), Tlp.AMBER)
    us_only = Audience(Scope.ORIGINATOR, "US", frozenset(), Tlp.RED)
    with panel.engine.begin() as conn:
        analyst = panel["us.analyst"]
        casework.open_case(conn, analyst, "Coal <b>via</b> Nakhodka", Topic.EXPORTS, "s", everyone)
        casework.open_case(conn, analyst, "US eyes only", Topic.EXPORTS, "s", us_only)
    wait = WebDriverWait(browser, 20)

    browser.get(f"{served}/web/")  # not logged in: sent to the login page
    wait.until(expected_conditions.title_contains("Log in"))
    browser.find_element(By.NAME, "user").send_keys("kr.delegate")
    browser.find_element(By.NAME, "password").send_keys("wrong password here")
    browser.find_element(By.TAG_NAME, "form").submit()
    alert = wait.until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, ".error")))
    assert alert.text == "wrong user name or password"

    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "main form").submit()
    wait.until(expected_conditions.title_contains("Cases"))
    rows = [r.text for r in browser.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert any("Coal <b>via</b> Nakhodka" in r for r in rows), rows  # shown as text, escaped
    assert not any("US eyes only" in r for r in rows), rows
    assert "kr.delegate (KR)" in browser.find_element(By.TAG_NAME, "header").text
    assert "sw_session" not in browser.execute_script("return document.cookie")  # HttpOnly

    browser.find_element(By.CSS_SELECTOR, "header button").click()
    wait.until(expected_conditions.title_contains("Log in"))
    browser.get(f"{served}/web/")
    wait.until(expected_conditions.title_contains("Log in"))  # the session is gone
