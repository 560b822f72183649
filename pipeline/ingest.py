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


MAX_FILE_BYTES = 10_000_000  # larger files are not read at all
MAX_BODY_CHARS = 1_000_000  # spaCy's own limit; longer bodies are set aside
MIN_WORDS_FOR_LANGUAGE = 20
MIN_ENGLISH_SHARE = 0.12  # share of very common English words in an English news text is ~0.4
_ENGLISH = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "of",
        "to",
        "in",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "that",
        "this",
        "it",
        "its",
        "for",
        "on",
        "with",
        "as",
        "at",
        "by",
        "from",
        "or",
        "not",
        "but",
        "they",
        "their",
        "he",
        "she",
        "his",
        "her",
        "said",
        "says",
        "who",
        "which",
        "after",
        "about",
    ]
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<\?xml)", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,15}(?:\s[^<>]{0,300})?/?>")


class IngestError(ValueError):
    """A file that cannot be read as an article: `reason` is a code, the message says why."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason


@dataclass(frozen=True)
class Rejection:
    source_path: str
    reason: str  # one of pipeline.schemas.REJECTION_REASONS
    detail: str
    n_bytes: int | None = None
    file_sha256: str | None = None


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
    warning: str | None = None  # e.g. "decoded as Windows-1252"

    @property
    def n_chars(self) -> int:
        return len(self.body)

    @property
    def n_words(self) -> int:
        return len(self.body.split())


@dataclass
class IngestResult:
    articles: list[RawArticle] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
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
    line `---`. It is loaded with `yaml.safe_load`, or, where a value's own
    colon makes it invalid YAML, as plain `key: value` lines. Text without it
    is all body.
    """
    text = text.replace("\r\n", "\n").lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        meta = _plain_fields(match.group(1) or "")
        if meta is None:
            raise IngestError(
                "malformed_front_matter", f"malformed front matter: {exc}".splitlines()[0]
            ) from exc
    if not isinstance(meta, dict):
        raise IngestError(
            "malformed_front_matter", "malformed front matter: not a mapping of fields"
        )
    return meta, text[match.end() :]


_PLAIN_FIELD = re.compile(r"([A-Za-z_][\w-]*):[ \t]+(.*\S)?[ \t]*")


def _plain_fields(block: str) -> dict[str, str] | None:
    """Front matter that is not valid YAML only because a value holds a colon
    (`title: Strikes: what you need to know`), read one `key: value` line at
    a time. None when any line is not of that form or a value starts like a
    YAML structure (`[`, `{`, a quote): that is malformed, not plain."""
    out: dict[str, str] = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        m = _PLAIN_FIELD.fullmatch(line)
        if m is None or (m.group(2) or "")[:1] in ("[", "{", '"', "'", "|", ">", "&", "*", "!"):
            return None
        out[m.group(1)] = m.group(2) or ""
    return out


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
        raise IngestError("bad_metadata", f"unreadable published date {text!r}") from exc
    return parsed.astimezone(NZ).date() if parsed.tzinfo else parsed.date()


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_manifest(raw_dir: Path) -> tuple[dict[str, dict], list[str], list[Rejection]]:
    """Manifest rows keyed by relative file path, warnings, and rows set aside."""
    path = raw_dir / MANIFEST_NAME
    if not path.exists():
        return {}, [], []
    rows: dict[str, dict] = {}
    warnings: list[str] = []
    rejected: list[Rejection] = []
    with path.open(newline="", encoding="utf-8-sig", errors="replace") as fh:
        reader = csv.DictReader(fh)
        if "file" not in (reader.fieldnames or []):
            return {}, [f"{MANIFEST_NAME}: no 'file' column; manifest ignored"], []
        for line_no, row in enumerate(reader, start=2):
            name = _clean(row.get("file"))
            if not name:
                warnings.append(f"{MANIFEST_NAME}:{line_no}: empty file name; row ignored")
                continue
            key = Path(name).as_posix()
            resolved = (raw_dir / key).resolve()
            if not resolved.is_relative_to(raw_dir.resolve()):
                detail = (
                    f"{MANIFEST_NAME}:{line_no}: {name!r} is outside the raw folder; row ignored"
                )
                warnings.append(detail)
                rejected.append(Rejection(key, "outside_raw_folder", detail))
                continue
            if not resolved.exists():
                detail = f"{MANIFEST_NAME}:{line_no}: {name!r} does not exist; row ignored"
                warnings.append(detail)
                rejected.append(Rejection(key, "missing_file", detail))
                continue
            rows[key] = {f: _clean(row.get(f)) for f in METADATA_FIELDS}
    return rows, warnings, rejected


