"""Read codebook files shipped inside the package."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any


def read_text(name: str) -> str:
    """Return the text of ``codebooks/data/<name>``."""
    return (files("newsevents.codebooks") / "data" / name).read_text(encoding="utf-8")


def read_json(name: str) -> Any:
    """Return the parsed JSON of ``codebooks/data/<name>``."""
    return json.loads(read_text(name))


def read_tsv(name: str) -> list[dict[str, str]]:
    """Return the rows of a TAB-separated file with a header and no quoting."""
    header, *lines = read_text(name).splitlines()
    columns = header.split("\t")
    return [dict(zip(columns, line.split("\t"), strict=True)) for line in lines if line]
