/* SPDX-License-Identifier: MIT */
/* The run-time version, so a program can tell which library it was loaded with. */
#include <relations/version.h>

int32_t rel_version_number(void)
{
    return REL_VERSION_NUMBER;
}

const char *rel_version_string(void)
{
    return REL_VERSION_STRING;
}
