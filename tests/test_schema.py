# SPDX-License-Identifier: MIT
"""Checks docs/relations.schema.json against real documents: the annotation
and a fresh export validate, and documents the importer rejects for their
shape are rejected by the schema too.

usage: test_schema.py SCHEMA ANNOTATION EXPORT
"""
import copy
import json
import sys

import jsonschema

schema_path, annotation_path, export_path = sys.argv[1:4]
schema = json.load(open(schema_path, encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0


def check(name, ok):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {name}")


export = json.load(open(export_path, encoding="utf-8"))
for name, doc in (("annotation", json.load(open(annotation_path, encoding="utf-8"))), ("export", export)):
    errors = list(validator.iter_errors(doc))
    for e in errors[:5]:
        print(f"{name}: {e.json_path}: {e.message}")
    check(f"{name} validates", not errors)

check("export has every section", all(k in export for k in ("sources", "predicates", "entities", "events", "claims",
                                                            "unannotated")))


def mutated(change):
    doc = copy.deepcopy(export)
    change(doc)
    return doc


bad = {
    "unknown top-level member": lambda d: d.update(extra=[]),
    "unknown entity kind": lambda d: d["entities"][0].update(kind="stat"),
    "unknown entity member": lambda d: d["entities"][0].update(kinds="state"),
    "entity without name": lambda d: d["entities"][0].pop("name"),
    "lower-case event type": lambda d: d["events"][0].update(type="aid"),
    "unknown role": lambda d: d["events"][0]["participants"].append({"entity": "iran", "role": "hero"}),
    "unknown modality": lambda d: d["claims"][0].update(modality="certain"),
    "predicate with capitals": lambda d: d["claims"][0].update(predicate="SellsTo"),
    "evidence with offsets and quote": lambda d: d["claims"][0]["evidence"][0].update(exact="x"),
    "negative offset": lambda d: d["claims"][0]["evidence"][0].update(start=-1),
    "fractional offset": lambda d: d["claims"][0]["evidence"][0].update(start=1.5),
    "source without text or path": lambda d: [d["sources"][0].pop(k, None) for k in ("text", "path")],
    "wrong format name": lambda d: d.update(format="relations-kb/2"),
    "declared predicate with capitals": lambda d: d["predicates"].append({"name": "DatesBack"}),
    "non-boolean functional": lambda d: d["predicates"].append({"name": "x", "functional": "yes"}),
    "unannotated without reason": lambda d: d["unannotated"].append({"source": "000", "exact": "Iran"}),
}
for name, change in bad.items():
    check(f"schema rejects {name}", not validator.is_valid(mutated(change)))

print(f"schema: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