def decode(raw: bytes) -> tuple[str, str | None]:
    """Bytes -> text and a warning where it was not UTF-8.

    UTF-8 first; else Windows-1252 (what most mis-saved news text is), else
    Latin-1, with a warning. Text that still looks binary is an error.
    """
    if b"\x00" in raw:
        raise IngestError("binary", "binary content (NUL bytes)")
    warning = None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
            warning = f"not UTF-8 (byte {exc.start}); decoded as Windows-1252"
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
            warning = f"not UTF-8 (byte {exc.start}); decoded as Latin-1"
    controls = sum(
        1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0x7F <= ord(ch) < 0xA0
    )
    if controls > max(2, len(text) // 200):
        raise IngestError("binary" if warning is None else "unreadable_encoding",
                          f"{controls} control characters: not readable text")  # fmt: skip
    return text, warning


def content_problem(body: str) -> IngestError | None:
    """An article body that is not an English news text."""
    if len(body) > MAX_BODY_CHARS:
        return IngestError(
            "too_large", f"body of {len(body):,} characters exceeds {MAX_BODY_CHARS:,}"
        )
    tags = _TAG.findall(body[:200_000])
    if _HTML_START.match(body) or (
        len(tags) >= 10 and sum(map(len, tags)) > 0.2 * min(len(body), 200_000)
    ):
        return IngestError("html", f"an HTML page saved as text ({len(tags)} tags)")
    words = [w.lower() for w in _WORD.findall(body[:20_000])]
    if len(words) >= MIN_WORDS_FOR_LANGUAGE:
        share = sum(w in _ENGLISH for w in words) / len(words)
        if share < MIN_ENGLISH_SHARE:
            return IngestError("not_english", f"not English: {share:.0%} common English words")
    return None


def parse_article(source_path: str, raw: bytes, manifest_row: dict | None = None) -> RawArticle:
    """One file's bytes (+ its manifest row) -> RawArticle, or IngestError."""
    if len(raw) > MAX_FILE_BYTES:
        raise IngestError("too_large", f"file of {len(raw):,} bytes exceeds {MAX_FILE_BYTES:,}")
    text, warning = decode(raw)
    meta, rest = split_front_matter(text)
    body = normalise_body(rest)
    if not body:
        raise IngestError("empty", "empty body")
    problem = content_problem(body)
    if problem:
        raise problem
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
        warning=warning,
    )


def list_article_files(raw_dir: Path, escaping: list[Path] | None = None) -> list[Path]:
    """Every `.txt` file below the raw folder, in a stable order.

    A link that leads out of the raw folder is never read; it is added to
    `escaping` (when given) so that it can be reported."""
    root = raw_dir.resolve()
    files = []
    for path in raw_dir.rglob("*.txt"):
        if not path.resolve().is_relative_to(root):
            if escaping is not None:
                escaping.append(path)
        elif path.is_file():
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(raw_dir).as_posix())


def read_raw_folder(raw_dir: Path) -> IngestResult:
    """Read every article below `raw_dir`. One bad file never stops the others:
    it is set aside as a `Rejection` with its reason."""
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"raw folder {raw_dir} does not exist")
    result = IngestResult()
    manifest, warnings, rejected = read_manifest(raw_dir)
    result.warnings.extend(warnings)
    result.rejected.extend(rejected)
    seen: dict[str, RawArticle] = {}
    escaping: list[Path] = []
    files = list_article_files(raw_dir, escaping)
    for path in escaping:
        rel = path.relative_to(raw_dir).as_posix()
        result.rejected.append(
            Rejection(
                rel, "outside_raw_folder", "a link to a file outside the raw folder; not read"
            )
        )
    for path in files:
        rel = path.relative_to(raw_dir).as_posix()
        try:
            raw = path.read_bytes()
        except OSError as exc:
            result.rejected.append(Rejection(rel, "unreadable_file", str(exc)))
            continue
        facts = {"n_bytes": len(raw), "file_sha256": hashlib.sha256(raw).hexdigest()}
        try:
            article = parse_article(rel, raw, manifest.get(rel))
        except IngestError as exc:
            result.rejected.append(Rejection(rel, exc.reason, str(exc), **facts))
            log.warning("rejected %s: %s", rel, exc)
            continue
        if article.warning:
            result.warnings.append(f"{rel}: {article.warning}")
        if article.article_id in seen:
            first = seen[article.article_id].source_path
            detail = f"same body as {first}; kept once as {article.article_id}"
            result.warnings.append(f"{rel}: {detail}")
            result.rejected.append(Rejection(rel, "duplicate", detail, **facts))
            continue
        seen[article.article_id] = article
        result.articles.append(article)
    return result
