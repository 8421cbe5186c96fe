/* SPDX-License-Identifier: BSD-3-Clause */
/* Command lines on a file or on the process's terminal. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <rte_errno.h>

#include "cmdline_private.h"
#include "cmdline_socket.h"

__rte_export struct cmdline *
cmdline_file_new(cmdline_parse_ctx_t *ctx, const char *prompt, const char *path)
{
	struct cmdline *cl;
	int fd;

	if (path == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		rte_errno = errno;
		return NULL;
	}
	cl = cmdline_new(ctx, prompt, fd, -1);
	if (cl == NULL) {
		int err = rte_errno;

		close(fd);
		rte_errno = err;
	}
	return cl;
}

__rte_export struct cmdline *
cmdline_stdin_new(cmdline_parse_ctx_t *ctx, const char *prompt)
{
	struct cmdline *cl;
	struct termios raw;

	cl = cmdline_new(ctx, prompt, 0, 1);
	if (cl == NULL)
		return NULL;
	/* a pipe or file on stdin has no terminal settings: nothing to do */
	if (tcgetattr(0, &cl->oldterm) == 0) {
		cl->term_saved = 1;
		raw = cl->oldterm;
		/* keys one at a time, echoed by rdline, Ctrl-C as a key */
		raw.c_lflag &= ~(ICANON | ECHO | ISIG);
		tcsetattr(0, TCSANOW, &raw);
	}
	setbuf(stdin, NULL);
	return cl;
}

__rte_export void
cmdline_stdin_exit(struct cmdline *cl)
{
	if (cl == NULL)
		return;
	if (cl->term_saved)
		tcsetattr(0, TCSANOW, &cl->oldterm);
	cmdline_free(cl);
}
