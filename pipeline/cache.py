"""Incremental extraction: per-article results cached by content and extractor version.

Extraction of one article depends only on its body, the publication date it
is given and the extractor (code, curated data, spaCy model). The cache keys
each article's mention rows by `article_id` (a hash of the body) and that
date, under a folder named after the extractor version, a hash of every file
that can change extraction. Adding one article to a built corpus therefore
parses only that article; any change to the extractor starts a new version
folder, so everything is re-processed.

Layout: `<warehouse>/cache/extraction/<version>/<chunk>.<frame>.parquet`, one
chunk per build that found new articles; each chunk has a `keys` file listing
the articles it covers (so articles without any mention are cached too).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from pipeline.atomic import write_parquet_atomic

PACKAGE = Path(__file__).resolve().parent
# Everything extraction reads: its code, the curated data and the inference.
VERSIONED_FILES = (
    "extract/*.py",
    "data/*.yaml",
    "data/*.jsonl",
    "published_dates.py",
    "resolve.py",
)
KEY = "_cache_key"


def extractor_version(spacy_model: str) -> str:
    import spacy

    digest = hashlib.sha256()
    for pattern in VERSIONED_FILES:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    try:
        model_version = spacy.util.get_package_version(spacy_model) or "unknown"
    except Exception:  # a model given as a path has no package version
        model_version = "unknown"
    digest.update(f"{spacy_model}=={model_version};spacy=={spacy.__version__}".encode())
    return digest.hexdigest()[:16]


def cache_key(article_id: str, published_date) -> str:
    return f"{article_id}|{published_date.isoformat() if published_date else ''}"


class ExtractionCache:
    def __init__(self, root: Path, version: str):
        self.dir = root / version
        self.version = version

    def cached_keys(self) -> set[str]:
        if not self.dir.exists():
            return set()
        files = sorted(self.dir.glob("*.keys.parquet"))
        if not files:
            return set()
        return set(pl.read_parquet(files)[KEY].to_list())

    def load(self, keys: set[str], schemas: dict[str, pl.Schema]) -> dict[str, pl.DataFrame]:
        out = {}
        for name, schema in schemas.items():
            files = sorted(self.dir.glob(f"*.{name}.parquet")) if self.dir.exists() else []
            if files:
                df = pl.read_parquet(files).filter(pl.col(KEY).is_in(list(keys))).drop(KEY)
                out[name] = df.select(list(schema)).cast(dict(schema))
            else:
                out[name] = pl.DataFrame(schema=schema)
        return out

    def store(self, keys: list[str], frames: dict[str, pl.DataFrame]) -> None:
        """Write one chunk: each frame (with its key column) and the list of keys."""
        if not keys:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        chunk = hashlib.sha256("\n".join(sorted(keys)).encode()).hexdigest()[:16]
        # Frames first, keys last: a chunk counts only once its keys file exists.
        for name, df in frames.items():
            write_parquet_atomic(df, self.dir / f"{chunk}.{name}.parquet")
        write_parquet_atomic(
            pl.DataFrame({KEY: sorted(keys)}, schema={KEY: pl.String()}),
            self.dir / f"{chunk}.keys.parquet",
        )
