/* SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L
#include "child.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;

    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static int read_all(int fd, void *buf, size_t len)
{
    char *p = buf;

    while (len > 0) {
        ssize_t n = read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

int run_in_child(child_fn fn, void *arg, double *out)
{
    double figures[CHILD_MAX_FIGURES] = {0};
    int fds[2], status = 0, got;
    pid_t pid;

    fflush(NULL);
    if (pipe(fds) != 0) {
        perror("relations-bench: pipe");
        return -1;
    }
    pid = fork();
    if (pid < 0) {
        perror("relations-bench: fork");
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        int rc;
        close(fds[0]);
        rc = fn(arg, figures);
        if (rc == 0 && write_all(fds[1], figures, sizeof figures) != 0)
            rc = 1;
        fflush(NULL);
        _exit(rc == 0 ? 0 : 1);
    }
    close(fds[1]);
    got = read_all(fds[0], figures, sizeof figures);
    close(fds[0]);
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            perror("relations-bench: waitpid");
            return -1;
        }
    if (WIFSIGNALED(status)) {
        fprintf(stderr, "relations-bench: a measurement's child process was killed by signal %d%s\n",
                WTERMSIG(status), WTERMSIG(status) == SIGKILL ? " (out of memory?)" : "");
        return -1;
    }
    if (got != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    memcpy(out, figures, sizeof figures);
    return 0;
}
