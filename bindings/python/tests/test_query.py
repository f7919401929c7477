# SPDX-License-Identifier: MIT
"""Queries: combined filters with known answers, counts per year, errors and lifetimes."""
import gc
import threading

import pytest

import relations
from relations import EntityKind, Match, Modality, QueryTarget


def test_events_of_a_pair_in_a_window(kb):
    q = kb.query("events", actor="iran", actor2="north-korea", window="1980/1989")
    assert q.ids() == ["nk-arms-sales-to-iran", "boeing-flights-1980"]
    assert q.count() == 2
    assert all(isinstance(e, relations.Event) for e in q)
    assert list(q)[1] is kb.events["boeing-flights-1980"]  # the same objects as everywhere else
    certain = kb.query("events", actor="iran", actor2="north-korea", window="1980/1989", certain=True)
    assert certain.ids() == ["boeing-flights-1980"]
    # the pair is unordered, and objects do for ids
    swapped = kb.query(QueryTarget.EVENTS, actor=kb.entities["north-korea"], actor2="iran", window="1980/1989")
    assert swapped.ids() == q.ids()
    # a Time does for a window expression
    assert kb.query("events", actor="iran", actor2="north-korea", window=relations.Time("1980/1989")).ids() == q.ids()


def test_results_come_in_knowledge_base_order_and_match_a_plain_walk(kb):
    iran = kb.entities["iran"]
    q = kb.query("events", actor=iran)
    expected = [e.id for e in kb.events if any(p.entity is iran for p in e.participants)]
    assert q.ids() == expected and q.count() == len(expected) > 10
    aid = kb.query("events", type="AID")
    assert aid.ids() == [e.id for e in kb.events if e.type == "AID" or e.type.startswith("AID.")]
    states = kb.query("entities", kind="state")
    assert states.ids() == [e.id for e in kb.entities if e.kind == EntityKind.STATE]
    assert kb.query("entities", kind=EntityKind.STATE).ids() == states.ids()
    assert kb.query("entities").count() == len(kb.entities)  # no filter: everything
    assert kb.query("claims").ids() == kb.claims.ids()


def test_entities_by_alias(kb):
    assert kb.query("entities", alias="iran-iraq war", match="normalised").ids() == ["iran-iraq-war"]
    assert kb.query("entities", alias="iran-iraq war").ids() == []  # exact by default
    assert kb.query("entities", alias="Iran–Iraq War", match=Match.EXACT).ids() == ["iran-iraq-war"]
    north = kb.query("entities", alias="north", match=Match.PREFIX).ids()
    assert len(north) == 4 and all(i.startswith("north-korea") for i in north)
    assert north[0] == "north-korea"
    assert str(Match.PREFIX) == "prefix" and Match.from_name("normalised") is Match.NORMALISED


def test_claims_by_source_claimant_modality_about_and_text(kb):
    source = kb.sources["002"]
    reported = kb.query("claims", source=source, modality="reported").ids()
    assert reported and reported == [c.id for c in kb.claims if c.modality_in(source) == Modality.REPORTED]
    assert kb.query("claims", source="002", modality=Modality.REPORTED).ids() == reported  # by prefix too
    media = kb.query("claims", claimant="some-media-reports")
    assert "c-nuclear-cooperation" in media.ids()
    about = kb.query("claims", about="north-korea").ids()
    assert about and all("north-korea" in (getattr(c.subject, "id", None), getattr(c.object, "id", None))
                         for c in map(kb.claims.__getitem__, about))
    nuclear = kb.query("claims", text="nuclear").ids()
    assert "c-nuclear-cooperation" in nuclear and len(nuclear) == kb.query("claims", text="NUCLEAR").count()
    assert kb.query("claims", text="nuclear zzzunknownword").ids() == []


def test_per_year(kb):
    years, undated = kb.query("events", actor="iran", actor2="north-korea", window="1980/1989").per_year()
    assert (years, undated) == ([(1980, 2)], 0)
    counts = kb.query("events", actor="iran").per_year()
    assert isinstance(counts, relations.YearCounts)
    assert [y for y, _ in counts.years] == sorted(y for y, _ in counts.years)
    assert (1980, 2) in counts.years and counts.undated > 0
    assert counts.total == kb.query("events", actor="iran").count()
    with pytest.raises(relations.ArgumentError, match="counts events"):
        kb.query("claims").per_year()


