# SPDX-License-Identifier: MIT
"""Building a knowledge base call by call, JSON round trips, and the builder's errors."""
import io

import pytest

import relations
from relations import Modality, Role

from conftest import SMALL_TEXT, make_small


def test_small_knowledge_base_reads_back(small):
    assert [s.id for s in small.sources] == ["s1_old", "s2_new"]
    assert "s1" in small.sources and "s" not in small.sources and "s3" not in small.sources
    s1, s2 = small.sources
    assert s2.revises is s1 and s1.revises is None
    assert (s1.title, s1.label, s1.lang, s1.date, s1.licence, s1.url) == ("Small", "old", "en", "2020-01-02", "CC0",
                                                                        None)
    assert small.entities["iran"].aliases[-1] == relations.Alias("ایران", "fa")
    sale = small.events["sale"]
    assert [(p.entity.id, p.role) for p in sale.participants] == [
        ("nk", Role.AGENT), ("iran", Role.RECIPIENT), ("scud", Role.INSTRUMENT)]
    assert sale.time.describe() == "early October 1980" and sale.time_text == "early October 1980"
    c = small.claims["c-sale"]
    assert [(v.source.id, v.modality, v.claimant.id) for v in c.versions] == [
        ("s1_old", Modality.ASSERTED, "article"), ("s2_new", Modality.REPORTED, "media")]
    assert small.claims["c-count"].object == relations.Quantity(20.0, "missiles")
    assert str(small.claims["c-count"].object) == "20 missiles"
    assert small.claims["c-name"].object == "DPRK" and isinstance(small.claims["c-name"].object, relations.Literal)
    when = small.claims["c-when"].object
    assert isinstance(when, relations.Time) and str(when) == "1980-10" and when.words == "October 1980"
    assert small.claims["c-when"].subject is sale
    assert small.claims["c-count"].relations == [relations.ClaimRelation(relations.Relation.SUPPORTS, c)]
    assert small.predicates == {"missiles_sold": relations.PredicateFlag.FUNCTIONAL}
    assert small.is_functional("missiles_sold") and not small.is_functional("known_as")
    (span, reason), = small.unannotated
    assert span.text == "한국어 끝." and reason == "a trailer"


def test_evidence_by_str_indices_bytes_and_quotes_agree(small):
    s1 = small.sources["s1"]
    nk = small.entities["nk"]
    (ev,) = nk.evidence
    assert ev.text == "North Korea" and ev.start == len("Iran–") and ev.byte_start == len("Iran–".encode())
    again = small.add_evidence("scud", s1, *(lambda i: (i, i + 4))(SMALL_TEXT.index("Scud")))
    by_bytes = small.sources["s2"].text_bytes.index(b"Scud")
    other = small.add_evidence("scud", "s2", byte_start=by_bytes, byte_end=by_bytes + 4)
    quoted = small.add_evidence_quote("iran", "s2", "Iran", prefix="missiles to ")
    assert again.text == other.text == "Scud" and quoted.text == "Iran"
    assert [e.text for e in small.entities["scud"].evidence] == ["Scud", "Scud"]
    for obj in list(small.entities) + list(small.events) + list(small.claims):
        for e in obj.evidence:
            assert e.source.text[e.start:e.end] == e.text
            assert e.source.text_bytes[e.byte_start:e.byte_end] == e.text.encode()


def test_json_round_trip_is_identical(small, tmp_path):
    exported = small.to_json()
    with relations.KnowledgeBase.from_json(exported) as again:
        assert again.to_json() == exported
        assert again.summary() == small.summary()
    path = tmp_path / "small.json"
    small.save_json(path)
    assert path.read_text(encoding="utf-8") == exported
    with relations.KnowledgeBase.from_json_file(path) as from_file:
        assert from_file.to_json() == exported
    with relations.KnowledgeBase.from_json(exported.encode("utf-8")) as from_bytes:
        assert from_bytes.to_json() == exported


def test_write_json_streams_and_propagates_write_errors(small):
    buf = io.BytesIO()
    small.write_json(buf)
    assert buf.getvalue().decode() == small.to_json()

    class Full(io.RawIOBase):
        def write(self, b):
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        small.write_json(Full())


