"""The web page in a real browser (headless Chromium): it draws the stored events, shows an event's
evidence from a link, and shows hostile article text as text. `.ci/run` installs Chromium; without
it these tests are reported as skipped, with that reason."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from newsevents.api import read_text
from newsevents.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs it)")

HOSTILE = (Path(__file__).parent / "fixtures" / "hostile.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import uvicorn

    from newsevents.server import create_app

    db = tmp_path_factory.mktemp("web") / "page.duckdb"
    with Store(db) as store:
        store.write(read_text(HOSTILE, published="2023-03-06", url="javascript:alert(3)", outlet="Wire"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _dom(url: str) -> str:
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000",
         "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    return result.stdout


def _first_event(site: str) -> dict:
    import httpx

    return httpx.get(f"{site}/api/events").json()["data"][0]


def test_web_page_lists_events_and_opens_evidence_from_a_link(site):
    event = _first_event(site)
    dom = _dom(f"{site}/?event={event['id']}")
    assert f"<td>{event['type']}" in dom and "Kidal" in dom  # the table and the map
    assert "<mark>" in dom and event["id"] in dom  # the evidence panel, its sentence marked


def test_web_page_shows_hostile_text_as_text(site):
    dom = _dom(f"{site}/?event={_first_event(site)['id']}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom  # the headline, escaped
    assert "&lt;img src=x onerror=alert(2)&gt;" in dom and "<img" not in dom
    assert "javascript:alert(3)" in dom and 'href="javascript:' not in dom  # shown, never linked
