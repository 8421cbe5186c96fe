/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A command line: a line editor (rdline) whose validated lines are parsed
 * against a command table, reading from and writing to file descriptors.
 */
#ifndef _CMDLINE_H_
#define _CMDLINE_H_

#include <rte_common.h>
#include <rte_compat.h>

#include <cmdline_rdline.h>
#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

enum rdline_status { RDLINE_INIT, RDLINE_RUNNING, RDLINE_EXITED };

struct cmdline;

/**
 * A command line over ctx reading s_in and writing s_out (-1: no output).
 * The prompt is written at once. cmdline_free() closes both descriptors
 * when they are above 2.
 * @return NULL with rte_errno EINVAL (ctx or prompt NULL) or ENOMEM.
 */
struct cmdline *cmdline_new(cmdline_parse_ctx_t *ctx, const char *prompt, int s_in, int s_out);
/** Prompt for the next lines (longer ones are cut to 31 characters). */
void cmdline_set_prompt(struct cmdline *cl, const char *prompt);
/** Release cl and close its descriptors above 2. NULL is ignored. */
void cmdline_free(struct cmdline *cl);
/** printf to cl's output. */
void cmdline_printf(const struct cmdline *cl, const char *fmt, ...) __rte_format_printf(2, 3);
/**
 * Feed size characters to the editor; lines are parsed and run as they
 * complete.
 * @return size, or -1 on end of input (Ctrl-D on an empty line), after
 * cmdline_quit(), or when cl or buf is NULL.
 */
int cmdline_in(struct cmdline *cl, const char *buf, int size);
/** Write one character to the output of the command line owning rdl. */
int cmdline_write_char(struct rdline *rdl, char c);
/** The editor of cl. */
__rte_experimental struct rdline *cmdline_get_rdline(struct cmdline *cl);
/**
 * Read and handle at most one character if one is waiting, without
 * blocking.
 * @return the state (RDLINE_RUNNING, RDLINE_EXITED, ...) or a negative
 * errno.
 */
int cmdline_poll(struct cmdline *cl);
/** Read and handle characters until end of input or cmdline_quit(). */
void cmdline_interact(struct cmdline *cl);
/** Make cmdline_interact() and cmdline_poll() stop. */
void cmdline_quit(struct cmdline *cl);

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_H_ */