def test_invalid_utf8_is_refused_and_changes_nothing(small):
    before = small.to_json()
    with pytest.raises(relations.EncodingError) as e:
        small.add_entity("bad", relations.EntityKind.STATE, b"Ir\xffan")
    assert e.value.status == relations.Status.ERR_UTF8 == -6 and e.value.status_name == "invalid UTF-8"
    assert "UTF-8" in e.value.message
    with pytest.raises(relations.EncodingError):
        small.add_source("s3", b"text \xc3(")
    with pytest.raises(relations.EncodingError):
        small.add_alias("iran", "\ud800")  # a lone surrogate reaches the library as invalid UTF-8
    assert small.to_json() == before and "bad" not in small


def test_builder_errors_carry_status_and_message(small):
    cases = [
        (relations.DuplicateError, lambda: small.add_entity("iran", "state", "Iran again")),
        (relations.InvalidReferenceError, lambda: small.add_alias("nobody", "X")),
        (relations.InvalidReferenceError, lambda: small.add_claim("c-x", "nobody", "p", claimant="article",
                                                                  modality="asserted")),
        (relations.ArgumentError, lambda: small.add_event("e-bad", "not a type")),
        (relations.ArgumentError, lambda: small.add_claim("c-y", "iran", "p", claimant="article",
                                                          modality=Modality.NONE)),
        (relations.ParseError, lambda: small.set_event_time("sale", "sometime")),
        (relations.RangeError, lambda: small.add_evidence("iran", "s1", byte_start=4, byte_end=5)),  # inside "–"
        (relations.RangeError, lambda: small.add_evidence("iran", "s1", 10, 10_000)),
        (relations.RangeError, lambda: small.add_evidence("iran", "s1", byte_start=-1, byte_end=3)),
        (relations.DuplicateError, lambda: small.add_evidence("iran", "s1", 0, 4)),
        (relations.NotFoundError, lambda: small.add_evidence_quote("iran", "s1", "Atlantis")),
        (relations.AmbiguousError, lambda: small.add_evidence("iran", "s", 0, 4)),
        (relations.AmbiguousError, lambda: small.sources["s"]),
        (relations.InvalidReferenceError, lambda: small.add_evidence("iran", "s9", 0, 4)),
        (relations.InvalidReferenceError, lambda: small.add_evidence("iran", "s9", byte_start=0, byte_end=4)),
        (relations.AmbiguousError, lambda: small.add_evidence("iran", "s", byte_start=0, byte_end=4)),
        (relations.DuplicateError, lambda: small.add_predicate("missiles_sold")),
        (relations.ArgumentError, lambda: small.add_claim_relation("c-sale", "supports", "c-sale")),
        (relations.ArgumentError, lambda: small.add_participant("sale", "iran", "bystander")),
    ]
    before = small.to_json()
    for exc, call in cases:
        with pytest.raises(exc) as e:
            call()
        assert e.value.status < 0 and e.value.message and str(e.value).endswith(f"[{e.value.status_name}]")
    assert small.to_json() == before


def test_bad_offset_arguments_are_type_errors(small):
    with pytest.raises(TypeError):
        small.add_evidence("iran", "s1", 0)
    with pytest.raises(TypeError):
        small.add_evidence("iran", "s1", 0, 4, byte_start=0, byte_end=4)
    with pytest.raises(TypeError):
        small.add_claim("c-z", "iran", "p", object=[1], claimant="article", modality="asserted")


def test_functional_predicate_contradiction_is_found_within_a_version(small):
    small.add_claim("c-count2", "nk", "missiles_sold", 30, claimant="media", modality="reported")
    for cid in ("c-count", "c-count2"):
        small.add_evidence_quote(cid, "s1", "Scud missiles")
    found = small.within("s1")
    assert [(d.a.claim.id, d.b.claim.id) for d in found] == [("c-count", "c-count2")]


def test_diff_between_built_versions(small):
    d = small.diff("s1", "s2")
    kinds = {(x.kind, x.id) for x in d}
    assert (relations.DifferenceKind.HEDGED, "c-sale") in kinds
    assert (relations.DifferenceKind.REATTRIBUTED, "c-sale") in kinds


def test_an_empty_knowledge_base():
    with relations.KnowledgeBase() as kb:
        assert kb.summary()["sources"] == 0 and list(kb.claims) == [] and kb.find_alias("x") == []
        assert relations.KnowledgeBase.from_json(kb.to_json()).to_json() == kb.to_json()


def test_builder_on_a_copy_leaves_the_original_alone():
    a = make_small()
    b = relations.KnowledgeBase.from_json(a.to_json())
    b.add_entity("extra", "other", "Extra")
    assert "extra" in b and "extra" not in a
    a.close()
    b.close()
