#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Drives the relations command-line tool from the outside: real output of
# every command on the built-in knowledge base, JSON that parses and agrees
# with itself, an export that survives a round trip byte for byte, and
# errors that fail with a message on stderr.
#
# Usage: test_cli.sh PATH/TO/relations
set -euo pipefail

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 PATH/TO/relations" >&2
    exit 2
fi
cli=$1
corpus=$(cd "$(dirname "$0")/../data/corpus" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
rc=0

# run ARGS...: runs the tool; stdout in $tmp/out, stderr in $tmp/err, status in $rc.
run() {
    rc=0
    "$cli" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

# check DESCRIPTION COMMAND...: counts a check that passes when COMMAND succeeds.
check() {
    local what=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $what" >&2
        echo "  exit status: $rc" >&2
        sed -n '1,20s/^/  stdout: /p' "$tmp/out" >&2
        sed -n '1,20s/^/  stderr: /p' "$tmp/err" >&2
    fi
}

status_is() { [ "$rc" -eq "$1" ]; }
status_not_zero() { [ "$rc" -ne 0 ]; }
out_has() { grep -Eq -- "$1" "$tmp/out"; }
err_has() { grep -Eq -- "$1" "$tmp/err"; }
out_empty() { [ ! -s "$tmp/out" ]; }
err_empty() { [ ! -s "$tmp/err" ]; }
err_has_fixed() { grep -Fq -- "$1" "$tmp/err"; }
# py CODE: runs Python on stdout of the last run; CODE raises (or exits non-zero) to fail.
py() { python3 -c "import json, sys; d = json.load(sys.stdin); $1" <"$tmp/out"; }

# ---- summary ------------------------------------------------------------------

run summary
check "summary exits 0" status_is 0
check "summary counts 3 sources" out_has '^ *sources +3$'
for id in 000_d477b4b9c20a8e87 001_689928cb94a769b6 002_0300900bb6ce87ea; do
    check "summary lists source $id with the claims it states" out_has "^ +$id .*states [0-9]+ claims$"
done
check "summary writes nothing on stderr" err_empty

run summary --json
cp "$tmp/out" "$tmp/summary.json"
check "summary --json exits 0" status_is 0
check "summary --json is JSON with 3 sources" py 'assert d["sources"] == 3, d'
check "summary --json counts are positive integers" \
    py 'assert all(isinstance(d[k], int) and d[k] > 0
           for k in ("entities", "aliases", "events", "claims", "evidence")), d'

for what in sources entities events claims; do
    run "$what" --json
    cp "$tmp/out" "$tmp/$what.json"
    check "$what --json exits 0" status_is 0
    check "$what --json has as many items as summary --json counts" \
        py "s = json.load(open('$tmp/summary.json'))
assert isinstance(d, list) and len(d) == s['$what'], (len(d), s['$what'])"
done

run --json entities
check "--json before the command works too" py "assert d == json.load(open('$tmp/entities.json'))"

run claims --json
check "claims --json: the nuclear claim is asserted by the article in 000, reported by some media reports in 002" \
    py 'c = [c for c in d if c["id"] == "c-nuclear-cooperation"][0]
v = {x["source"][:3]: (x["claimant"], x["modality"]) for x in c["versions"]}
assert v == {"000": ("article", "asserted"), "002": ("some-media-reports", "reported")}, v'

# ---- find -----------------------------------------------------------------------

# The id of the war, whatever it is: the entity with the alias "Iran–Iraq War".
war=$(python3 -c 'import json, sys
print([e["id"] for e in json.load(sys.stdin) if any(a["text"] == "Iran–Iraq War" for a in e["aliases"])][0])' \
    <"$tmp/entities.json" 2>/dev/null) || {
    echo "FAIL: entities --json has no entity with the alias \"Iran–Iraq War\"" >&2
    failed=$((failed + 1))
    war=no-iran-iraq-war
}

run find "Iran-Iraq war"
check "find \"Iran-Iraq war\" exits 0" status_is 0
check "find \"Iran-Iraq war\" prints $war" out_has "^$war "

run find "  iran–iraq   WAR "
check "find with odd case, spacing and dash matches after normalising" out_has "^$war .*normalised match"

run find --json "iran-iraq war"
check "find --json gives the match and the entity" \
    py "assert d['match'] == 'normalised' and [e['id'] for e in d['entities']] == ['$war'], d"

run find "Atlantis"
check "find of an unknown name fails" status_not_zero
check "find of an unknown name says so on stderr" err_has_fixed "Atlantis"
check "find of an unknown name prints nothing on stdout" out_empty

# ---- show -----------------------------------------------------------------------

run export
cp "$tmp/out" "$tmp/export.json"

run show c-nuclear-cooperation
check "show of a claim exits 0" status_is 0
check "show of a claim quotes its evidence in 000" out_has '^  stated in 000 \[[0-9]+, [0-9]+\) ".+"$'
check "show of a claim quotes its evidence in 002" out_has '^  stated in 002 \[[0-9]+, [0-9]+\) ".+"$'
check "show of a claim quotes nothing from 001, which does not state it" \
    bash -c "! grep -q '^  stated in 001' '$tmp/out'"
check "show of a claim quotes exactly the exported evidence" \
    python3 -c "import json
c = [c for c in json.load(open('$tmp/export.json'))['claims'] if c['id'] == 'c-nuclear-cooperation'][0]
out = open('$tmp/out', encoding='utf-8').read()
assert c['evidence'], c
for e in c['evidence']:
    line = '  stated in %s [%d, %d) \"%s\"' % (e['source'][:3], e['start'], e['end'], e['text'])
    assert line in out.splitlines(), line"

run show --json c-nuclear-cooperation
check "show --json of a claim is JSON with evidence from 000 and 002" \
    py 'assert sorted({e["source"][:3] for e in d["evidence"]}) == ["000", "002"], d["evidence"]'

run show 000
check "show 000 exits 0" status_is 0
check "show 000 names the whole source id" out_has '^source 000_d477b4b9c20a8e87 \([0-9]+ bytes\)$'
check "show 000 gives the licence" out_has '^  licence +CC BY-SA 4\.0$'
check "show 000 prints the text of the corpus file" \
    python3 -c "import sys
text = open('$corpus/000_d477b4b9c20a8e87.txt', 'rb').read()
assert text and text in open('$tmp/out', 'rb').read()"

run show "$war"
check "show of an entity lists its mentions" out_has '^  mention 00[0-2] \[[0-9]+, [0-9]+\) ".+"$'

run show boeing-flights-1980
check "show of an event reads its time" out_has '^event boeing-flights-1980 \(.*\), early October 1980$'

run show no-such-id
check "show of an unknown id fails" status_not_zero
check "show of an unknown id names it on stderr" err_has_fixed "no-such-id"
check "show of an unknown id prints nothing on stdout" out_empty

run show 0
check "show of an ambiguous source prefix fails" status_not_zero
check "show of an ambiguous source prefix says so" err_has "ambiguous"

run show
check "show without an id is a usage error" status_is 2

# ---- time -----------------------------------------------------------------------

run time "START 1980-10"
check "time exits 0" status_is 0
check "time reads START 1980-10 as early October 1980" out_has 'early October 1980'
check "time gives 1980-10-01 as the first day" out_has '1980-10-01'

run time --json "START 1980-10"
check "time --json gives the canonical text and the reading" \
    py 'assert d["expr"] == "START 1980-10" and d["reading"] == "early October 1980", d'

run time "1985-13"
check "time of a month 13 fails" status_not_zero
check "time of a month 13 explains on stderr" err_has 'range'
check "time of a month 13 prints nothing on stdout" out_empty

# ---- export ---------------------------------------------------------------------

run export
check "export exits 0" status_is 0
check "export is JSON with the three sources and their texts" \
    py 'assert d["format"] == "relations-kb/1" and len(d["sources"]) == 3 and all(s["text"] for s in d["sources"])'

run export -o "$tmp/kb.json"
check "export -o exits 0" status_is 0
check "export -o writes nothing on stdout" out_empty
check "export -o writes the same bytes as export to stdout" cmp -s "$tmp/kb.json" "$tmp/export.json"

run --kb "$tmp/kb.json" export
check "--kb FILE export exits 0" status_is 0
check "exporting the exported file gives byte-identical JSON" cmp -s "$tmp/out" "$tmp/export.json"

run export -o "$tmp/no-such-dir/kb.json"
check "export -o into a missing folder fails" status_not_zero
check "export -o into a missing folder names the file on stderr" err_has_fixed "$tmp/no-such-dir/kb.json"

run --kb "$tmp/kb.json" summary --json
check "--kb FILE summary counts as the built-in one" cmp -s "$tmp/out" "$tmp/summary.json"

# ---- snapshots ------------------------------------------------------------------

data=$(cd "$(dirname "$0")/../data" && pwd)
run compile "$data/iran-north-korea.json" -o "$tmp/kb.rel"
check "compile exits 0" status_is 0
check "compile reports what it wrote" out_has "kb\.rel: 3 sources, 105 entities, [0-9]+ events, [0-9]+ claims, [0-9]+ bytes"
check "compile writes a snapshot" bash -c "head -c 8 '$tmp/kb.rel' | grep -q RELSNAP"
run --kb "$tmp/kb.rel" summary
tail -n +2 "$tmp/out" >"$tmp/summary-rel.txt"
run --kb "$data/iran-north-korea.json" summary
tail -n +2 "$tmp/out" >"$tmp/summary-json.txt"
check "--kb of the snapshot sums up as --kb of its JSON" cmp -s "$tmp/summary-rel.txt" "$tmp/summary-json.txt"
run --kb "$tmp/kb.rel" export
check "the snapshot exports the JSON of the built-in knowledge base" cmp -s "$tmp/out" "$tmp/export.json"
run --kb "$tmp/kb.rel" query events --actor iran --with north-korea --window 1980/1989
check "the snapshot answers queries" out_has '^boeing-flights-1980 +AID.military'

cp "$tmp/kb.rel" "$tmp/bad.rel"
printf 'X' | dd of="$tmp/bad.rel" bs=1 seek=4000 conv=notrunc 2>/dev/null
run --kb "$tmp/bad.rel" summary
check "--kb of a damaged snapshot fails" status_is 1
check "--kb of a damaged snapshot says why" err_has_fixed "checksum mismatch: file is corrupted"
check "--kb of a damaged snapshot names the file" err_has_fixed "$tmp/bad.rel"
check "--kb of a damaged snapshot prints nothing on stdout" out_empty
head -c 1000 "$tmp/kb.rel" >"$tmp/short.rel"
run --kb "$tmp/short.rel" summary
check "--kb of a cut snapshot says it is truncated" err_has "truncated: 1000 bytes, header says [0-9]+"

run compile "$tmp/kb.rel" -o "$tmp/again.rel"
check "compile takes a snapshot as input too" status_is 0
check "a snapshot compiled again is the same file" cmp -s "$tmp/kb.rel" "$tmp/again.rel"
run compile "$data/iran-north-korea.json" -o "$tmp/no-such-dir/kb.rel"
check "compile into a missing folder fails" status_is 1
check "compile into a missing folder names the file" err_has_fixed "$tmp/no-such-dir/kb.rel"
run compile "$data/iran-north-korea.json"
check "compile without -o is a usage error" status_is 2
run --kb "$tmp/kb.rel" compile "$data/iran-north-korea.json" -o "$tmp/x.rel"
check "compile with --kb is a usage error" status_is 2

# ---- errors ---------------------------------------------------------------------

run frobnicate
check "an unknown command fails" status_not_zero
check "an unknown command is named on stderr" err_has_fixed "frobnicate"
check "an unknown command prints nothing on stdout" out_empty

run --frobnicate summary
check "an unknown option fails" status_not_zero
check "an unknown option is named on stderr" err_has_fixed "--frobnicate"

run
check "no command is a usage error" status_is 2

run --kb /nonexistent/kb.json summary
check "--kb of a missing file fails" status_not_zero
check "--kb of a missing file names the path on stderr" err_has_fixed "/nonexistent/kb.json"
check "--kb of a missing file prints nothing on stdout" out_empty

printf '{\n  "format": "relations-kb/1",\n  "sources": [{"id": "x",, "text": "y"}]\n}\n' >"$tmp/bad.json"
run --kb "$tmp/bad.json" summary
check "--kb of malformed JSON fails" status_not_zero
check "--kb of malformed JSON gives file:line:column of the error (line 3)" err_has_fixed "$tmp/bad.json:3:"
check "--kb of malformed JSON gives a column" err_has "bad\\.json:3:[0-9]+:"
check "--kb of malformed JSON prints nothing on stdout" out_empty

printf '{"format": "relations-kb/1", "entities": [{"id": "e", "kind": "stat", "name": "E"}]}' >"$tmp/schema.json"
run --kb "$tmp/schema.json" summary
check "--kb of JSON of the wrong shape fails" status_not_zero
check "--kb of JSON of the wrong shape names the bad member" err_has_fixed "stat"

# ---- comparing versions ---------------------------------------------------------

run diff 000 002
check "diff exits 0" status_is 0
check "diff names both versions" out_has '^000_d477b4b9c20a8e87 -> 002_0300900bb6ce87ea: [0-9]+ differences$'
check "diff finds the hedged nuclear claim" out_has '^hedged +claim +c-nuclear-cooperation: asserted by article -> reported by some-media-reports$'
check "diff shows the changed words" out_has 'wording +"picked up" -> "improved"'
check "diff tells a respelling" out_has '^respelled '
check "diff quotes both sides" out_has '^    b: 002 \[[0-9]+, [0-9]+\) "Some media reports claim'

run --json diff 000 002
check "diff --json exits 0" status_is 0
check "diff --json gives typed differences with evidence on both sides" py '
kinds = {x["kind"] for x in d}
assert {"added", "dropped", "reworded", "hedged", "reattributed"} <= kinds, kinds
h = [x for x in d if x["kind"] == "hedged" and x["id"] == "c-nuclear-cooperation"][0]
assert h["a"]["modality"] == "asserted" and h["b"]["modality"] == "reported", h
assert h["a"]["evidence"][0]["source"].startswith("000") and h["b"]["evidence"][0]["source"].startswith("002")'

run diff 000 000
check "diff of a version with itself fails" status_not_zero
check "diff of a version with itself says why" err_has 'itself'
run diff 000 9
check "diff with an unknown version fails" status_not_zero
run diff 000
check "diff with one version is a usage error" status_is 2

run conflicts
check "conflicts exits 0" status_is 0
check "conflicts ends with a count" out_has '^[0-9]+ conflicts$'
check "conflicts lists the change of stance on nuclear cooperation" out_has 'c-nuclear-cooperation: asserted by article -> reported by some-media-reports'
run --json conflicts
check "conflicts --json lists only contradictions and changes of stance" py '
assert d and all(x["kind"] in ("contradicted", "hedged", "strengthened", "reattributed") for x in d)'

run timeline
check "timeline exits 0" status_is 0
check "timeline reads early October 1980 honestly" out_has '^early October 1980 '
check "timeline puts 1979 before early October 1980" \
    awk '/^1979 /{a=NR} /^early October 1980 /{b=NR} END{exit !(a && b && a < b)}' "$tmp/out"
check "timeline keeps undated events last" awk 'BEGIN{u=0} /^undated /{u=1; next} u{exit 1}' "$tmp/out"
run --json timeline
check "timeline --json is in time order with words kept" py '
assert any(x.get("words") == "early October 1980" for x in d)
assert d[-1]["when"] == "undated" or all(x["when"] != "undated" for x in d)'

run claims --modality reported
check "claims --modality filters" status_is 0
check "claims --modality reported lists the CRS claim" out_has 'reported by congressional-research-service'
check "claims --modality reported leaves out asserted-only claims" bash -c "! grep -q '^c-pledged-cooperation ' '$tmp/out'"
run claims --source 001 --claimant "Academic circles"
check "claims --source --claimant exits 0" status_is 0
check "claims --claimant matches by name" out_has '001 presumed by academic-circles'
check "claims --source leaves out claims the version does not state" bash -c "! grep -q 'c-nuclear-cooperation' '$tmp/out'"
run claims --modality certain
check "claims --modality with an unknown modality fails" status_not_zero
check "claims --modality with an unknown modality names the choices" err_has 'asserted, reported'
run claims --claimant nobody-at-all
check "claims --claimant with an unknown claimant fails" status_not_zero
run summary --modality reported
check "a claims filter on another command is a usage error" status_is 2

run query events --actor iran --with north-korea --window 1980/1989
check "query events with a pair and a window exits 0" status_is 0
check "query finds the 1980 cargo flights between the pair" out_has '^boeing-flights-1980 +AID.military'
check "query keeps events outside the window out" bash -c "! grep -q '^arms-trade-treaty-blocked-2013 ' '$tmp/out'"
run query events --actor iran --with north-korea --window 1980/1989 --certain
check "query --certain drops events that only may fall in the window" bash -c "! grep -q '^nk-arms-sales-to-iran ' '$tmp/out'"
run query events --actor iran --per-year --json
check "query --per-year --json counts 1979's three events" py '
assert {"year": 1979, "count": 3} in d["years"], d
assert d["undated"] >= 0'
run query entities --alias "iran-iraq war" --match normalised --json
check "query entities by normalised alias" py 'assert [x["id"] for x in d] == ["iran-iraq-war"], d'
run query claims --text nuclear --source 002 --count
check "query claims --text --source --count prints a number" out_has '^[1-9][0-9]*$'
run query claims --window 1990
check "a filter that does not apply to the target fails" status_is 1
check "the failure names the filter" err_has_fixed '"window" is not a filter of claims queries'
run query events --actor nobody-at-all
check "query with an unknown actor fails" status_is 1
run query people
check "query with an unknown target is a usage error" status_is 2
run query entities --kind planet
check "query --kind with an unknown kind is a usage error" status_is 2
check "query --kind names an example kind" err_has 'such as state or person: planet'
run query entities --alias x --match fuzzy
check "query --match with an unknown match is a usage error" status_is 2
run query claims --per-year
check "query --per-year counts events only" status_is 2
run query events --actor
check "query option without its value is a usage error" status_is 2
check "query names the option that lacks a value" err_has 'needs a value: --actor'
run query events --sort
check "query with an unknown option is a usage error" status_is 2
run query claims --modality sure
check "query --modality with an unknown modality is a usage error" status_is 2
run query events --type AID --count
check "query --type counts the type and its subtypes" out_has '^4$'

run --help
check "--help exits 0" status_is 0
check "--help prints the usage on stdout" out_has '^usage: relations'

run --version
check "--version exits 0" status_is 0
check "--version prints a version" out_has '^relations [0-9]+\.[0-9]+\.[0-9]+'

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
