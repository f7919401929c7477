# SPDX-License-Identifier: MIT
"""Progress callbacks of the JSON imports: told how far they got, and able to stop them."""
import pytest

import relations


@pytest.fixture(scope="module")
def json_file(tmp_path_factory):
    """The built-in knowledge base as a JSON file of over 3 MiB (the import reads 1 MiB pieces)."""
    path = tmp_path_factory.mktemp("progress") / "kb.json"
    with relations.KnowledgeBase.builtin() as kb:
        text = kb.to_json()
    # White space between the members of the top-level object makes it big without changing it.
    pad = " " * (1 << 20)
    path.write_text(text.replace('"sources":', pad + '"sources":', 1).replace('"entities":', pad + '"entities":', 1)
                    .replace('"claims":', pad + '"claims":', 1) + pad)
    return path


def test_progress_is_told_until_the_end(json_file):
    calls = []
    with relations.KnowledgeBase.from_json_file(json_file, progress=lambda done, total: calls.append((done, total))):
        pass
    size = json_file.stat().st_size
    assert len(calls) > 2  # a file is read in pieces
    assert calls[-1] == (size, size)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert all(t == size for _, t in calls)


def test_progress_of_every_json_opener(json_file):
    text = json_file.read_text()
    for opener in (lambda p: relations.KnowledgeBase.from_json(text, progress=p),
                   lambda p: relations.KnowledgeBase.builtin(progress=p),
                   lambda p: relations.KnowledgeBase.from_file(json_file, progress=p),
                   lambda p: relations.open_file(json_file, progress=p)):
        calls = []
        with opener(lambda done, total: calls.append((done, total))) as kb:
            assert len(kb.claims) > 0
        assert calls and calls[-1][0] == calls[-1][1] > 0


def test_returning_true_cancels(json_file):
    calls = []

    def stop_at_once(done, total):
        calls.append(done)
        return True

    with pytest.raises(relations.CancelledError) as e:
        relations.KnowledgeBase.from_json_file(json_file, progress=stop_at_once)
    assert e.value.status == relations.Status.ERR_CANCELLED
    assert "cancelled" in e.value.message and e.value.file == str(json_file)
    assert len(calls) == 1
    # a false value goes on
    with relations.KnowledgeBase.from_json_file(json_file, progress=lambda d, t: False) as kb:
        assert len(kb.claims) > 0
    # stopping at the very end still cancels
    with pytest.raises(relations.CancelledError):
        relations.KnowledgeBase.from_json(json_file.read_text(), progress=lambda d, t: d == t)


def test_an_exception_in_the_callback_cancels_and_is_chained(json_file):
    def fail(done, total):
        raise ValueError("enough")

    with pytest.raises(relations.CancelledError) as e:
        relations.KnowledgeBase.from_json_file(json_file, progress=fail)
    assert isinstance(e.value.__cause__, ValueError) and str(e.value.__cause__) == "enough"

    def interrupt(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        relations.KnowledgeBase.from_json_file(json_file, progress=interrupt)


def test_a_snapshot_does_not_call_progress(tmp_path):
    with relations.KnowledgeBase.builtin() as kb:
        kb.save_snapshot(tmp_path / "kb.rel")
    calls = []
    with relations.KnowledgeBase.from_file(tmp_path / "kb.rel", progress=lambda d, t: calls.append(d)) as snap:
        assert snap.read_only
    assert calls == []
