# SPDX-License-Identifier: MIT
"""Snapshots: saved, opened by mapping, read-only, refused when damaged."""
import relations
import pytest


def test_a_snapshot_reads_back_as_the_knowledge_base(tmp_path):
    path = tmp_path / "kb.rel"
    with relations.KnowledgeBase.builtin() as kb:
        kb.save_snapshot(path)
        with relations.open_snapshot(path) as snap:
            assert snap.read_only and not kb.read_only
            assert snap.to_json() == kb.to_json()
            assert snap.claims["c-nuclear-cooperation"].id == "c-nuclear-cooperation"
            assert [e.id for e in snap.entities] == [e.id for e in kb.entities]


def test_from_file_takes_either_format(tmp_path):
    with relations.KnowledgeBase.builtin() as kb:
        kb.save_json(tmp_path / "kb.json")
        kb.save_snapshot(tmp_path / "kb.rel")
    with relations.KnowledgeBase.from_file(tmp_path / "kb.json") as a, \
            relations.KnowledgeBase.from_file(tmp_path / "kb.rel") as b:
        assert not a.read_only and b.read_only
        assert a.to_json() == b.to_json()


def test_writes_raise_read_only(tmp_path):
    path = tmp_path / "kb.rel"
    with relations.KnowledgeBase.builtin() as kb:
        kb.save_snapshot(path)
    with relations.open_snapshot(path) as snap:
        with pytest.raises(relations.ReadOnlyError) as e:
            snap.add_entity("new", relations.EntityKind.STATE, "New")
        assert e.value.status == relations.Status.ERR_READ_ONLY
        assert "read-only" in e.value.message


def test_a_damaged_snapshot_raises_format_error(tmp_path):
    path = tmp_path / "kb.rel"
    with relations.KnowledgeBase.builtin() as kb:
        kb.save_snapshot(path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20
    path.write_bytes(bytes(data))
    with pytest.raises(relations.FormatError) as e:
        relations.open_snapshot(path)
    assert "checksum mismatch" in e.value.message
    assert e.value.file == str(path)
    (tmp_path / "short.rel").write_bytes(bytes(data[:100]))
    with pytest.raises(relations.FormatError, match="truncated: 100 bytes"):
        relations.open_snapshot(tmp_path / "short.rel")
    with pytest.raises(relations.FileError):
        relations.open_snapshot(tmp_path / "missing.rel")


def test_a_snapshot_answers_queries_with_the_indexes_it_carries(tmp_path):
    path = tmp_path / "kb.rel"
    with relations.KnowledgeBase.builtin() as kb:
        kb.save_snapshot(path)
        assert kb.index_size > 0  # saving built them
        with relations.open_snapshot(path) as snap:
            assert snap.index_size > 0  # carried, not built
            for target, filters in (("events", dict(actor="iran", actor2="north-korea", window="1980/1989")),
                                    ("claims", dict(text="nuclear")),
                                    ("entities", dict(alias="north", match="prefix"))):
                assert snap.query(target, **filters).ids() == kb.query(target, **filters).ids()
            assert snap.query("events", actor="iran", actor2="north-korea", window="1980/1989",
                              certain=True).ids() == ["boeing-flights-1980"]
            assert snap.query("events", actor="iran").per_year() == kb.query("events", actor="iran").per_year()
            # A refused write changes nothing, so it leaves the queries alone.
            q = snap.query("entities", alias="iran-iraq war", match="normalised")
            with pytest.raises(relations.ReadOnlyError):
                snap.add_alias("iran", "Persia")
            assert not q.closed and q.ids() == ["iran-iraq-war"]
            snap.build_indexes()  # nothing to do
        with pytest.raises(relations.ClosedError):
            q.ids()


def test_open_file_takes_either_format(tmp_path):
    with relations.KnowledgeBase.builtin() as kb:
        kb.save_json(tmp_path / "kb.json")
        kb.save_snapshot(tmp_path / "kb.rel")
        expected = kb.to_json()
    with relations.open_file(tmp_path / "kb.json") as a, relations.open_file(str(tmp_path / "kb.rel")) as b:
        assert (a.read_only, b.read_only) == (False, True)
        assert a.to_json() == b.to_json() == expected
    (tmp_path / "bad.rel").write_bytes(b"RELSNAP\0" + bytes(100))
    with pytest.raises(relations.FormatError):
        relations.open_file(tmp_path / "bad.rel")