def test_filter_errors_raise_the_library_status(kb):
    with pytest.raises(relations.ArgumentError, match='"actor" is not a filter of entities'):
        kb.query("entities", actor="iran")
    with pytest.raises(relations.ArgumentError, match="actor2"):
        kb.query("events", actor2="iran")
    with pytest.raises(relations.ArgumentError, match="alias"):
        kb.query("events", alias="Iran")
    with pytest.raises(relations.NotFoundError, match="no such entity") as e:
        kb.query("events", actor="nobody")
    assert e.value.status == relations.Status.ERR_NOT_FOUND
    with pytest.raises(relations.NotFoundError):
        kb.query("claims", source="no-such-source")
    with pytest.raises(relations.NotFoundError):
        kb.query("claims", about="no-such-thing")
    with pytest.raises(relations.ParseError):
        kb.query("events", window="19x")
    with pytest.raises(relations.EncodingError):
        kb.query("events", text=b"\xff")
    with pytest.raises(relations.EncodingError, match="NUL"):
        kb.query("events", actor="iran\0north-korea")
    with pytest.raises(relations.ArgumentError):
        kb.query("everything")
    with pytest.raises(relations.ArgumentError):
        kb.query("entities", alias="north", match="fuzzy")
    with pytest.raises(relations.ArgumentError):
        kb.query("claims", modality="sure")


def test_iterating_again_starts_again(kb):
    q = kb.query("events", actor="iran", actor2="north-korea", window="1980/1989")
    it = iter(q)
    assert next(it).id == "nk-arms-sales-to-iran"
    assert q.count() == 2  # counting does not move the iterator
    assert q.per_year().years == [(1980, 2)]
    assert [e.id for e in it] == ["boeing-flights-1980"]
    stale = iter(q)
    assert q.ids() == ["nk-arms-sales-to-iran", "boeing-flights-1980"]
    with pytest.raises(RuntimeError, match="started again"):
        next(stale)
    assert q.first().id == "nk-arms-sales-to-iran"
    assert kb.query("events", actor="iran", text="zzzunknownword").first() is None


def test_a_query_is_a_context_manager_and_keeps_the_knowledge_base_alive():
    kb = relations.KnowledgeBase.builtin()
    with kb.query("entities", alias="north", match="prefix") as q:
        assert q.kb is kb and q.target is QueryTarget.ENTITIES and not q.closed
        assert "north" in repr(q)
        del kb
        gc.collect()
        assert q.count() == 4  # still open through the query
    assert q.closed and "(closed)" in repr(q)
    with pytest.raises(relations.ClosedError, match="query is closed"):
        q.count()
    q.close()  # twice is fine


def test_closing_the_knowledge_base_ends_its_queries():
    kb = relations.KnowledgeBase.builtin()
    q = kb.query("events", actor="iran")
    it = iter(q)
    first = next(it)
    kb.close()
    assert q.closed
    for use in (q.count, q.per_year, q.ids, lambda: next(it), lambda: list(q)):
        with pytest.raises(relations.ClosedError, match="knowledge base is closed"):
            use()
    with pytest.raises(relations.ClosedError):
        first.type
    with pytest.raises(relations.ClosedError):
        kb.query("events")
    q.close()


def test_a_write_ends_the_queries_on_the_knowledge_base(small):
    q = small.query("events", actor="iran")
    assert q.ids() == ["sale"]
    it = iter(q)
    small.add_entity("iraq", "state", "Iraq")
    assert q.closed
    with pytest.raises(relations.ClosedError, match="changed"):
        q.count()
    with pytest.raises(relations.ClosedError, match="changed"):
        next(it)
    # a new query sees the change (the indexes are built again)
    small.add_event("war", "CONFLICT")
    small.add_participant("war", "iran", "agent")
    small.add_participant("war", "iraq", "target")
    assert small.query("events", actor="iran").ids() == ["sale", "war"]
    assert small.query("events", actor="iran", actor2="iraq").ids() == ["war"]
    assert small.query("entities", alias="ira", match="prefix").ids() == ["iran", "iraq"]
    # a failed write ends them too (the library drops the indexes before it checks)
    q2 = small.query("entities")
    with pytest.raises(relations.DuplicateError):
        small.add_entity("iraq", "state", "Iraq")
    assert q2.closed


def test_dropping_queries_in_any_order_is_safe():
    # A query and its knowledge base in one reference cycle: the collector may finalise either first.
    for _ in range(20):
        kb = relations.KnowledgeBase.builtin()
        holder = {"q": kb.query("events", actor="iran")}
        holder["self"] = holder
        holder["kb"] = kb
        kb._holder = holder  # type: ignore[attr-defined]
        del kb, holder
        gc.collect()


def test_indexes_are_built_once_and_sized(small):
    assert small.index_size == 0  # not built until needed
    small.build_indexes()
    size = small.index_size
    assert size > 0
    small.build_indexes()
    assert small.index_size == size
    small.add_alias("iran", "Persia")  # a write drops them
    assert small.index_size == 0
    assert small.query("entities", alias="persia", match="normalised").ids() == ["iran"]
    assert small.index_size > 0


def test_queries_from_several_threads(kb):
    expected = kb.query("claims", text="nuclear").ids()
    errors = []

    def run():
        try:
            for _ in range(20):
                with kb.query("claims", text="nuclear") as q:
                    assert q.ids() == expected
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_enumerations(kb):
    assert str(QueryTarget.CLAIMS) == "claims" and QueryTarget.coerce("entities") is QueryTarget.ENTITIES
    assert str(relations.Window.CERTAIN) == "certain"
