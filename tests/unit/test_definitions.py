"""The asset graph: a snapshot of its keys and groups, and its checks."""

from pipeline import schemas
from pipeline.definitions import defs

EXPECTED_GROUPS = {
    "ingest": ["article_texts"],
    "extract": [
        "event_mention_ids",
        "event_mentions",
        "figure_mentions",
        "inferred_dates",
        "party_mention_records",
    ],
    "tables": [
        "articles",
        "event_parties",
        "event_sources",
        "events",
        "figures",
        "parties",
        "party_mentions",
        "rejected_articles",
    ],
    "publish": ["warehouse"],
}


def _graph():
    return defs.resolve_asset_graph()


def test_asset_graph_snapshot():
    groups: dict[str, list[str]] = {}
    graph = _graph()
    for key in graph.get_all_asset_keys():
        node = graph.get(key)
        groups.setdefault(node.group_name, []).append(key.to_user_string())
    assert {g: sorted(keys) for g, keys in groups.items()} == EXPECTED_GROUPS


def test_every_asset_has_a_description():
    graph = _graph()
    for key in graph.get_all_asset_keys():
        assert (graph.get(key).description or "").strip(), key


def test_every_table_has_one_blocking_check():
    checks = {}
    for check_def in defs.asset_checks:
        for spec in check_def.check_specs:
            checks[spec.asset_key.to_user_string()] = spec
    assert set(checks) == set(schemas.TABLES)
    assert all(spec.blocking for spec in checks.values())


def test_publishing_depends_on_every_table():
    graph = _graph()
    from dagster import AssetKey

    parents = {k.to_user_string() for k in graph.get(AssetKey("warehouse")).parent_keys}
    assert parents == set(schemas.TABLES)
