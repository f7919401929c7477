/* SPDX-License-Identifier: MIT */
/* The public header on its own: compiles as C and as C++ (headers_cxx), and its macros agree with the library. */
#include <relations.h>

/* After relations.h, so that relations.h is shown to need nothing before it. */
#include <stdio.h>

static int failures = 0;

static void check(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "headers: FAILED: %s\n", what);
        failures++;
    }
}

static int same_string(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

int main(void)
{
    rel_kb_options opts = REL_KB_OPTIONS_INIT;
    rel_source_spec source = REL_SOURCE_SPEC_INIT;
    rel_claim_spec claim = REL_CLAIM_SPEC_INIT;
    rel_kb_options defaults;

    check(REL_VERSION_NUMBER == rel_version_number(), "REL_VERSION_NUMBER == rel_version_number()");
    check(REL_VERSION_NUMBER == REL_VERSION_MAJOR * 1000000 + REL_VERSION_MINOR * 1000 + REL_VERSION_PATCH,
          "REL_VERSION_NUMBER is MAJOR * 1000000 + MINOR * 1000 + PATCH");
    check(same_string(REL_VERSION_STRING, rel_version_string()), "REL_VERSION_STRING == rel_version_string()");
    check(sizeof(rel_status) == 4, "sizeof(rel_status) == 4");
    check(REL_OK == 0 && REL_DONE > 0 && REL_ERR_ARG < 0, "REL_OK is zero, REL_DONE positive, errors negative");
    check(REL_NTS == (size_t)-1, "REL_NTS == (size_t)-1");

    check(opts.version == REL_KB_OPTIONS_VERSION, "REL_KB_OPTIONS_INIT sets the version");
    check(opts.allocator.ctx == NULL && opts.allocator.malloc == NULL && opts.allocator.realloc == NULL &&
              opts.allocator.free == NULL && opts.base_dir == NULL,
          "REL_KB_OPTIONS_INIT leaves every other field empty");
    check(rel_kb_options_init(&defaults, REL_KB_OPTIONS_VERSION) == REL_OK &&
              defaults.version == opts.version && defaults.allocator.malloc == opts.allocator.malloc &&
              defaults.base_dir == opts.base_dir,
          "REL_KB_OPTIONS_INIT equals rel_kb_options_init()");

    check(source.version == REL_SOURCE_SPEC_VERSION, "REL_SOURCE_SPEC_INIT sets the version");
    check(source.id == NULL && source.id_len == 0 && source.text == NULL && source.revises == NULL &&
              source.revises_len == 0,
          "REL_SOURCE_SPEC_INIT leaves every field absent");

    check(claim.version == REL_CLAIM_SPEC_VERSION, "REL_CLAIM_SPEC_INIT sets the version");
    check(claim.id == NULL && claim.subject.kind == REL_VALUE_NONE && claim.subject.str == NULL &&
              claim.object.kind == REL_VALUE_NONE && claim.object.number == 0.0 && claim.claimant == NULL &&
              claim.modality == REL_MODALITY_NONE && claim.polarity == REL_POLARITY_POSITIVE,
          "REL_CLAIM_SPEC_INIT leaves everything empty");

    if (failures) {
        printf("headers: 0 passed, 1 failed\n");
        return 1;
    }
    printf("headers: 1 passed, 0 failed\n");
    return 0;
}
