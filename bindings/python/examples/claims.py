#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Prints every claim: who makes it and how surely in each version, with the exact words.

The Python counterpart of examples/embed.c. Run it with the library on the
loader path, or point RELATIONS_LIBRARY at it:

    RELATIONS_LIBRARY=build/lib/librelations.so PYTHONPATH=bindings/python \\
        python3 bindings/python/examples/claims.py [KB.json]

Without an argument it reads the built-in knowledge base (three versions of
the article "Iran–North Korea relations").
"""
import sys

import relations


def main(argv: list) -> int:
    try:
        kb = relations.KnowledgeBase.from_json_file(argv[1]) if len(argv) > 1 else relations.KnowledgeBase.builtin()
    except relations.RelationsError as e:
        # The exception carries the library's status, message and position.
        print(f"cannot open the knowledge base: {e}", file=sys.stderr)
        return 1

    with kb:  # frees the knowledge base at the end of the block
        for claim in kb.claims:
            print(f"{claim.id}: {claim.predicate}")
            # A version may attribute the claim to someone else, or hedge it.
            for version in claim.versions:
                claimant = version.claimant.name if version.claimant else "?"
                print(f"  in {version.source.short_id}: {version.modality} by {claimant}")
                for evidence in claim.evidence_in(version.source):
                    # start/end index the source's str text; byte_start/byte_end its UTF-8 bytes.
                    assert version.source.text[evidence.start:evidence.end] == evidence.text
                    print(f"    \"{evidence.text}\"")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
