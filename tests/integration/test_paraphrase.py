"""The extraction is not keyed to the seed texts: paraphrases give the same events.

`tests/fixtures/paraphrases/` restates each seed article's facts in other
words and other sentence orders (same publication dates). Building them must
give the same events (type, dates, status and sides) as building the seeds.
"""

import pytest

from pipeline.build import build_tables
from pipeline.settings import DEFAULT_SPACY_MODEL
from tests.codebook import REPO, SHARED

pytestmark = pytest.mark.slow


def _events(raw_dir):
    tables = build_tables(raw_dir, DEFAULT_SPACY_MODEL)
    sides: dict[str, dict[str, set]] = {}
    for r in tables["event_parties"].iter_rows(named=True):
        sides.setdefault(r["event_id"], {}).setdefault(r["role"], set()).add(r["party_id"])
    out = set()
    for e in tables["events"].iter_rows(named=True):
        roles = sides.get(e["event_id"], {})
        out.add(
            (
                e["event_type"],
                e["start_date"],
                e["status"],
                tuple(sorted(roles.get("union", ()))),
                tuple(sorted(roles.get("employer", ()))),
            )
        )
    return out


def test_paraphrases_give_the_seed_events():
    seeds = _events(SHARED / "seeds")
    paraphrased = _events(REPO / "tests" / "fixtures" / "paraphrases")
    dated = {e for e in seeds if e[1] is not None}
    assert dated, "the seeds should give dated events"
    assert {e for e in paraphrased if e[1] is not None} == dated
