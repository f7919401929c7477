# SPDX-License-Identifier: MIT
"""Error paths: malformed input, the exception's fields, and use after close."""
import pickle
import weakref

import pytest

import relations
from relations import Status


def test_malformed_json_gives_syntax_error_with_position():
    with pytest.raises(relations.ParseError) as e:
        relations.KnowledgeBase.from_json('{"sources": [\n  {"id": "a",, }]}')
    err = e.value
    assert isinstance(err, relations.RelationsError) and isinstance(err, ValueError)
    assert err.status == Status.ERR_SYNTAX == -5 and err.status_name == "syntax error"
    assert (err.line, err.column) == (2, 15) and err.offset == 28
    assert err.message and str(err).startswith("2:15: ") and "ParseError(-5" in repr(err)


def test_json_of_the_wrong_shape_is_a_schema_error():
    with pytest.raises(relations.SchemaError) as e:
        relations.KnowledgeBase.from_json('{"format": "relations-kb/1", "sorces": []}')
    assert e.value.status == Status.ERR_SCHEMA and "sorces" in e.value.message and e.value.line == 1


def test_evidence_text_that_differs_from_the_source_is_a_mismatch():
    doc = ('{"sources": [{"id": "s", "text": "Iran and Korea"}], "entities": [{"id": "i", "kind": "state", '
           '"name": "Iran", "evidence": [{"source": "s", "start": 0, "end": 4, "text": "Iraq"}]}]}')
    with pytest.raises(relations.MismatchError) as e:
        relations.KnowledgeBase.from_json(doc)
    assert e.value.status == Status.ERR_MISMATCH


def test_missing_file_is_a_file_error_naming_it(tmp_path):
    path = tmp_path / "missing.json"
    with pytest.raises(relations.FileError) as e:
        relations.KnowledgeBase.from_json_file(path)
    assert isinstance(e.value, OSError) and e.value.status == Status.ERR_IO and e.value.file == str(path)
    with pytest.raises(relations.FileError):
        relations.KnowledgeBase.builtin().save_json(tmp_path / "no-such-dir" / "out.json")


def test_syntax_error_in_a_file_names_file_and_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n\n  "sources": [}\n')
    with pytest.raises(relations.ParseError) as e:
        relations.KnowledgeBase.from_json_file(path)
    assert e.value.file == str(path) and e.value.line == 3 and str(e.value).startswith(f"{path}:3:")


def test_every_error_status_has_its_exception_class():
    for status in Status:
        if status < 0:
            cls = relations.ERRORS[status]
            err = cls(status)
            assert isinstance(err, relations.RelationsError) and err.status is status
            assert err.message == relations.status_str(status) == str(status)
    assert relations.status_str(-999) == "unknown status"
    assert isinstance(relations.NotFoundError(Status.ERR_NOT_FOUND), KeyError)


def test_exceptions_pickle_with_their_fields():
    try:
        relations.KnowledgeBase.from_json("{,}")
    except relations.RelationsError as e:
        copy = pickle.loads(pickle.dumps(e))
        assert type(copy) is type(e)
        assert (copy.status, copy.message, copy.line, copy.column, copy.offset) == (
            e.status, e.message, e.line, e.column, e.offset)
    closed = pickle.loads(pickle.dumps(relations.ClosedError()))
    assert isinstance(closed, relations.ClosedError) and "closed" in closed.message


def test_context_manager_closes():
    with relations.KnowledgeBase.builtin() as kb:
        assert not kb.closed
    assert kb.closed and repr(kb) == "<KnowledgeBase (closed)>"
    kb.close()  # twice is fine


def test_use_after_close_raises_instead_of_crashing():
    kb = relations.KnowledgeBase.builtin()
    claim = kb.claims["c-nuclear-cooperation"]
    source = kb.sources[0]
    entity = claim.claimant
    event = kb.events[0]
    evidence = claim.evidence[0]
    claims = kb.claims
    kb.close()
    calls = [
        lambda: kb.claims, lambda: len(claims), lambda: list(claims), lambda: claims["c-nuclear-cooperation"],
        lambda: claim.versions, lambda: claim.modality_in("000"), lambda: claim.evidence, lambda: source.text,
        lambda: source.title, lambda: entity.name, lambda: event.participants, lambda: evidence.source.text,
        lambda: kb.find_alias("Iran"), lambda: kb.diff("000", "002"), lambda: kb.to_json(), lambda: kb.summary(),
        lambda: kb.add_entity("x", "state", "X"), lambda: kb["iran"], lambda: kb.predicates,
    ]
    for call in calls:
        with pytest.raises(relations.ClosedError) as e:
            call()
        assert e.value.status == Status.ERR_ARG and isinstance(e.value, ValueError)
    # What was already read stays readable, and repr never raises.
    assert claim.id == "c-nuclear-cooperation" and evidence.text
    assert repr(claim) == "<Claim c-nuclear-cooperation (closed)>" and "closed" in repr(claims)


def test_borrowed_objects_keep_their_knowledge_base_alive():
    claim = relations.KnowledgeBase.builtin().claims["c-nuclear-cooperation"]
    import gc
    gc.collect()
    assert claim.versions[0].claimant.id == "article"
    assert not claim.kb.closed


def test_knowledge_base_is_freed_as_soon_as_nothing_refers_to_it():
    kb = relations.KnowledgeBase.builtin()
    claim = kb.claims["c-nuclear-cooperation"]
    evidence = claim.evidence
    ref = weakref.ref(kb)
    del kb
    assert ref() is not None  # the claim and its evidence keep it alive
    assert claim.claimant_in(evidence[0].source).id == "article"
    del claim, evidence
    assert ref() is None  # no reference cycle: freed without waiting for the garbage collector


def test_objects_and_knowledge_bases_do_not_pickle(kb):
    with pytest.raises(TypeError):
        pickle.dumps(kb)
    with pytest.raises(TypeError):
        pickle.dumps(kb.claims[0])


def test_wrong_argument_types_are_type_errors(kb):
    with pytest.raises(TypeError):
        kb.claims.get(42)
    with pytest.raises(TypeError):
        kb.find_alias(None)
