#!/usr/bin/env python3
"""Drives a real headless Chromium over the DevTools protocol (no WebDriver, no mock DOM)
for the tests of `paperbag view` and for scripts/make-review-screenshot.

    review_browser.py check INDEX_HTML            -> JSON: console errors, regions, entries
    review_browser.py correct INDEX_HTML OUT_DIR  -> clicks a reassign and a furniture
                                                     correction, downloads the file, JSON
    review_browser.py screenshot INDEX_HTML PNG --page N

Exit 77 when chromium or python3-websocket is missing (the tests then skip)."""

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import websocket  # python3-websocket
except ImportError:
    print("skipped: python3-websocket is not installed", file=sys.stderr)
    sys.exit(77)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    print("skipped: chromium is not installed", file=sys.stderr)
    sys.exit(77)


class Browser:
    """One headless Chromium with one page, spoken to through the DevTools protocol."""

    def __init__(self, width=1400, height=1000):
        self.profile = tempfile.mkdtemp(prefix="paperbag-chromium-")
        self.process = subprocess.Popen(
            [find_chromium(), "--headless=new", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-sync", "--hide-scrollbars",
             "--remote-debugging-port=0", "--user-data-dir=" + self.profile,
             "--window-size=%d,%d" % (width, height), "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + 120
        while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
            if time.time() > deadline or self.process.poll() is not None:
                self.close()
                raise SystemExit("chromium did not start")
            time.sleep(0.1)
        time.sleep(0.2)
        port, path = open(port_file).read().split("\n")[:2]
        self.ws = websocket.create_connection("ws://127.0.0.1:%s%s" % (port, path), timeout=120)
        self.next_id = 0
        self.events = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(domain + ".enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                  session=True)

    def call(self, method, params=None, session=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, timeout=90):
        deadline = time.time() + timeout
        for event in self.events:
            if event.get("method") == method:
                self.events.remove(event)
                return event
        self.ws.settimeout(1)
        try:
            while time.time() < deadline:
                try:
                    event = json.loads(self.ws.recv())
                except websocket.WebSocketTimeoutException:
                    continue
                if event.get("method") == method:
                    return event
                self.events.append(event)
        finally:
            self.ws.settimeout(120)
        raise SystemExit("timed out waiting for " + method)

    def open(self, path):
        self.call("Page.navigate", {"url": "file://" + os.path.abspath(path)}, session=True)
        self.wait_for("Page.loadEventFired")

    def js(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True,
                            "awaitPromise": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError("JavaScript failed: %s" % result["exceptionDetails"])
        return result["result"].get("value")

    def click(self, selector):
        """A real mouse click in the middle of the element (scrolled into view first)."""
        box = self.js("""(() => { const e = document.querySelector(%s);
            if (!e) return null; e.scrollIntoView({block: 'center'});
            const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; })()""" % json.dumps(selector))
        if box is None:
            raise SystemExit("nothing to click: " + selector)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent",
                      {"type": kind, "x": box[0], "y": box[1], "button": "left",
                       "clickCount": 1}, session=True)

    def key(self, key, code, keycode):
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent",
                      {"type": kind, "key": key, "code": code,
                       "windowsVirtualKeyCode": keycode}, session=True)

    def type_text(self, text):
        self.call("Input.insertText", {"text": text}, session=True)

    def console_errors(self):
        errors = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value")) for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append(params["entry"].get("text", ""))
        return errors

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


COUNTS = """(() => {
  const ids = s => [...document.querySelectorAll(s)].map(e => e.getAttribute('data-article'));
  return {
    regions: [...new Set(ids('.region[data-article]'))].length,
    region_elements: document.querySelectorAll('.region').length,
    regions_without_block: document.querySelectorAll('.region:not([data-block])').length,
    index_entries: ids('#index .article-entry').length,
    index_ids: ids('#index .article-entry'),
    region_ids: [...new Set(ids('.region[data-article]'))],
    images: [...document.querySelectorAll('image')].map(i => i.getAttribute('href')),
    unlabelled: [...document.querySelectorAll('.region, .article-entry')]
                  .filter(e => !e.getAttribute('aria-label')).length,
    not_focusable: [...document.querySelectorAll('.region, .article-entry')]
                  .filter(e => e.tabIndex < 0).length,
    external: [...document.querySelectorAll('[src], link[href], image[href]')]
                  .map(e => e.getAttribute('src') || e.getAttribute('href'))
                  .filter(u => /^[a-z]+:/i.test(u))
  };
})()"""


def check(index):
    browser = Browser()
    try:
        browser.open(index)
        result = browser.js(COUNTS)
        # Select the first article of the index with the keyboard: Tab to it, Enter.
        first = result["index_ids"][0]
        browser.js("document.querySelector('#index .article-entry').focus()")
        browser.key("Enter", "Enter", 13)
        result["selected_article"] = first
        result["selected_regions"] = browser.js(
            "document.querySelectorAll('.region.selected').length")
        result["regions_of_first"] = browser.js(
            "[...document.querySelectorAll('.region')].filter(e => "
            "e.getAttribute('data-article') === %s).length" % json.dumps(first))
        result["selected_entries"] = browser.js(
            "[...document.querySelectorAll('.article-entry.selected')]"
            ".every(e => e.getAttribute('data-article') === %s)" % json.dumps(first))
        result["focus_visible"] = browser.js(
            "getComputedStyle(document.activeElement).outlineStyle")
        # Arrow down moves the focus to the next entry.
        browser.key("ArrowDown", "ArrowDown", 40)
        result["focus_after_arrow"] = browser.js(
            "document.activeElement.getAttribute('data-article')")
        browser.key("Escape", "Escape", 27)
        result["selected_after_escape"] = browser.js(
            "document.querySelectorAll('.selected').length")
        result["console_errors"] = browser.console_errors()
        return result
    finally:
        browser.close()


def correct(index, out_dir):
    """Through the UI: click a block of an article with several blocks, pick another article
    in the index, Move; click a second block, Mark furniture; type the reviewer; Download."""
    browser = Browser()
    try:
        browser.call("Browser.setDownloadBehavior",
                     {"behavior": "allow", "downloadPath": os.path.abspath(out_dir),
                      "eventsEnabled": True})
        browser.open(index)
        plan = browser.js("""(() => {
          const regions = [...document.querySelectorAll('.region[data-article]')];
          const by = {};
          for (const r of regions) (by[r.dataset.article] = by[r.dataset.article] || []).push(r);
          const donor = Object.keys(by).find(a => by[a].length >= 3);
          const target = [...document.querySelectorAll('#index .article-entry')]
                           .map(e => e.dataset.article).find(a => a !== donor);
          const blocks = by[donor].map(r => r.dataset.block);
          return {donor, target, moved: blocks[blocks.length - 1],
                  furniture: blocks[blocks.length - 2]};
        })()""")
        browser.click('.region[data-block="%s"]' % plan["moved"])
        browser.click('#index .article-entry[data-article="%s"]' % plan["target"])
        browser.click('#tools button[data-action="reassign"]')
        plan["region_article_after_move"] = browser.js(
            "document.querySelector('.region[data-block=\"%s\"]').dataset.article" % plan["moved"])
        browser.click('.region[data-block="%s"]' % plan["furniture"])
        browser.click('#tools button[data-action="furniture"]')
        browser.click("#reviewer")
        browser.type_text("Ada Reviewer")
        browser.click('#tools button[data-action="download"]')
        begin = browser.wait_for("Browser.downloadWillBegin")
        while True:
            progress = browser.wait_for("Browser.downloadProgress")
            if progress["params"]["state"] in ("completed", "canceled"):
                break
        plan["download_state"] = progress["params"]["state"]
        plan["file"] = os.path.join(out_dir, begin["params"]["suggestedFilename"])
        plan["message"] = browser.js("document.getElementById('tool-message').textContent")
        plan["console_errors"] = browser.console_errors()
        return plan
    finally:
        browser.close()


def screenshot(index, png, page):
    browser = Browser(1400, 1100)
    try:
        browser.open(index)
        browser.js("document.getElementById('page-%d').scrollIntoView()" % page)
        # Highlight the first article of the page, as a reviewer would see it.
        browser.js("document.querySelector('#page-%d .article-entry').click()" % page)
        clip = browser.js("""(() => { const r = document.querySelector('#page-%d .page-layout')
                            .getBoundingClientRect();
                            return {x: r.left + scrollX, y: r.top + scrollY, width: r.width,
                                    height: Math.min(r.height, 1400), scale: 1}; })()""" % page)
        data = browser.call("Page.captureScreenshot",
                            {"format": "png", "clip": clip, "captureBeyondViewport": True},
                            session=True)["data"]
        with open(png, "wb") as out:
            out.write(base64.b64decode(data))
        return {"file": png, "console_errors": browser.console_errors()}
    finally:
        browser.close()


def main(argv):
    if len(argv) >= 2 and argv[0] == "check":
        print(json.dumps(check(argv[1])))
    elif len(argv) >= 3 and argv[0] == "correct":
        print(json.dumps(correct(argv[1], argv[2])))
    elif len(argv) >= 3 and argv[0] == "screenshot":
        page = int(argv[argv.index("--page") + 1]) if "--page" in argv else 1
        print(json.dumps(screenshot(argv[1], argv[2], page)))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
