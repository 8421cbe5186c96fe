/* SPDX-License-Identifier: BSD-3-Clause */
/* Command lines on a file or on the terminal. */
#ifndef _CMDLINE_SOCKET_H_
#define _CMDLINE_SOCKET_H_

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Commands read from the file at path, no output. NULL on failure. */
struct cmdline *cmdline_file_new(cmdline_parse_ctx_t *ctx, const char *prompt, const char *path);
/** Commands from stdin, output to stdout; a terminal on stdin is put in
 * raw mode (no echo, no line buffering, no signals) until
 * cmdline_stdin_exit(). */
struct cmdline *cmdline_stdin_new(cmdline_parse_ctx_t *ctx, const char *prompt);
/** Restore the terminal and release cl. */
void cmdline_stdin_exit(struct cmdline *cl);

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_SOCKET_H_ */
