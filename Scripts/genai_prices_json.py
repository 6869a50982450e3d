#!/usr/bin/env python3
"""Writes the price data bundled in a genai-prices wheel as the JSON its updater downloads.

The genai-prices wheel on PyPI carries its data as Python code (genai_prices/data.py); the
same data is published as JSON (prices/new_data/v2/data.json in pydantic/genai-prices), which
is what `ftcost pricing import --from genai-prices` reads. This script turns the wheel's data
into that JSON so a released version can be imported, with every price written as its exact
decimal literal (no float rounding). Extractors are left out: ftcost does not read them.

Usage:
  pip download genai-prices==0.2.3 --no-deps -d /tmp/wheels
  python3 Scripts/genai_prices_json.py /tmp/wheels/genai_prices-0.2.3-py3-none-any.whl > data.json

Needs pydantic (genai-prices' own dependency); no network access.
"""

import dataclasses
import datetime
import decimal
import sys
import tempfile
import types
import zipfile


def load_providers(wheel):
    folder = tempfile.mkdtemp()
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(folder)
    sys.path.insert(0, folder)
    # The updater's HTTP client is not needed to read the bundled data.
    sys.modules.setdefault("httpx2", types.ModuleType("httpx2"))
    from genai_prices import data  # noqa: E402

    return data.providers


def plain(value):
    """The value as JSON-ready data; decimals stay exact as their literal text."""
    if isinstance(value, decimal.Decimal):
        return RawNumber(format(value, "f") if value == value.to_integral_value() else str(value))
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items() if item is not None}
    if dataclasses.is_dataclass(value):
        result = {}
        for field in dataclasses.fields(value):
            if field.name.startswith("_") or field.name == "extractors":
                continue
            item = getattr(value, field.name)
            if item is None:
                continue
            result[field.name.rstrip("_")] = plain(item)
        return result
    if hasattr(value, "__dict__"):  # ModelPrice keeps its prices as attributes
        return {key: plain(item) for key, item in vars(value).items() if not key.startswith("_") and item is not None}
    return value


class RawNumber(str):
    """A number written as its literal text."""


def dump(value, out):
    if isinstance(value, RawNumber):
        out.append(str(value))
    elif isinstance(value, bool):
        out.append("true" if value else "false")
    elif isinstance(value, (int, float)):
        out.append(repr(value))
    elif isinstance(value, str):
        import json

        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, list):
        out.append("[")
        for index, item in enumerate(value):
            if index:
                out.append(",")
            dump(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            if index:
                out.append(",")
            dump(key, out)
            out.append(":")
            dump(item, out)
        out.append("}")
    elif value is None:
        out.append("null")
    else:
        raise TypeError(f"cannot write {type(value).__name__}")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = []
    dump(plain(load_providers(sys.argv[1])), out)
    sys.stdout.write("".join(out) + "\n")


if __name__ == "__main__":
    main()
