# SPDX-License-Identifier: MIT
"""Differences between versions and contradictions inside one."""
import pytest

import relations
from relations import DifferenceKind as K
from relations import Modality, ObjectKind


@pytest.fixture(scope="module")
def diff(kb):
    return kb.diff("000", "002")


def test_hedged_and_reattributed_nuclear_cooperation(diff, kb):
    about = diff.about("c-nuclear-cooperation")
    kinds = {d.kind for d in about}
    assert {K.HEDGED, K.REATTRIBUTED} <= kinds
    hedged = next(d for d in about if d.kind == K.HEDGED)
    assert (hedged.a.modality, hedged.b.modality) == (Modality.ASSERTED, Modality.REPORTED)
    assert hedged.object is kb.claims["c-nuclear-cooperation"] and hedged.object_kind == ObjectKind.CLAIM
    re_ = next(d for d in about if d.kind == K.REATTRIBUTED)
    assert (re_.a.claimant.id, re_.b.claimant.id) == ("article", "some-media-reports")
    assert repr(hedged) == "<Difference hedged claim c-nuclear-cooperation 000→002: asserted → reported>"
    stated = kb.claims["c-nuclear-cooperation"].evidence_in("002")
    assert hedged.b.evidence == stated


def test_diff_is_a_sequence_with_sides_and_evidence(diff, kb):
    assert len(diff) > 0 and diff[0] is list(diff)[0] and diff.a is kb.sources["000"] and diff.b is kb.sources["002"]
    assert sum(diff.counts().values()) == len(diff)
    assert diff.of_kind("added") == diff.of_kind(K.ADDED) and diff.of_kind(K.ADDED)
    for d in diff:
        assert d.a.source is diff.a and d.b.source is diff.b
        if d.kind == K.ADDED:
            assert not d.a.evidence and d.b.evidence
        if d.kind == K.DROPPED:
            assert d.a.evidence and not d.b.evidence
        for side in (d.a, d.b):
            for ev in side.evidence:
                assert ev.source is side.source and ev.source.text[ev.start:ev.end] == ev.text
    assert repr(diff).startswith("<Diff 000 → 002: ")


def test_rewordings_carry_their_changes(diff):
    reworded = diff.of_kind(K.REWORDED) + diff.of_kind(K.RESPELLED)
    assert reworded
    for d in reworded:
        assert d.changes and all(isinstance(c.removed, str) and isinstance(c.added, str) for c in d.changes)
    for d in diff.of_kind(K.RESPELLED):
        assert all(c.spelling for c in d.changes)


def test_diff_by_source_objects_equals_diff_by_prefix(kb, diff):
    again = kb.diff(kb.sources[0], kb.sources[2])
    assert [(d.kind, d.id) for d in again] == [(d.kind, d.id) for d in diff]


def test_diff_of_a_source_with_itself_is_an_argument_error(kb):
    with pytest.raises(relations.ArgumentError) as e:
        kb.diff("000", "000")
    assert e.value.status == relations.Status.ERR_ARG and e.value.message


def test_diff_of_an_unknown_source_is_not_found(kb):
    with pytest.raises(relations.NotFoundError):
        kb.diff("000", "999")


def test_contradictions_within_one_version(kb):
    for source in kb.sources:
        found = kb.within(source)
        assert found.a is found.b is source
        for d in found:
            assert d.kind == K.CONTRADICTED and d.a.claim is not None and d.b.claim is not None
            assert d.a.claim is not d.b.claim
            assert "contradicts" in repr(d)


def test_a_diff_outlives_its_knowledge_base_as_data():
    kb = relations.KnowledgeBase.builtin()
    d = kb.diff("000", "002")
    first = d[0]
    kb.close()
    assert first.kind in K and first.id and first.a.evidence == first.a.evidence  # plain data stays readable
    with pytest.raises(relations.ClosedError):
        first.object.evidence
