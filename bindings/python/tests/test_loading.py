# SPDX-License-Identifier: MIT
"""Loading the library, versions, and the ctypes declarations against the C headers."""
import ctypes
import re
import shutil
import subprocess
import sys

import pytest

import relations
from relations import _ffi

from conftest import REPO_ROOT, native_env, subprocess_env

INCLUDE = REPO_ROOT / "include"
needs_headers = pytest.mark.skipif(not (INCLUDE / "relations.h").exists(), reason="C headers not found")


def test_version_major_matches_binding():
    assert relations.library_version_number // 1000000 == _ffi.EXPECTED_MAJOR
    major, minor, patch = (int(x) for x in relations.library_version.split("."))
    assert relations.library_version_number == major * 1000000 + minor * 1000 + patch


def test_docstring_examples_run():
    import doctest
    from relations import _kb, _time
    for module in (relations, _kb, _time):
        failed, _ = doctest.testmod(module)
        assert failed == 0, module.__name__


def test_library_comes_from_environment_variable():
    import os
    if os.environ.get("RELATIONS_LIBRARY"):
        assert relations.library_path == os.environ["RELATIONS_LIBRARY"]


def test_missing_library_is_a_clear_import_error(tmp_path):
    env = subprocess_env()
    env["RELATIONS_LIBRARY"] = str(tmp_path / "no-such-librelations.so")
    r = subprocess.run([sys.executable, "-c", "import relations"], env=env, capture_output=True, text=True)
    assert r.returncode != 0
    assert "ImportError" in r.stderr and "RELATIONS_LIBRARY" in r.stderr and "no-such-librelations" in r.stderr


# ---- the declarations, checked against the headers

_SCALARS = {  # C type -> (size, signed) or a name
    "size_t": (ctypes.sizeof(ctypes.c_size_t), False),
    "int32_t": (4, True), "rel_status": (4, True), "uint32_t": (4, False),
    "int64_t": (8, True), "uint64_t": (8, False), "double": "double",
}


def _header_functions():
    text = "\n".join(p.read_text() for p in sorted(INCLUDE.rglob("*.h")))
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    out = {}
    for m in re.finditer(r"\bREL_API\s+([^;(]*?)\b(rel_\w+)\s*\(([^)]*)\)\s*;", text):
        ret, name, params = m.group(1).strip(), m.group(2), m.group(3).strip()
        plist = [] if params in ("", "void") else [re.match(r"(.*[\s*])\w+$", p.strip()).group(1)
                                                   for p in params.split(",")]
        out[name] = (ret, plist)
    return out


def _c_shape(ctype):
    t = ctype.replace("const", " ")
    depth = t.count("*")
    base = t.replace("*", " ").split()[0]
    return _SCALARS.get(base, base), depth


def _py_shape(t):
    depth = 0
    while True:
        if t is None:
            return "void", 0
        if t is ctypes.c_char_p:
            return "char", depth + 1
        if t is ctypes.c_void_p:
            return "void", depth + 1
        if isinstance(t, type) and issubclass(t, ctypes._Pointer):
            depth += 1
            t = t._type_
            continue
        break
    if issubclass(t, ctypes._CFuncPtr):
        return "rel_write_fn", depth
    if t is ctypes.c_char:
        return "char", depth
    if t is ctypes.c_double:
        return "double", depth
    if issubclass(t, ctypes.Structure):
        return t.__name__, depth
    return (ctypes.sizeof(t), t(-1).value < 0), depth


@needs_headers
def test_every_function_of_the_headers_is_declared_with_matching_types():
    headers = _header_functions()
    assert len(headers) > 100
    assert set(headers) == set(_ffi.SIGNATURES), "declared functions differ from the headers"
    for name, (ret, params) in headers.items():
        restype, argtypes = _ffi.SIGNATURES[name]
        fn = getattr(_ffi.lib, name)
        assert fn.restype is restype and list(fn.argtypes) == argtypes
        assert len(argtypes) == len(params), name
        assert _py_shape(restype) == _c_shape(ret), f"{name}: return type {ret}"
        for i, (c, py) in enumerate(zip(params, argtypes)):
            # void * payloads aside, a pointer's target type must match too.
            if c.strip() in ("void *",):
                assert _py_shape(py)[1] == 1
                continue
            assert _py_shape(py) == _c_shape(c), f"{name}: parameter {i} is {c}"


