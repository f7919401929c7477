# SPDX-License-Identifier: MIT
"""The public headers, preprocessed, parse with Python's cffi, and every
function they declare resolves in the shared library.

usage: test_cffi.py CC INCLUDE_DIR LIBRARY
"""
import re
import subprocess
import sys

import cffi

cc, include, library = sys.argv[1:4]
# cffi parses declarations, not GNU attributes nor system headers: give it
# the preprocessed API with the export macro empty and the standard types
# it already knows.
source = subprocess.run(
    [cc, "-E", "-P", "-std=c11", f"-I{include}", "-D__attribute__(x)=", "-"],
    input="#include <relations.h>\n", capture_output=True, text=True, check=True).stdout
lines, keep = [], False
for line in source.splitlines():
    # Keep from the first declaration of ours on; the libc typedefs before it are cffi's own.
    if not keep and re.match(r"\s*(typedef\s+)?(struct|enum)?\s*\w*\s*rel_|typedef int32_t rel_status", line):
        keep = True
    if keep:
        lines.append(line)
cdef = "\n".join(lines)

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {name} {detail}")


ffi = cffi.FFI()
try:
    ffi.cdef(cdef)
    check("cdef parses the headers", True)
except cffi.CDefError as e:
    check("cdef parses the headers", False, str(e))
    print(f"cffi: {passed} passed, {failed} failed")
    sys.exit(1)

lib = ffi.dlopen(library)
functions = sorted(set(re.findall(r"\b(rel_[a-z0-9_]+)\s*\(", cdef)))
missing = [f for f in functions if not hasattr(lib, f)]
check(f"all {len(functions)} declared functions resolve", not missing, str(missing))
header = open(f"{include}/relations/version.h", encoding="utf-8").read()
major, minor, patch = (int(re.search(rf"#define REL_VERSION_{p} (\d+)", header).group(1))
                       for p in ("MAJOR", "MINOR", "PATCH"))
check("rel_version_number() is the header's version", lib.rel_version_number() == major * 1000000 + minor * 1000 + patch)
kb = ffi.new("rel_kb **")
err = ffi.new("rel_error *")
check("the built-in knowledge base opens through cffi", lib.rel_kb_open_builtin(kb, ffi.NULL, err) == 0)
check("it has three sources", lib.rel_kb_source_count(kb[0]) == 3)
lib.rel_kb_free(kb[0])
print(f"cffi: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
