# SPDX-License-Identifier: MIT
"""Reading the built-in knowledge base: counts, lookups, evidence, claims, aliases."""
import re
import subprocess

import pytest

import relations
from relations import EntityKind, Modality, ObjectKind, Role

from conftest import build_dir, native_env


def test_counts_are_positive_and_consistent_with_summary(kb):
    s = kb.summary()
    for key in ("sources", "entities", "aliases", "events", "claims", "evidence"):
        assert s[key] > 0, key
    assert s["sources"] == len(kb.sources) == len(list(kb.sources))
    assert s["entities"] == len(kb.entities) == len(list(kb.entities))
    assert s["events"] == len(kb.events) == len(list(kb.events))
    assert s["claims"] == len(kb.claims) == len(list(kb.claims))
    assert s["aliases"] == sum(len(e.aliases) for e in kb.entities)
    assert s["evidence"] == sum(len(o.evidence) for kind in (kb.entities, kb.events, kb.claims) for o in kind)
    assert s["predicates"] == len(kb.predicates) and s["unannotated"] == len(kb.unannotated)
    assert repr(kb) == (f"<KnowledgeBase: {s['sources']} sources, {s['entities']} entities, "
                        f"{s['events']} events, {s['claims']} claims>")


def test_summary_agrees_with_the_command_line_tool(kb):
    d = build_dir()
    cli = d / "examples" / "relations" if d else None
    if cli is None or not cli.exists():
        pytest.skip("the relations tool was not built")
    out = subprocess.run([str(cli), "summary"], env=native_env(), capture_output=True, text=True,
                         check=True).stdout
    printed = {m.group(1): int(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+(\d+)", out, re.M)}
    s = kb.summary()
    assert {k: s[k] for k in printed} == printed
    assert f"({s['aliases']} aliases)" in out


def test_collections_index_slice_iterate_and_look_up(kb):
    claims = kb.claims
    assert claims[0] is claims[claims[0].id] is list(claims)[0]
    assert claims[-1] is claims[len(claims) - 1]
    assert claims[1:3] == [claims[1], claims[2]]
    assert claims.ids()[:2] == [claims[0].id, claims[1].id]
    with pytest.raises(IndexError):
        claims[len(claims)]
    assert "c-nuclear-cooperation" in claims and "nope" not in claims and claims[0] in claims
    assert repr(claims) == f"<{len(claims)} claims>"


def test_sources_by_id_and_unique_prefix(kb):
    s = kb.sources["000"]
    assert s is kb.sources[s.id] is kb.sources[0]
    assert s.id.startswith("000_") and s.short_id == "000"
    assert s.index == 0 and kb.sources["002"].index == 2
    assert s.title == "Iran–North Korea relations" and s.licence
    assert len(s.text_bytes) > len(s.text)  # it has non-ASCII text
    assert "older version" in repr(s) and s.id in repr(s)


def test_unknown_ids_raise_key_error_or_give_none(kb):
    with pytest.raises(relations.NotFoundError) as e:
        kb.claims["no-such-claim"]
    assert isinstance(e.value, KeyError) and e.value.status == relations.Status.ERR_NOT_FOUND
    assert kb.claims.get("no-such-claim") is None
    assert kb.entities.get("no-such", default=None) is None
    assert kb.sources.get("999") is None
    assert kb.get("no-such") is None
    with pytest.raises(KeyError):
        kb["no-such"]
    assert kb.kind_of("no-such") == ObjectKind.NONE


def test_any_object_by_id(kb):
    assert isinstance(kb["c-nuclear-cooperation"], relations.Claim)
    assert isinstance(kb["iran"], relations.Entity)
    assert kb.kind_of("iran") == ObjectKind.ENTITY
    assert kb.get(kb.sources[0].id) is kb.sources[0]
    assert "iran" in kb and kb.events[0] in kb and "missing" not in kb


def test_every_evidence_matches_str_and_byte_slices(kb):
    count = 0
    for kind in (kb.entities, kb.events, kb.claims):
        for obj in kind:
            for ev in obj.evidence:
                source, start, end, text, byte_start, byte_end = ev
                assert source.text[start:end] == text
                assert source.text_bytes[byte_start:byte_end] == text.encode("utf-8")
                assert 0 <= start < end <= len(source.text)
                count += 1
    assert count == kb.summary()["evidence"]


def test_evidence_offsets_differ_in_str_and_bytes_after_non_ascii(kb):
    ev = kb.claims["c-nuclear-cooperation"].evidence_in("000")[0]
    assert ev.text == "cooperating in the nuclear program of Iran"
    assert ev.byte_start > ev.start  # "Iran–North Korea" before it has multi-byte dashes
    assert ev.source.char_offset(ev.byte_start) == ev.start
    assert ev.source.byte_offset(ev.end) == ev.byte_end
    assert ev.source.span(ev.start, ev.end) == ev
    assert "cooperating in the nuclear program of Iran" in repr(ev)


def test_claim_modality_and_claimant_per_version(kb):
    c = kb.claims["c-nuclear-cooperation"]
    assert c.modality_in("000") == Modality.ASSERTED
    assert c.claimant_in("000").id == "article"
    assert c.modality_in(kb.sources["002"]) == Modality.REPORTED
    assert c.claimant_in("002").id == "some-media-reports"
    assert c.modality_in("001") == Modality.NONE and c.claimant_in("001") is None
    assert [(v.source.short_id, str(v.modality), v.claimant.id) for v in c.versions] == [
        ("000", "asserted", "article"), ("002", "reported", "some-media-reports")]
    r = repr(c)
    assert r.startswith("<Claim c-nuclear-cooperation: ") and r.endswith(
        "asserted by article in 000; reported by some-media-reports in 002>")


def test_claim_structure(kb):
    c = kb.claims["c-nuclear-cooperation"]
    assert isinstance(c.subject, relations.Entity)
    assert c.predicate == "cooperation_in"
    assert isinstance(c.object, relations.Entity) and c.object.id in repr(c)
    assert c.claimant is not None and c.modality in Modality
    assert c.polarity == relations.Polarity.POSITIVE
    values = [v for claim in kb.claims for v in (claim.subject, claim.object)]
    assert all(isinstance(v, (relations.Entity, relations.Event, relations.Claim)) for v in values[::2])
    allowed = (relations.Entity, relations.Event, relations.Claim, relations.Literal, relations.Quantity,
               relations.Time, type(None))
    assert all(isinstance(v, allowed) for v in values)


def test_claim_relations_point_at_claims(kb):
    related = [(c, r) for c in kb.claims for r in c.relations]
    assert related, "the built-in knowledge base relates some claims"
    for claim, rel in related:
        assert isinstance(rel.relation, relations.Relation) and isinstance(rel.target, relations.Claim)
        assert rel.target is not claim


def test_entities_kinds_names_and_aliases(kb):
    iran = kb.entities["iran"]
    assert iran.kind == EntityKind.STATE and str(iran.kind) == "state"
    assert iran.name == "Iran"
    langs = {a.lang for a in iran.aliases}
    assert {"en", "ko", "fa"} <= langs
    assert repr(iran) == "<Entity iran: Iran (state)>"


def test_alias_lookup_normalised_and_exact(kb):
    war = kb.find_alias("Iran-Iraq war")
    assert [e.id for e in war] == ["iran-iraq-war"] and war[0].name == "Iran–Iraq War"
    assert kb.find_alias("IRAN—IRAQ  war") == war  # em dash, case, spacing
    assert kb.find_alias("iran-iraq war", normalised=False) == []
    assert kb.find_alias("Iran–Iraq War", normalised=False) == war
    assert kb.find_alias("no such name at all") == []
    assert kb.find_alias("이란")[0] is kb.entities["iran"]  # Korean alias


def test_alias_lookup_rejects_invalid_utf8(kb):
    with pytest.raises(relations.EncodingError) as e:
        kb.find_alias(b"Iran\xff")
    assert e.value.status == relations.Status.ERR_UTF8


def test_normalise():
    assert relations.normalise("Iran–Iraq War") == relations.normalise("iran-iraq  war ") == "iran-iraq war"
    assert relations.normalise("Iran’s") == relations.normalise("iran's")
    with pytest.raises(relations.EncodingError):
        relations.normalise(b"\xc3")


def test_events_participants_and_time(kb):
    with_time = [e for e in kb.events if e.time is not None]
    assert with_time
    for ev in kb.events:
        assert re.fullmatch(r"[A-Z_]+(\.[a-z_]+)*", ev.type), ev.type
        for p in ev.participants:
            assert isinstance(p.entity, relations.Entity) and isinstance(p.role, Role)
    rev = kb.events["iranian-revolution"]
    assert str(rev.time) == "1979" and rev.time.words == rev.time_text == "1979"
    assert (kb.entities["iran"], Role.LOCATION) in rev.participants
    assert repr(rev).startswith("<Event iranian-revolution: REGIME_CHANGE")


def test_find_quote(kb):
    s = kb.sources["000"]
    ev = s.find_quote("nuclear program of", prefix="cooperating in the ")
    assert s.text[ev.start:ev.end] == ev.text == "nuclear program of"
    with pytest.raises(relations.NotFoundError):
        s.find_quote("words that are not there")
    with pytest.raises(relations.AmbiguousError):
        s.find_quote("the")


def test_enumeration_names_come_from_the_library():
    assert str(Modality.REPORTED) == "reported" and Modality.from_name("hedged") is Modality.HEDGED
    assert Modality.ASSERTED.strength > Modality.REPORTED.strength > Modality.DENIED.strength
    assert str(Role.AGENT) == "agent" and Role.coerce("recipient") is Role.RECIPIENT
    assert str(EntityKind.ORGANISATION) == "organisation"
    assert str(relations.DifferenceKind.REATTRIBUTED) == relations.DifferenceKind.REATTRIBUTED.name.lower()
    assert str(relations.Relation.DISPUTES) == "disputes"
    with pytest.raises(relations.NotFoundError):
        Modality.from_name("sure")
    with pytest.raises(relations.ArgumentError):
        Role.coerce(99)
