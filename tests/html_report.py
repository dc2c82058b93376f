#!/usr/bin/env python3
"""The HTML report in a real browser: Debian's Chromium, driven by Playwright for Python.

Renders the demo app's report and a hostile one (a file named `<img src=x onerror=alert(1)>.js`)
with the built ttlint, opens each from file://, and checks what a person would see: no console
errors, no network requests, the page table and the structure graph visible, filtering by rule
hiding the other findings, and the hostile name shown as text with no alert firing.

Run it through scripts/test-html-report.sh, which builds ttlint first. With --screenshot PATH it
also saves a PNG of the demo report (for the README).
"""

import argparse
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

from playwright.sync_api import expect, sync_playwright

ROOT = pathlib.Path(__file__).resolve().parent.parent
HOSTILE = "<img src=x onerror=alert(1)>.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    if ok:
        results["passed"] += 1
        print(f"ok     {name}")
    else:
        results["failed"] += 1
        print(f"FAILED {name}" + (f": {detail}" if detail else ""))


def render(ttlint, target, out, cwd):
    """Writes the HTML report of `target`; ttlint exits 1 when it finds errors, which is fine."""
    run = subprocess.run(
        [str(ttlint), str(target), "--format", "html", "-o", str(out)],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    if run.returncode not in (0, 1) or not out.exists():
        sys.exit(f"ttlint failed ({run.returncode}): {run.stderr}")


def hostile_app(folder):
    """A tiny app whose page loads a module named like an HTML tag with an event handler."""
    (folder / "pages/index").mkdir(parents=True)
    (folder / "app.json").write_text('{"pages": ["pages/index/index"]}\n')
    (folder / "pages/index/index.ttml").write_text('<view bindtap="buy">购买</view>\n')
    (folder / "pages/index/index.js").write_text(
        f"const pay = require('../../{HOSTILE}');\nPage({{ buy() {{ pay(); }} }});\n"
    )
    (folder / HOSTILE).write_text("module.exports = function () { tt.pay({}); };\n")


class Watched:
    """A page with its console errors, requests and dialogs recorded."""

    def __init__(self, context, url):
        self.url = url
        self.errors, self.requests, self.dialogs = [], [], []
        self.page = context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def check_quiet(self, name):
        check(f"{name}: no console errors", not self.errors, "; ".join(self.errors))
        others = [u for u in self.requests if u != self.url]
        check(f"{name}: no network requests", not others, ", ".join(others))
        check(f"{name}: no dialog", not self.dialogs, ", ".join(self.dialogs))


def demo_checks(page):
    table = page.locator("table.pages")
    check("demo: the page table is visible", table.is_visible())
    rows = page.locator("table.pages tbody tr")
    check("demo: one row per page", rows.count() == 6, f"{rows.count()} rows")
    graph = page.locator("svg.graph")
    check("demo: the structure graph is visible", graph.is_visible())
    pages = page.locator("svg.graph .node.k-page")
    check("demo: every page is in the graph", pages.count() == 6, f"{pages.count()} page nodes")
    check(
        "demo: trade is marked in the graph",
        page.locator("svg.graph .node.trade").count() > 0,
    )
    check("demo: the verdict is shown", page.locator(".verdict h1").is_visible())

    findings = page.locator(".finding")
    before = findings.count()
    rules = set(findings.evaluate_all("els => els.map(e => e.dataset.rule)"))
    check("demo: findings are rendered", before > 0 and len(rules) > 1, f"{before} findings")
    check(
        "demo: findings show code frames",
        page.locator(".finding pre.frame mark").count() > 0,
    )
    rule = "drainage-contact"
    page.select_option("#f-rule", rule)
    shown = page.locator(".finding:visible")
    shown_rules = set(shown.evaluate_all("els => els.map(e => e.dataset.rule)"))
    check(
        f"demo: filtering by {rule} hides other findings",
        shown.count() > 0 and shown_rules == {rule} and shown.count() < before,
        f"{shown.count()} shown of {before}, rules {sorted(shown_rules)}",
    )
    row_rules = page.locator("table.pages tbody tr:visible").evaluate_all(
        "rows => rows.map(r => r.dataset.rules)"
    )
    check(
        f"demo: filtering by {rule} keeps only its pages in the table",
        row_rules and all(rule in r.split() for r in row_rules),
        str(row_rules),
    )
    page.click("#f-reset")
    # The report re-applies its filters on the next tick after a form reset. Wait through the
    # locator, not `wait_for_function`: a string predicate is evaluated with `eval`, which the
    # report's Content-Security-Policy (rightly) forbids.
    visible = page.locator(".finding:visible")
    try:
        expect(visible).to_have_count(before, timeout=5000)
    except AssertionError:
        pass
    check(
        "demo: reset shows every finding again",
        visible.count() == before,
        f"{visible.count()} shown of {before}",
    )

    page.click("table.pages th:nth-child(6) button")
    order = page.locator("table.pages tbody tr td:first-child code").all_inner_texts()
    page.click("table.pages th:nth-child(6) button")
    reverse = page.locator("table.pages tbody tr td:first-child code").all_inner_texts()
    check("demo: sorting by findings reorders the rows", order != reverse and len(order) == 6)


def hostile_checks(page):
    text = page.locator("body").inner_text()
    check("hostile: the file name shows as text", HOSTILE in text)
    check("hostile: no element was injected", page.locator("img").count() == 0)
    where = page.locator(".finding .where").all_inner_texts()
    check(
        "hostile: the finding names the file",
        any(HOSTILE in w for w in where),
        str(where),
    )
    labels = page.locator("svg.graph .node").evaluate_all("els => els.map(e => e.dataset.label)")
    check("hostile: the graph labels the module as text", HOSTILE in labels, str(labels))
    fired = page.evaluate("() => window.__alerted === true")
    check("hostile: no script ran", not fired)


def screenshot(context, url, path):
    page = context.new_page()
    page.set_viewport_size({"width": 1200, "height": 900})
    page.goto(url)
    page.wait_for_load_state("load")
    # The verdict, the areas, the table, the graph and the first findings.
    bottom = page.evaluate(
        "() => { const f = document.querySelectorAll('.finding')[1];"
        " return f ? f.getBoundingClientRect().bottom + window.scrollY + 16 : 1800; }"
    )
    clip = {"x": 0, "y": 0, "width": 1200, "height": min(bottom, 2600)}
    page.screenshot(path=str(path), full_page=True, clip=clip)
    page.close()
    optimise(path)


def optimise(path):
    """Makes the PNG small: pngquant when installed, else Pillow's palette conversion."""
    if shutil.which("pngquant"):
        subprocess.run(
            ["pngquant", "--force", "--skip-if-larger", "--quality", "70-95", "--output", str(path), str(path)],
            check=False,
        )
        return
    try:
        from PIL import Image
    except ImportError:
        return
    image = Image.open(path).convert("RGB").quantize(colors=128)
    image.save(path, optimize=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ttlint", default=str(ROOT / "target/debug/ttlint"))
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--screenshot", help="also save a PNG of the demo report here")
    args = parser.parse_args()
    ttlint = pathlib.Path(args.ttlint).resolve()

    with tempfile.TemporaryDirectory(prefix="ttlint-html-") as tmp:
        tmp = pathlib.Path(tmp)
        demo = tmp / "demo.html"
        render(ttlint, "fixtures/demo-shop", demo, ROOT)
        app = tmp / "hostile-app"
        hostile_app(app)
        hostile = tmp / "hostile.html"
        render(ttlint, app, hostile, tmp)

        with sync_playwright() as p:
            context = p.chromium.launch_persistent_context(
                user_data_dir=str(tmp / "profile"),
                executable_path=args.chromium,
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": 1280, "height": 1000},
            )
            # Any alert() in the page marks it, in case a dialog event were missed.
            context.add_init_script("window.alert = () => { window.__alerted = true; };")
            try:
                watched = Watched(context, demo.as_uri())
                demo_checks(watched.page)
                watched.check_quiet("demo")
                watched = Watched(context, hostile.as_uri())
                hostile_checks(watched.page)
                watched.check_quiet("hostile")
                if args.screenshot:
                    screenshot(context, demo.as_uri(), pathlib.Path(args.screenshot).resolve())
                    print(f"wrote {args.screenshot}")
            finally:
                context.close()

    print(f"html-report: {results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