@needs_headers
@pytest.mark.skipif(not shutil.which("cc"), reason="no C compiler")
def test_struct_layouts_match_the_c_compiler(tmp_path):
    structs = {
        "rel_error": _ffi.rel_error, "rel_kb_options": _ffi.rel_kb_options, "rel_source_spec": _ffi.rel_source_spec,
        "rel_value_spec": _ffi.rel_value_spec, "rel_claim_spec": _ffi.rel_claim_spec, "rel_quote": _ffi.rel_quote,
        "rel_time_bounds": _ffi.rel_time_bounds, "rel_allocator": _ffi.rel_allocator,
        "rel_query_options": _ffi.rel_query_options, "rel_year_count": _ffi.rel_year_count,
    }
    lines = ["#include <relations.h>", "#include <stdio.h>", "#include <stddef.h>", "int main(void) {"]
    expected = []
    for sname, cls in structs.items():
        lines.append(f'printf("{sname} %zu\\n", sizeof({sname}));')
        expected.append(f"{sname} {ctypes.sizeof(cls)}")
        for fname, _ in cls._fields_:
            lines.append(f'printf("{sname}.{fname} %zu\\n", offsetof({sname}, {fname}));')
            expected.append(f"{sname}.{fname} {getattr(cls, fname).offset}")
    lines.append("return 0; }")
    src = tmp_path / "layout.c"
    src.write_text("\n".join(lines))
    exe = tmp_path / "layout"
    subprocess.run(["cc", "-std=c11", f"-I{INCLUDE}", str(src), "-o", str(exe)], env=native_env(), check=True)
    got = subprocess.run([str(exe)], env=native_env(), capture_output=True, text=True,
                         check=True).stdout.split("\n")[:-1]
    assert got == expected
    # and the versions of the specs the binding fills in
    header = "".join((INCLUDE / "relations" / name).read_text() for name in ("builder.h", "kb.h", "query.h"))
    for macro in ("REL_SOURCE_SPEC_VERSION", "REL_CLAIM_SPEC_VERSION", "REL_KB_OPTIONS_VERSION",
                  "REL_QUERY_OPTIONS_VERSION"):
        assert int(re.search(rf"#define {macro} (\d+)", header).group(1)) == getattr(_ffi, macro)
    assert int(re.search(r"#define REL_QUERY_ANY_KIND \((-\d+)\)", header).group(1)) == _ffi.REL_QUERY_ANY_KIND


@needs_headers
def test_enumerations_match_the_headers():
    text = "\n".join(p.read_text() for p in sorted(INCLUDE.rglob("*.h")))
    values = {m.group(1): int(m.group(2)) for m in re.finditer(r"\b(REL_[A-Z0-9_]+)\s*=\s*(-?\d+)", text)}
    pairs = [(relations.Status, "REL_"), (relations.EntityKind, "REL_ENTITY_"), (relations.Role, "REL_ROLE_"),
             (relations.ValueKind, "REL_VALUE_"), (relations.Modality, "REL_MODALITY_"),
             (relations.Polarity, "REL_POLARITY_"), (relations.Relation, "REL_RELATION_"),
             (relations.DifferenceKind, "REL_DIFF_"), (relations.Side, "REL_SIDE_"), (relations.TimeMod, "REL_MOD_"),
             (relations.BoundKind, "REL_BOUND_"), (relations.ObjectKind, "REL_OBJECT_"),
             (relations.Match, "REL_MATCH_"), (relations.Window, "REL_WINDOW_"), (relations.QueryTarget, "REL_QUERY_")]
    for enum_cls, prefix in pairs:
        in_header = {k[len(prefix):]: v for k, v in values.items() if k.startswith(prefix)}
        if enum_cls is relations.Status:
            in_header = {k: v for k, v in in_header.items() if k in ("OK", "DONE") or k.startswith("ERR_")}
        assert {m.name: int(m) for m in enum_cls} == in_header, enum_cls.__name__
    assert values["REL_PREDICATE_FUNCTIONAL"] == relations.PredicateFlag.FUNCTIONAL
