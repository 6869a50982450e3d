#!/usr/bin/env python3
"""Renders ftcost's HTML report and SVG charts in headless Chromium and checks the screenshots
are not blank.

Usage: render-check.py FTCOST_BINARY [--keep DIR]

For two example scenarios it writes `ftcost report` pages and `roi --chart/--component-chart`
SVGs, screenshots each with `chromium --headless --screenshot` (the report at desktop and at
phone width), decodes every PNG (standard library only) and requires many colours and a share of
non-white pixels. Without Chromium it prints why it skipped and exits 0; a failed check exits 1.
"""

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BROWSERS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]


def find_browser():
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def decode_png(path):
    """Width, height and rows of RGB(A) tuples of an 8-bit, non-interlaced PNG."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    offset, idat, header = 8, b"", None
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def check_not_blank(path):
    width, height, channels, rows = decode_png(path)
    colours, inked, seen = set(), 0, 0
    for y in range(0, height, 2):
        row = rows[y]
        for x in range(0, width, 2):
            pixel = row[x * channels : x * channels + 3]
            colours.add(pixel)
            seen += 1
            if min(pixel) < 235:
                inked += 1
    share = inked / max(seen, 1)
    ok = len(colours) >= 16 and share >= 0.01
    print(f"{os.path.basename(path)}: {width}x{height}, {len(colours)} colours, {share:.1%} inked: {'ok' if ok else 'BLANK'}")
    return ok


def screenshot(browser, source, target, width, height, profile):
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--disable-extensions", "--user-data-dir=" + profile, f"--window-size={width},{height}",
        "--screenshot=" + target, "file://" + source,
    ]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
    if not os.path.exists(target):
        raise RuntimeError("no screenshot from: " + " ".join(command))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 64
    binary = os.path.abspath(sys.argv[1])
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    browser = find_browser()
    if browser is None:
        print("skipped: no Chromium found (looked for " + ", ".join(BROWSERS) + " on PATH)")
        return 0
    folder = keep or tempfile.mkdtemp(prefix="ftcost-render-")
    os.makedirs(folder, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="ftcost-chromium-")
    env = dict(os.environ, FTCOST_TODAY="2026-11-26")
    env.pop("FTCOST_PRICING", None)
    shots = []
    try:
        for name in ["support-assistant", "self-hosted-qwen-vs-api"]:
            scenario = os.path.join(ROOT, "examples", name + ".json")
            page = os.path.join(folder, name + ".html")
            chart = os.path.join(folder, name + "-cumulative.svg")
            parts = os.path.join(folder, name + "-components.svg")
            for command in (
                [binary, "report", "--scenario", scenario, "--out", page, "--force"],
                [binary, "roi", "--scenario", scenario, "--chart", chart, "--component-chart", parts, "--force"],
            ):
                run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
                if run.returncode != 0:
                    print(f"failed: {' '.join(command)}\n{run.stderr}")
                    return 1
            shots.append((page, os.path.join(folder, name + "-desktop.png"), 1200, 2400))
            shots.append((chart, os.path.join(folder, name + "-cumulative.png"), 900, 800))
            shots.append((parts, os.path.join(folder, name + "-components.png"), 900, 1000))
        shots.append((shots[0][0], os.path.join(folder, "support-assistant-phone.png"), 390, 1600))
        ok = True
        for source, target, width, height in shots:
            screenshot(browser, source, target, width, height, profile)
            ok = check_not_blank(target) and ok
    finally:
        shutil.rmtree(profile, ignore_errors=True)
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print("rendered in " + os.path.basename(browser) + ": " + ("every screenshot has content" if ok else "BLANK screenshots"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
