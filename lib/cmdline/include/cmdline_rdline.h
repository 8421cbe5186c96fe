/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A line editor over a write-one-character callback: VT100 cursor keys,
 * emacs-style kill and yank, history, and completion through a callback.
 * Characters go in one at a time with rdline_char_in(); a validated line
 * goes to the validate callback.
 */
#ifndef _RDLINE_H_
#define _RDLINE_H_

#include <stddef.h>
#include <stdio.h>

#include <rte_compat.h>
#include <cmdline_cirbuf.h>
#include <cmdline_vt100.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rdline;

/** Write one character to the terminal; negative on failure. */
typedef int(rdline_write_char_t)(struct rdline *rdl, char);
/** A line was entered: buf holds it with "\n" and a NUL, size counts both. */
typedef void(rdline_validate_t)(struct rdline *rdl, const char *buf, unsigned int size);
/** Complete buf (see cmdline_complete() for state and the return values). */
typedef int(rdline_complete_t)(struct rdline *rdl, const char *buf, char *dstbuf,
			       unsigned int dstsize, int *state);

/** A new editor; NULL (rte_errno EINVAL or ENOMEM) when a callback is NULL
 * or memory is short. opaque is for the callbacks (rdline_get_opaque()). */
__rte_experimental struct rdline *rdline_new(rdline_write_char_t *write_char,
					     rdline_validate_t *validate,
					     rdline_complete_t *complete, void *opaque);
/** Release an editor from rdline_new(); NULL is ignored. */
__rte_experimental void rdline_free(struct rdline *rdl);

/** Start a new line: empty buffer, prompt written, state running. */
void rdline_newline(struct rdline *rdl, const char *prompt);
/** Stop taking characters (rdline_char_in() returns RDLINE_RES_NOT_RUNNING). */
void rdline_stop(struct rdline *rdl);
/** Stop for good (rdline_char_in() returns RDLINE_RES_EXITED). */
void rdline_quit(struct rdline *rdl);
/** Take characters again after rdline_stop(). */
void rdline_restart(struct rdline *rdl);
/** Write the prompt and the line again. */
void rdline_redisplay(struct rdline *rdl);
/** Empty the line without writing anything; state running. */
void rdline_reset(struct rdline *rdl);

#define RDLINE_RES_SUCCESS 0
#define RDLINE_RES_VALIDATED 1
#define RDLINE_RES_COMPLETE 2
#define RDLINE_RES_NOT_RUNNING -1
#define RDLINE_RES_EOF -2
#define RDLINE_RES_EXITED -3

/** Feed one character; one of RDLINE_RES_*, or -EINVAL when rdl is NULL. */
int rdline_char_in(struct rdline *rdl, char c);

/** The whole line (left and right of the cursor) ending in "\n". */
const char *rdline_get_buffer(struct rdline *rdl);

/** Append buf, up to its first newline, to the history (oldest lines go
 * when there is no room). @return 0, -EINVAL, or -1 when it can never fit. */
int rdline_add_history(struct rdline *rdl, const char *buf);
/** Forget the history. */
void rdline_clear_history(struct rdline *rdl);
/** History line i, 0 the newest; NULL past the oldest. */
char *rdline_get_history_item(struct rdline *rdl, unsigned int i);
/** Bytes of the history buffer. */
__rte_experimental size_t rdline_get_history_buffer_size(struct rdline *rdl);
/** The opaque pointer given to rdline_new(); NULL for a NULL rdl. */
__rte_experimental void *rdline_get_opaque(struct rdline *rdl);

#ifdef __cplusplus
}
#endif

#endif /* _RDLINE_H_ */
