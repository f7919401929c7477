/* SPDX-License-Identifier: MIT */
/*
 * timeline.c: the events of the built-in knowledge base in time order.
 *
 * Dates in the sources are rarely exact ("early October 1980", "the
 * 1980s", "more than 1600 years ago"). The library keeps each as a fuzzy
 * time with strict and fuzzy bounds, sorts them with rel_time_compare(),
 * and reads them back in words with rel_time_describe(), so nothing is
 * printed more precisely than the text says it.
 *
 * Build it against an installed library with
 *     cc timeline.c $(pkg-config --cflags --libs relations) -o timeline
 */
#include <relations.h>

#include <stdio.h>
#include <stdlib.h>

/* qsort() comparison: by time, undated events last. */
static int by_time(const void *x, const void *y)
{
    const rel_time *a = rel_event_time(*(const rel_event *const *)x);
    const rel_time *b = rel_event_time(*(const rel_event *const *)y);

    if (!a || !b)
        return !a - !b;
    return rel_time_compare(a, b);
}

int main(void)
{
    const rel_event **events;
    rel_kb *kb;
    rel_error err;
    size_t n, i;

    if (rel_kb_open_builtin(&kb, NULL, &err) != REL_OK) {
        fprintf(stderr, "cannot open the knowledge base: %s\n", err.message);
        return 1;
    }
    n = rel_kb_event_count(kb);
    events = malloc((n ? n : 1) * sizeof(*events));
    if (!events) {
        rel_kb_free(kb);
        return 1;
    }
    for (i = 0; i < n; i++)
        events[i] = rel_kb_event_at(kb, i); /* borrowed: valid until rel_kb_free() */
    qsort(events, n, sizeof(*events), by_time);

    for (i = 0; i < n; i++) {
        const rel_time *t = rel_event_time(events[i]);
        char when[128] = "undated";

        /* The honest reading of the date; the words of the source come with it. */
        if (t)
            rel_time_describe(t, when, sizeof(when), NULL);
        printf("%-24s %-44s %s", rel_event_type(events[i], NULL), rel_event_id(events[i], NULL), when);
        if (rel_event_time_text(events[i], NULL))
            printf("  (\"%s\")", rel_event_time_text(events[i], NULL));
        printf("\n");
    }
    free(events);
    rel_kb_free(kb);
    return 0;
}
