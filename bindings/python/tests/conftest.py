# SPDX-License-Identifier: MIT
"""Shared fixtures. The package is imported from this checkout; the library
from $RELATIONS_LIBRARY (run-tests.sh sets it to the freshly built one)."""
import os
import pathlib
import sys
from typing import Dict, Iterator, Optional

import pytest

PACKAGE_DIR = pathlib.Path(__file__).resolve().parents[1]
REPO_ROOT = PACKAGE_DIR.parents[1]
sys.path.insert(0, str(PACKAGE_DIR))

import relations  # noqa: E402

#: Text with multi-byte characters before the spans, so str indices and byte offsets differ.
SMALL_TEXT = ("Iran–North Korea relations: in early October 1980 North Korea sold Scud missiles to Iran. "
              "한국어 끝.")


def build_dir() -> Optional[pathlib.Path]:
    """The CMake build directory run-tests.sh was given, if any."""
    d = os.environ.get("RELATIONS_BUILD_DIR")
    return pathlib.Path(d) if d else None


def subprocess_env() -> Dict[str, str]:
    """An environment in which a child python imports this package and the same library."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(PACKAGE_DIR) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    if os.path.isabs(relations.library_path):
        env["RELATIONS_LIBRARY"] = relations.library_path
    return env


def native_env() -> Dict[str, str]:
    """An environment for the project's own programs and the C compiler: without the
    AddressSanitizer runtime that run-tests.sh preloads into the interpreter."""
    env = dict(os.environ)
    if env.pop("RELATIONS_ASAN_RUNTIME", None):
        env.pop("LD_PRELOAD", None)
    return env


@pytest.fixture(scope="session")
def kb() -> Iterator[relations.KnowledgeBase]:
    """The built-in knowledge base, shared and read-only."""
    with relations.KnowledgeBase.builtin() as k:
        yield k


def make_small() -> relations.KnowledgeBase:
    """A small knowledge base built call by call."""
    k = relations.KnowledgeBase.new()
    k.add_source("s1_old", SMALL_TEXT, title="Small", label="old", lang="en", date="2020-01-02",
                 licence="CC0")
    k.add_source("s2_new", SMALL_TEXT.replace("sold", "reportedly sold"), label="new", revises="s1")
    k.add_entity("iran", relations.EntityKind.STATE, "Iran")
    k.add_alias("iran", "ایران", "fa")
    k.add_entity("nk", "state", "North Korea")
    k.add_alias("nk", "DPRK")
    k.add_entity("article", relations.EntityKind.PUBLICATION, "The article")
    k.add_entity("media", relations.EntityKind.GROUP, "Media reports")
    k.add_entity("scud", relations.EntityKind.WEAPON, "Scud")
    k.add_event("sale", "AID.military")
    k.set_event_time("sale", "START 1980-10", "early October 1980")
    k.add_participant("sale", "nk", relations.Role.AGENT)
    k.add_participant("sale", "iran", "recipient")
    k.add_participant("sale", "scud", relations.Role.INSTRUMENT)
    k.add_claim("c-sale", "nk", "supplies_arms_to", "iran", claimant="article", modality="asserted")
    k.set_claim_version("c-sale", "s2", claimant="media", modality=relations.Modality.REPORTED)
    k.add_claim("c-count", "nk", "missiles_sold", relations.Quantity(20, "missiles"), claimant="article",
                modality=relations.Modality.PRESUMED)
    k.add_claim("c-name", "nk", "known_as", relations.Literal("DPRK"), claimant="article", modality="asserted")
    k.add_claim("c-when", "sale", "happened_in", relations.Time("1980-10", words="October 1980"),
                claimant="article", modality="asserted", polarity=relations.Polarity.POSITIVE)
    k.add_claim_relation("c-count", "supports", "c-sale")
    k.add_predicate("missiles_sold", functional=True)
    start = SMALL_TEXT.index("North Korea sold")
    k.add_evidence("c-sale", "s1", start, start + len("North Korea sold Scud missiles to Iran"))
    k.add_evidence_quote("c-sale", "s2", "reportedly sold Scud missiles")
    k.add_evidence_quote("sale", "s1", "sold", prefix="Korea ")
    k.add_evidence("iran", "s1_old", 0, 4)
    k.add_evidence("nk", "s1", byte_start=len("Iran–".encode()), byte_end=len("Iran–North Korea".encode()))
    k.add_unannotated("s1", SMALL_TEXT.index("한국어"), len(SMALL_TEXT), reason="a trailer")
    return k


@pytest.fixture
def small() -> Iterator[relations.KnowledgeBase]:
    """A fresh small knowledge base, built call by call."""
    with make_small() as k:
        yield k
