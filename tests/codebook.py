"""Reads the contract itself (../shared/CODEBOOK.md), independently of pipeline.schemas.

Tests compare outputs with what this parser reads from the codebook, so a
mistake in `pipeline/schemas.py` cannot hide behind itself.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CODEBOOK = SHARED / "CODEBOOK.md"
GOLD = SHARED / "gold" / "seeds.json"

# codebook type words -> (logical type) as the tests understand them
TYPE_WORDS = {
    "string": "string",
    "date": "date",
    "int32": "int32",
    "int64": "int64",
    "double": "double",
    "boolean": "boolean",
    "timestamp with time zone": "timestamptz",
    "list<string>": "list<string>",
}


def codebook_tables() -> dict[str, list[tuple[str, str | None, bool]]]:
    """{table: [(column, logical type or None if unstated, nullable)]} from the codebook."""
    text = CODEBOOK.read_text(encoding="utf-8")
    tables: dict[str, list] = {}
    current = None
    for line in text.splitlines():
        heading = re.match(r"^### (\w+)\s*$", line)
        if heading:
            current = heading.group(1)
            tables[current] = []
            continue
        if line.startswith("## "):
            current = None
        if (
            current is None
            or not line.startswith("|")
            or line.startswith("|---")
            or line.startswith("| field")
        ):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        names = [n.strip() for n in cells[0].split(",")]
        type_cell = cells[1] if len(cells) > 2 else ""
        type_parts = [t.strip() for t in type_cell.split(",") if t.strip()]
        nullable = "nullable" in type_parts
        kinds = [TYPE_WORDS[t] for t in type_parts if t in TYPE_WORDS]
        for i, name in enumerate(names):
            kind = kinds[min(i, len(kinds) - 1)] if kinds else None
            tables[current].append((name, kind, nullable))
    return tables
