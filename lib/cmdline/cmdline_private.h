/* SPDX-License-Identifier: BSD-3-Clause */
/* Layout of the editor and the command line, shared by lib/cmdline's files. */
#ifndef _CMDLINE_PRIVATE_H_
#define _CMDLINE_PRIVATE_H_

#include <stdarg.h>
#include <stdio.h>
#include <termios.h>

#include <rte_common.h>
#include <cmdline.h>

#define __rte_export __attribute__((visibility("default")))

#define RDLINE_BUF_SIZE 512
#define RDLINE_PROMPT_SIZE 32
#define RDLINE_HISTORY_BUF_SIZE BUFSIZ

struct rdline {
	volatile enum rdline_status status;
	/* the line: left of the cursor, right of it */
	struct cirbuf left;
	struct cirbuf right;
	/* two more for the "\n\0" rdline_get_buffer() appends */
	char left_buf[RDLINE_BUF_SIZE + 2];
	char right_buf[RDLINE_BUF_SIZE];
	char prompt[RDLINE_PROMPT_SIZE];
	unsigned int prompt_size;
	/* what Ctrl-K cut, for Ctrl-Y */
	char kill_buf[RDLINE_BUF_SIZE];
	unsigned int kill_size;
	/* NUL-separated lines, oldest at the head */
	struct cirbuf history;
	char history_buf[RDLINE_HISTORY_BUF_SIZE];
	/* history line shown, -1 while editing a new line */
	int history_cur_line;
	rdline_write_char_t *write_char;
	rdline_validate_t *validate;
	rdline_complete_t *complete;
	struct cmdline_vt100 vt100;
	void *opaque;
};

struct cmdline {
	int s_in;
	int s_out;
	cmdline_parse_ctx_t *ctx;
	struct rdline rdl;
	char prompt[RDLINE_PROMPT_SIZE];
	struct termios oldterm;
	int term_saved; /* oldterm holds settings to restore */
};

int rdline_init(struct rdline *rdl, rdline_write_char_t *write_char, rdline_validate_t *validate,
		rdline_complete_t *complete, void *opaque);

/* blank as the parser and the editor mean it: space or tab only */
static inline int
cmdline_isblank(char c)
{
	return c == ' ' || c == '\t';
}

/* Copy the token at buf into word (max bytes with its NUL); its length,
 * or -1 when it does not fit. */
int cmdline_token_copy(const char *buf, char *word, unsigned int max);

#endif /* _CMDLINE_PRIVATE_H_ */
