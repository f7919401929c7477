# SPDX-License-Identifier: MIT
"""The example script runs, and prints what examples/embed.c prints."""
import subprocess
import sys

import pytest

from conftest import PACKAGE_DIR, build_dir, native_env, subprocess_env

EXAMPLE = PACKAGE_DIR / "examples" / "claims.py"


def run(*args):
    return subprocess.run([sys.executable, str(EXAMPLE), *map(str, args)], env=subprocess_env(),
                          capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def output():
    r = run()
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_example_prints_claims_with_versions_and_evidence(output):
    assert ("c-nuclear-cooperation: cooperation_in\n"
            "  in 000: asserted by Iran–North Korea relations (the article)\n"
            "    \"cooperating in the nuclear program of Iran\"\n"
            "  in 002: reported by Some media reports\n") in output


def test_example_output_equals_embed_c(output):
    d = build_dir()
    embed = d / "examples" / "embed" if d else None
    if embed is None or not embed.exists():
        pytest.skip("examples/embed was not built")
    assert output == subprocess.run([str(embed)], env=native_env(), capture_output=True, text=True,
                                     check=True).stdout


def test_example_reports_a_bad_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    r = run(bad)
    assert r.returncode == 1 and "cannot open the knowledge base" in r.stderr and "syntax error" in r.stderr
