#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the hand-made seeds of fuzz_builder into corpus/builder/.

Each seed is a sequence of builder calls in the input format that
fuzz_builder.c describes; the pool ids and texts are its pool_ids and
pool_texts, by index. Run it again after changing that format.
"""
import os
import sys

OP = {name: i for i, name in enumerate(
    "source entity alias event time participant claim version relation evidence quote predicate unannotated null_kb".split())}

# pool_ids
S0, S1, S001, S000, ENT, ENT2, ENT_UPPER, EV, EV2, CL, CL2, CL3, S00, HAN, X, CL_DEL = range(16)
# pool_texts
T_SOURCE, T_KOREAN, T_APOSTROPHES, T_EMPTY, T_ABAB, T_START, T_MORE_THAN, T_EN, T_MONTH, T_INTERVAL, \
    T_PREDICATE, T_EVENT_TYPE, T_COMBINING, T_NORTH_KOREA, T_KO, T_1500 = range(16)


def op(name, fail=None):
    """A call, with allocation `fail` (1 to 16) of it failing if given."""
    return bytes([OP[name] | 0x80, fail - 1]) if fail else bytes([OP[name]])


def pid(i, nts=False):
    return bytes([i | 0x10 if nts else i])


def text(i):
    return bytes([2, i])


def text_nts(i):
    return bytes([4, i])


def part(i, start, length):
    return bytes([3, i, start, length])


def raw(b):
    return bytes([5, len(b)]) + b


def raw_nts(b):
    return bytes([1, len(b)]) + b


NULL = bytes([0])


def integer(v):
    if -1 <= v <= 14:
        return bytes([v + 1])
    return bytes([0xF0]) + (v & 0xFFFFFFFF).to_bytes(4, "little")


def offset(v):
    return bytes([v]) if v < 0xF0 else bytes([0xF0]) + v.to_bytes(8, "little")


def source(i, t, fields=0, *extra, fail=None):
    return op("source", fail) + bytes([0, fields]) + pid(i) + text(t) + b"".join(extra)


def entity(i, kind, name, fail=None):
    return op("entity", fail) + pid(i) + integer(kind) + name


def claim(i, subject, predicate, obj, claimant, modality, polarity=0, fail=None):
    return op("claim", fail) + bytes([0]) + pid(i) + subject + predicate + obj + pid(claimant) + integer(modality) + \
        integer(polarity)


def ref(kind, i):
    return integer(kind) + pid(i)


def literal(s):
    return integer(4) + s


def quantity(byte):
    return integer(5) + NULL + bytes([byte])


def time(expr, words):
    return integer(6) + expr + words


NONE = integer(0) + NULL

# A small knowledge base, every call valid: two versions of a source, an
# entity with aliases, an event with a time and participants, claims of
# every value kind, versions, relations, evidence by offsets and by quote.
build = b"".join([
    source(S0, T_SOURCE, 0b00001101, text(T_NORTH_KOREA), text(T_EN), raw(b"2019-05")),
    source(S1, T_KOREAN, 0b10000010, raw(b"later version"), pid(S000)),
    source(S001, T_ABAB),
    entity(ENT, 1, text(T_NORTH_KOREA)),
    entity(ENT2, 5, raw("Jeffrey Lewis".encode())),
    entity(HAN, 6, text_nts(T_COMBINING)),
    op("alias") + pid(ENT) + text(T_APOSTROPHES) + text(T_EN),
    op("alias") + pid(ENT) + part(T_KOREAN, 0, 6) + text(T_KO),
    op("event") + pid(EV) + text(T_EVENT_TYPE),
    op("time") + pid(EV) + text(T_START) + raw(b"early October 1980"),
    op("time") + pid(EV) + text(T_INTERVAL) + NULL,
    op("participant") + pid(EV) + pid(ENT) + integer(1),
    op("participant") + pid(EV) + pid(ENT2, True) + integer(2),
    op("predicate") + bytes([1]) + text(T_PREDICATE),
    claim(CL, ref(1, ENT), text(T_PREDICATE), ref(1, ENT2), ENT2, 2),
    claim(CL2, ref(3, CL), raw(b"disputes"), literal(raw(b"nuclear")), ENT, 6, 1),
    claim(CL3, ref(2, EV), raw(b"dates_back"), time(text(T_MORE_THAN), raw(b"more than 1600 years")), HAN, 8),
    claim(X, ref(1, HAN), raw(b"numbers"), quantity(100), ENT, 1),
    op("version") + pid(CL) + pid(S0, True) + bytes([1]) + pid(ENT) + integer(1),
    op("version") + pid(CL) + pid(S1) + bytes([0]) + integer(4),
    op("relation") + pid(CL2) + integer(3) + pid(CL),
    op("relation") + pid(CL3) + integer(1) + pid(X),
    op("evidence") + pid(ENT) + pid(S0) + offset(7) + offset(18),
    op("evidence") + pid(CL) + pid(S001) + offset(0) + offset(2),
    op("quote") + bytes([3]) + pid(EV) + pid(S0) + raw(b"1600") + raw(b"than ") + raw(b" years"),
    op("quote") + bytes([0]) + pid(CL2) + pid(S1) + part(T_KOREAN, 0, 3),
    op("unannotated") + pid(S001) + offset(3) + offset(5) + raw(b"a repeat"),
    op("null_kb"),
])

# The same calls with allocations failing on the way; each failed call is
# followed by the same call again, which must then succeed.
failing = b"".join([
    source(S0, T_SOURCE, 0b00001101, text(T_NORTH_KOREA), text(T_EN), raw(b"2019-05"), fail=3),
    source(S0, T_SOURCE, 0b00001101, text(T_NORTH_KOREA), text(T_EN), raw(b"2019-05")),
    entity(ENT, 1, text(T_NORTH_KOREA), fail=2),
    entity(ENT, 1, text(T_NORTH_KOREA), fail=5),
    entity(ENT, 1, text(T_NORTH_KOREA)),
    op("alias", 3) + pid(ENT) + text(T_APOSTROPHES) + text(T_EN),
    op("alias", 6) + pid(ENT) + text(T_COMBINING) + text(T_EN),
    op("alias") + pid(ENT) + text(T_APOSTROPHES) + text(T_EN),
    op("event", 1) + pid(EV) + text(T_EVENT_TYPE),
    op("event") + pid(EV) + text(T_EVENT_TYPE),
    op("time", 1) + pid(EV) + text(T_MONTH) + raw(b"a month before"),
    op("time", 2) + pid(EV) + text(T_MONTH) + raw(b"a month before"),
    op("time") + pid(EV) + text(T_MONTH) + raw(b"a month before"),
    claim(CL, ref(1, ENT), text(T_PREDICATE), time(text(T_START), NULL), ENT, 2, fail=2),
    claim(CL, ref(1, ENT), text(T_PREDICATE), time(text(T_START), NULL), ENT, 2),
    op("evidence", 1) + pid(CL) + pid(S0) + offset(0) + offset(4),
    op("quote", 1) + bytes([0]) + pid(ENT) + pid(S000) + text(T_NORTH_KOREA),
    op("quote") + bytes([0]) + pid(ENT) + pid(S000) + text(T_NORTH_KOREA),
    op("predicate", 2) + bytes([1]) + text(T_PREDICATE),
    op("unannotated", 1) + pid(S0) + offset(0) + offset(4) + raw(b"title"),
])

# Calls that must fail, each in its own way: duplicate and malformed ids,
# references to nothing or to the wrong kind, ambiguous source prefixes,
# spans out of range or splitting a character, bad codes and times.
refused = b"".join([
    source(S0, T_SOURCE),
    source(S1, T_ABAB),
    source(S0, T_KOREAN),                                     # duplicate
    source(CL_DEL, T_ABAB),                                   # control character
    source(S001, T_ABAB, 0b10000000, pid(S000)),              # ambiguous "000"
    op("source") + bytes([0xF2, 0]) + pid(X) + text(T_ABAB),  # unknown spec version
    op("source") + bytes([0xFF]),                             # NULL spec
    entity(ENT, 99, text(T_NORTH_KOREA)),                     # unknown kind
    entity(ENT, 1, text(T_EMPTY)),                            # empty name
    entity(ENT, 1, raw(b"\xC3\x28")),                         # invalid UTF-8
    entity(ENT, 1, text(T_NORTH_KOREA)),
    op("alias") + pid(EV) + text(T_APOSTROPHES) + text(T_EN),   # no such entity
    op("alias") + pid(S0) + text(T_APOSTROPHES) + text(T_EN),   # a source
    op("alias") + pid(ENT) + text(T_APOSTROPHES) + NULL,        # no language
    op("event") + pid(EV) + raw(b"aid"),                        # bad type
    op("event") + pid(EV) + text(T_EVENT_TYPE),
    op("time") + pid(EV) + raw(b"1985-02-30") + NULL,           # range
    op("time") + pid(EV) + raw(b"START 1980-10 ") + NULL,       # syntax
    op("participant") + pid(EV) + pid(ENT) + integer(14),       # unknown role
    op("participant") + pid(EV) + pid(ENT) + integer(1),
    op("participant") + pid(EV) + pid(ENT) + integer(1),        # twice
    claim(CL, ref(1, ENT), raw(b"Bad"), NONE, ENT, 1),          # bad predicate
    claim(CL, literal(text(T_EN)), text(T_PREDICATE), NONE, ENT, 1),  # literal subject
    claim(CL, ref(1, ENT), text(T_PREDICATE), NONE, ENT, 0),    # no modality
    claim(CL, ref(1, ENT), text(T_PREDICATE), NONE, ENT, 1, 5),  # bad polarity
    claim(CL, ref(2, ENT), text(T_PREDICATE), NONE, ENT, 1),    # wrong kind
    claim(CL, ref(1, ENT), text(T_PREDICATE), integer(5) + NULL + bytes([0xF0]) + b"\x00" * 6 + b"\xF0\x7F",
          ENT, 1),                                              # infinite quantity
    claim(CL, ref(1, ENT), text(T_PREDICATE), time(raw(b"START -P1Y"), NULL), ENT, 1),  # bad time
    claim(CL, ref(1, ENT), text(T_PREDICATE), NONE, ENT, 1),
    op("version") + pid(CL) + pid(S000) + bytes([0]) + integer(1),      # ambiguous
    op("version") + pid(CL) + pid(S0) + bytes([0]) + integer(0),        # neither override
    op("relation") + pid(CL) + integer(1) + pid(CL),                    # itself
    op("evidence") + pid(ENT) + pid(S0) + offset(5) + offset(6),        # splits a character
    op("evidence") + pid(ENT) + pid(S0) + offset(4) + offset(4),        # empty
    op("evidence") + pid(ENT) + pid(S0) + offset(0) + offset(2 ** 64 - 1),  # beyond the text
    op("evidence") + pid(S0) + pid(S0) + offset(0) + offset(4),         # a source
    op("quote") + bytes([0]) + pid(ENT) + pid(S1) + raw(b"ab"),         # ambiguous quote
    op("quote") + bytes([0]) + pid(ENT) + pid(S1) + raw(b"ba"),         # not found
    op("quote") + bytes([0xFF]) + pid(ENT) + pid(S1),                   # NULL quote
    op("predicate") + bytes([0xF0]) + text(T_PREDICATE) + b"\x02\x00\x00\x00",  # unknown flag
    op("predicate") + bytes([0]) + raw(b"1x"),                           # malformed
    op("unannotated") + pid(S0) + offset(0) + offset(4) + text(T_EMPTY),  # empty reason
    op("unannotated") + pid(S00) + offset(0) + offset(4) + raw(b"r"),     # ambiguous
])


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "builder")
    os.makedirs(out, exist_ok=True)
    for name, data in (("build", build), ("failing", failing), ("refused", refused)):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        print(f"{name}: {len(data)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
