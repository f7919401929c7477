/* SPDX-License-Identifier: MIT */
/*
 * A progress bar on stderr while --kb FILE loads, for a person watching a
 * terminal: a large file takes seconds. Redrawn in place with '\r' when
 * the percentage changes, at most ten times a second, and erased when the
 * file is loaded, so that what the command prints next starts on a clean
 * line. Output that goes to a file or a pipe gets no bar.
 */
#define _POSIX_C_SOURCE 200809L /* isatty(), fileno(), clock_gettime() */

#include "cli.h"

#include <string.h>
#include <time.h>
#include <unistd.h>

#define BAR_WIDTH 30
#define REDRAW_SECONDS 0.1

static double now_seconds(void)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        return 0.0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Erases what was drawn: the width of the last line, in spaces. */
static void erase(progress_bar *bar)
{
    if (bar->width > 0)
        fprintf(stderr, "\r%*s\r", bar->width, "");
    bar->width = 0;
}

static int32_t draw(uint64_t done, uint64_t total, void *payload)
{
    progress_bar *bar = payload;
    char line[96], filled[BAR_WIDTH + 1];
    int percent = total ? (int)(done * 100 / total) : 0, n;
    double t = now_seconds();

    if (done >= total) {
        erase(bar);
        return 0;
    }
    if (percent == bar->percent || (bar->width > 0 && t - bar->drawn_at < REDRAW_SECONDS))
        return 0;
    memset(filled, '#', sizeof(filled) - 1);
    filled[percent * BAR_WIDTH / 100] = '\0';
    /* Under 80 columns, so that the line never wraps and '\r' goes back to its start. */
    n = snprintf(line, sizeof(line), "loading [%-*s] %3d%%  %.1f / %.1f MB", BAR_WIDTH, filled, percent,
                 (double)done / 1e6, (double)total / 1e6);
    if (n < 0 || n >= (int)sizeof(line))
        return 0;
    /* Spaces over what is left of a longer line before. */
    fprintf(stderr, "\r%s%*s", line, bar->width > n ? bar->width - n : 0, "");
    bar->width = n;
    bar->percent = percent;
    bar->drawn_at = t;
    return 0;
}

void progress_bar_attach(progress_bar *bar, rel_kb_options *opts)
{
    memset(bar, 0, sizeof(*bar));
    bar->percent = -1;
    if (!isatty(fileno(stderr)))
        return;
    opts->progress = draw;
    opts->progress_payload = bar;
}

void progress_bar_finish(progress_bar *bar)
{
    erase(bar);
}
