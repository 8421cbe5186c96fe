/* SPDX-License-Identifier: BSD-3-Clause */
/* The command line: an rdline whose lines go to cmdline_parse(). */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "cmdline_private.h"

RTE_LOG_REGISTER(cmdline_logtype, lib.cmdline, INFO);

static void
cmdline_line_validated(struct rdline *rdl, const char *buf, __rte_unused unsigned int size)
{
	struct cmdline *cl = rdl->opaque;
	int ret;

	ret = cmdline_parse(cl, buf);
	if (ret == CMDLINE_PARSE_AMBIGUOUS)
		cmdline_printf(cl, "Ambiguous command\n");
	else if (ret == CMDLINE_PARSE_NOMATCH)
		cmdline_printf(cl, "Command not found\n");
	else if (ret == CMDLINE_PARSE_BAD_ARGS)
		cmdline_printf(cl, "Bad arguments\n");
}

static int
cmdline_line_complete(struct rdline *rdl, const char *buf, char *dstbuf, unsigned int dstsize,
		      int *state)
{
	return cmdline_complete(rdl->opaque, buf, state, dstbuf, dstsize);
}

__rte_export int
cmdline_write_char(struct rdline *rdl, char c)
{
	struct cmdline *cl;

	if (rdl == NULL)
		return -1;
	cl = rdl->opaque;
	if (cl->s_out < 0)
		return -1;
	return (int)write(cl->s_out, &c, 1);
}

__rte_export void
cmdline_set_prompt(struct cmdline *cl, const char *prompt)
{
	if (cl == NULL || prompt == NULL)
		return;
	strlcpy(cl->prompt, prompt, sizeof(cl->prompt));
}

__rte_export struct cmdline *
cmdline_new(cmdline_parse_ctx_t *ctx, const char *prompt, int s_in, int s_out)
{
	struct cmdline *cl;

	if (ctx == NULL || prompt == NULL) {
		rte_log(RTE_LOG_ERR, cmdline_logtype,
			"cmdline_new: %s is NULL: pass a NULL-terminated command table and a "
			"prompt\n",
			ctx == NULL ? "the command table" : "the prompt");
		rte_errno = EINVAL;
		return NULL;
	}
	cl = calloc(1, sizeof(*cl));
	if (cl == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	cl->s_in = s_in;
	cl->s_out = s_out;
	cl->ctx = ctx;
	/* cannot fail: every callback is given */
	rdline_init(&cl->rdl, cmdline_write_char, cmdline_line_validated, cmdline_line_complete,
		    cl);
	cmdline_set_prompt(cl, prompt);
	rdline_newline(&cl->rdl, cl->prompt);
	return cl;
}

__rte_export struct rdline *
cmdline_get_rdline(struct cmdline *cl)
{
	return cl != NULL ? &cl->rdl : NULL;
}

__rte_export void
cmdline_free(struct cmdline *cl)
{
	if (cl == NULL)
		return;
	/* 0-2 are the process's standard streams: they stay open */
	if (cl->s_in > 2)
		close(cl->s_in);
	if (cl->s_out != cl->s_in && cl->s_out > 2)
		close(cl->s_out);
	free(cl);
}

__rte_export void
cmdline_printf(const struct cmdline *cl, const char *fmt, ...)
{
	va_list ap;

	if (cl == NULL || fmt == NULL || cl->s_out < 0)
		return;
	va_start(ap, fmt);
	vdprintf(cl->s_out, fmt, ap);
	va_end(ap);
}

/* A validated line goes to the history unless empty or the same as the
 * newest entry. */
static void
cmdline_history_note(struct cmdline *cl)
{
	const char *line = rdline_get_buffer(&cl->rdl);
	const char *last = rdline_get_history_item(&cl->rdl, 0);
	size_t len = strnlen(line, RDLINE_BUF_SIZE + 1);

	if (len <= 1)
		return;
	if (last != NULL) {
		size_t last_len = strnlen(last, RDLINE_BUF_SIZE);

		if (last_len == len - 1 && memcmp(line, last, last_len) == 0)
			return;
	}
	rdline_add_history(&cl->rdl, line);
}

__rte_export int
cmdline_in(struct cmdline *cl, const char *buf, int size)
{
	int i, ret;

	if (cl == NULL || buf == NULL)
		return -1;
	for (i = 0; i < size; i++) {
		ret = rdline_char_in(&cl->rdl, buf[i]);
		if (ret == RDLINE_RES_VALIDATED) {
			cmdline_history_note(cl);
			rdline_newline(&cl->rdl, cl->prompt);
		} else if (ret == RDLINE_RES_EOF || ret == RDLINE_RES_EXITED) {
			return -1;
		}
	}
	return i;
}

__rte_export void
cmdline_quit(struct cmdline *cl)
{
	if (cl != NULL)
		rdline_quit(&cl->rdl);
}

__rte_export int
cmdline_poll(struct cmdline *cl)
{
	struct pollfd pfd;
	ssize_t n;
	char c;
	int ret;

	if (cl == NULL)
		return -EINVAL;
	if (cl->rdl.status == RDLINE_EXITED)
		return RDLINE_EXITED;
	pfd.fd = cl->s_in;
	pfd.events = POLLIN;
	pfd.revents = 0;
	ret = poll(&pfd, 1, 0);
	if (ret < 0)
		return -errno;
	if (ret > 0) {
		n = read(cl->s_in, &c, 1);
		if (n < 0)
			return -errno;
		if (n == 0) {
			/* end of input ends the command line */
			cmdline_quit(cl);
		} else {
			ret = cmdline_in(cl, &c, 1);
			if (ret < 0 && cl->rdl.status != RDLINE_EXITED)
				return ret;
		}
	}
	return cl->rdl.status;
}

__rte_export void
cmdline_interact(struct cmdline *cl)
{
	char c;

	if (cl == NULL)
		return;
	for (;;) {
		ssize_t n = read(cl->s_in, &c, 1);

		/* a signal handler may have quit: only then stop on EINTR */
		if (n < 0 && errno == EINTR && cl->rdl.status != RDLINE_EXITED)
			continue;
		if (n <= 0)
			break;
		if (cmdline_in(cl, &c, 1) < 0)
			break;
	}
}
