"""Reading the raw folder: articles, front matter, manifest, body normalisation.

Implements the codebook's "Input" section and nothing more: which files are
articles, how their metadata is found (front matter wins over `manifest.csv`),
how the body is normalised, and how `article_id` is made. No language
processing happens here. Pure functions plus one `read_raw_folder` that walks
a folder; Dagster assets call it.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

log = logging.getLogger(__name__)

NZ = ZoneInfo("Pacific/Auckland")
MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("file", "url", "published", "publisher", "title")
METADATA_FIELDS = ("url", "published", "publisher", "title")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


class IngestError(ValueError):
    """A file that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class RawArticle:
    source_path: str  # relative to the raw folder, with forward slashes
    body: str
    article_id: str
    body_sha256: str
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    published_date: dt.date | None = None
    published_date_source: str = "unknown"

    @property
    def n_chars(self) -> int:
        return len(self.body)

    @property
    def n_words(self) -> int:
        return len(self.body.split())


@dataclass
class IngestResult:
    articles: list[RawArticle] = field(default_factory=list)
    # (source_path, reason) for files set aside
    rejected: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def normalise_body(text: str) -> str:
    """The codebook's body: `\\r\\n` made `\\n`, surrounding whitespace stripped."""
    return text.replace("\r\n", "\n").strip()


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def article_id_for(body: str) -> str:
    return "a_" + body_digest(body)[:12]


def split_front_matter(text: str) -> tuple[dict, str]:
    """Return (front matter mapping, rest of the text).

    Front matter is a YAML mapping between a first line `---` and the next
    line `---`. It is loaded with `yaml.safe_load`. Text without it is all body.
    """
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        raise IngestError(f"malformed front matter: {exc}".splitlines()[0]) from exc
    if not isinstance(meta, dict):
        raise IngestError("malformed front matter: not a mapping of fields")
    return meta, text[match.end() :]


def parse_published(value: object) -> dt.date | None:
    """A date or ISO datetime (NZ local unless it carries an offset) -> local date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(NZ).date() if value.tzinfo else value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise IngestError(f"unreadable published date {text!r}") from exc
    return parsed.astimezone(NZ).date() if parsed.tzinfo else parsed.date()


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_manifest(raw_dir: Path) -> tuple[dict[str, dict], list[str]]:
    """Manifest rows keyed by relative file path, plus warnings."""
    path = raw_dir / MANIFEST_NAME
    if not path.exists():
        return {}, []
    rows: dict[str, dict] = {}
    warnings: list[str] = []
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("file",) if c not in (reader.fieldnames or [])]
        if missing:
            return {}, [f"{MANIFEST_NAME}: no 'file' column; manifest ignored"]
        for line_no, row in enumerate(reader, start=2):
            name = _clean(row.get("file"))
            if not name:
                warnings.append(f"{MANIFEST_NAME}:{line_no}: empty file name; row ignored")
                continue
            key = Path(name).as_posix()
            resolved = (raw_dir / key).resolve()
            if not resolved.is_relative_to(raw_dir.resolve()):
                warnings.append(
                    f"{MANIFEST_NAME}:{line_no}: {name!r} is outside the raw folder; row ignored"
                )
                continue
            if not resolved.exists():
                warnings.append(f"{MANIFEST_NAME}:{line_no}: {name!r} does not exist; row ignored")
                continue
            rows[key] = {f: _clean(row.get(f)) for f in METADATA_FIELDS}
    return rows, warnings


def parse_article(source_path: str, raw: bytes, manifest_row: dict | None = None) -> RawArticle:
    """One file's bytes (+ its manifest row) -> RawArticle, or IngestError."""
    if b"\x00" in raw:
        raise IngestError("binary content (NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(f"not UTF-8 text (byte {exc.start})") from exc
    meta, rest = split_front_matter(text)
    body = normalise_body(rest)
    if not body:
        raise IngestError("empty body")
    merged = {f: _clean(meta.get(f)) if f != "published" else meta.get(f) for f in METADATA_FIELDS}
    for f in METADATA_FIELDS:  # front matter wins over the manifest, field by field
        if merged[f] in (None, "") and manifest_row:
            merged[f] = manifest_row.get(f)
    published = parse_published(merged["published"])
    digest = body_digest(body)
    return RawArticle(
        source_path=source_path,
        body=body,
        article_id="a_" + digest[:12],
        body_sha256=digest,
        url=merged["url"],
        publisher=merged["publisher"],
        title=merged["title"],
        published_date=published,
        published_date_source="metadata" if published else "unknown",
    )


def list_article_files(raw_dir: Path) -> list[Path]:
    """Every `.txt` file below the raw folder, in a stable order."""
    root = raw_dir.resolve()
    files = []
    for path in raw_dir.rglob("*.txt"):
        # Never follow a link out of the raw folder.
        if path.is_file() and path.resolve().is_relative_to(root):
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(raw_dir).as_posix())


def read_raw_folder(raw_dir: Path) -> IngestResult:
    """Read every article below `raw_dir`. One bad file never stops the others."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    result = IngestResult()
    manifest, warnings = read_manifest(raw_dir)
    result.warnings.extend(warnings)
    seen: dict[str, RawArticle] = {}
    for path in list_article_files(raw_dir):
        rel = path.relative_to(raw_dir).as_posix()
        try:
            article = parse_article(rel, path.read_bytes(), manifest.get(rel))
        except (IngestError, OSError) as exc:
            result.rejected.append((rel, str(exc)))
            log.warning("rejected %s: %s", rel, exc)
            continue
        if article.article_id in seen:
            first = seen[article.article_id].source_path
            result.warnings.append(
                f"{rel}: same body as {first}; kept once as {article.article_id}"
            )
            continue
        seen[article.article_id] = article
        result.articles.append(article)
    return result
