/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Line editor. The line is two cirbufs, the text left of the cursor and
 * the text right of it, together never more than RDLINE_BUF_SIZE
 * characters: every insertion checks that sum, so no input can overrun
 * them. Output is VT100 sequences through the write_char callback.
 */
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <rte_errno.h>

#include "cmdline_private.h"

int
rdline_init(struct rdline *rdl, rdline_write_char_t *write_char, rdline_validate_t *validate,
	    rdline_complete_t *complete, void *opaque)
{
	if (rdl == NULL || write_char == NULL || validate == NULL || complete == NULL)
		return -EINVAL;
	memset(rdl, 0, sizeof(*rdl));
	rdl->write_char = write_char;
	rdl->validate = validate;
	rdl->complete = complete;
	rdl->opaque = opaque;
	rdl->status = RDLINE_INIT;
	rdl->history_cur_line = -1;
	return cirbuf_init(&rdl->history, rdl->history_buf, 0, RDLINE_HISTORY_BUF_SIZE);
}

__rte_export struct rdline *
rdline_new(rdline_write_char_t *write_char, rdline_validate_t *validate,
	   rdline_complete_t *complete, void *opaque)
{
	struct rdline *rdl;
	int ret;

	rdl = malloc(sizeof(*rdl));
	if (rdl == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	ret = rdline_init(rdl, write_char, validate, complete, opaque);
	if (ret < 0) {
		free(rdl);
		rte_errno = -ret;
		return NULL;
	}
	return rdl;
}

__rte_export void
rdline_free(struct rdline *rdl)
{
	free(rdl);
}

static void
rdline_puts(struct rdline *rdl, const char *s)
{
	while (*s != '\0')
		rdl->write_char(rdl, *s++);
}

/* One of the vt100_multi_* sequences with its count. */
static void
rdline_put_move(struct rdline *rdl, const char *fmt, unsigned int n)
{
	char seq[24];

	snprintf(seq, sizeof(seq), fmt, n);
	rdline_puts(rdl, seq);
}

static void
rdline_line_clear(struct rdline *rdl)
{
	vt100_init(&rdl->vt100);
	cirbuf_init(&rdl->left, rdl->left_buf, 0, RDLINE_BUF_SIZE);
	cirbuf_init(&rdl->right, rdl->right_buf, 0, RDLINE_BUF_SIZE);
}

static unsigned int
rdline_line_len(const struct rdline *rdl)
{
	return CIRBUF_GET_LEN(&rdl->left) + CIRBUF_GET_LEN(&rdl->right);
}

__rte_export void
rdline_newline(struct rdline *rdl, const char *prompt)
{
	unsigned int i;

	if (rdl == NULL || prompt == NULL)
		return;
	rdline_line_clear(rdl);
	rdl->prompt_size = strnlen(prompt, RDLINE_PROMPT_SIZE - 1);
	/* the prompt may be rdl->prompt itself (redisplay after Ctrl-C) */
	if (prompt != rdl->prompt)
		memcpy(rdl->prompt, prompt, rdl->prompt_size);
	rdl->prompt[rdl->prompt_size] = '\0';
	for (i = 0; i < rdl->prompt_size; i++)
		rdl->write_char(rdl, rdl->prompt[i]);
	rdl->status = RDLINE_RUNNING;
	rdl->history_cur_line = -1;
}

__rte_export void
rdline_stop(struct rdline *rdl)
{
	if (rdl != NULL)
		rdl->status = RDLINE_INIT;
}

__rte_export void
rdline_quit(struct rdline *rdl)
{
	if (rdl != NULL)
		rdl->status = RDLINE_EXITED;
}

__rte_export void
rdline_restart(struct rdline *rdl)
{
	if (rdl != NULL)
		rdl->status = RDLINE_RUNNING;
}

__rte_export void
rdline_reset(struct rdline *rdl)
{
	if (rdl == NULL)
		return;
	rdline_line_clear(rdl);
	rdl->status = RDLINE_RUNNING;
	rdl->history_cur_line = -1;
}

__rte_export const char *
rdline_get_buffer(struct rdline *rdl)
{
	unsigned int len_l, len_r;

	if (rdl == NULL)
		return NULL;
	cirbuf_align_left(&rdl->left);
	cirbuf_align_left(&rdl->right);
	len_l = CIRBUF_GET_LEN(&rdl->left);
	len_r = CIRBUF_GET_LEN(&rdl->right);
	/* len_l + len_r <= RDLINE_BUF_SIZE, and left_buf has 2 more bytes */
	memcpy(rdl->left_buf + len_l, rdl->right_buf, len_r);
	rdl->left_buf[len_l + len_r] = '\n';
	rdl->left_buf[len_l + len_r + 1] = '\0';
	return rdl->left_buf;
}

/* Rewrite what is right of the cursor and put the cursor back. */
static void
rdline_show_right(struct rdline *rdl, int force)
{
	unsigned int i;
	char c;

	if (!force && CIRBUF_IS_EMPTY(&rdl->right))
		return;
	rdline_puts(rdl, vt100_clear_right);
	CIRBUF_FOREACH(&rdl->right, i, c)
	{
		rdl->write_char(rdl, c);
	}
	if (!CIRBUF_IS_EMPTY(&rdl->right))
		rdline_put_move(rdl, vt100_multi_left, CIRBUF_GET_LEN(&rdl->right));
}

__rte_export void
rdline_redisplay(struct rdline *rdl)
{
	unsigned int i;
	char c;

	if (rdl == NULL)
		return;
	rdline_puts(rdl, vt100_home);
	for (i = 0; i < rdl->prompt_size; i++)
		rdl->write_char(rdl, rdl->prompt[i]);
	CIRBUF_FOREACH(&rdl->left, i, c)
	{
		rdl->write_char(rdl, c);
	}
	rdline_show_right(rdl, 1);
}

/* Cursor moves: one character from the end of left to the start of right
 * (or back); the caller writes the terminal's side. */
static void
rdline_cursor_left(struct rdline *rdl)
{
	cirbuf_add_head(&rdl->right, cirbuf_get_tail(&rdl->left));
	cirbuf_del_tail(&rdl->left);
}

static void
rdline_cursor_right(struct rdline *rdl)
{
	cirbuf_add_tail(&rdl->left, cirbuf_get_head(&rdl->right));
	cirbuf_del_head(&rdl->right);
}

/* One step of a word motion or deletion, with its terminal output. */
static void
rdline_step_left(struct rdline *rdl)
{
	rdline_puts(rdl, vt100_left_arr);
	rdline_cursor_left(rdl);
}

static void
rdline_step_right(struct rdline *rdl)
{
	rdline_puts(rdl, vt100_right_arr);
	rdline_cursor_right(rdl);
}

static void
rdline_step_erase_left(struct rdline *rdl)
{
	rdline_puts(rdl, vt100_bs);
	cirbuf_del_tail(&rdl->left);
}

static void
rdline_step_erase_right(struct rdline *rdl)
{
	cirbuf_del_head(&rdl->right);
}

/* Apply step over the blanks next to the cursor, then over the word after
 * them: leftward on the left buffer's tail, else on the right's head. */
static void
rdline_over_word(struct rdline *rdl, bool leftward, void (*step)(struct rdline *))
{
	struct cirbuf *side = leftward ? &rdl->left : &rdl->right;
	bool in_word = false;

	while (!CIRBUF_IS_EMPTY(side)) {
		bool blank =
			cmdline_isblank(leftward ? cirbuf_get_tail(side) : cirbuf_get_head(side));

		if (blank && in_word)
			break;
		in_word |= !blank;
		step(rdl);
	}
}

/* Insert n characters at the cursor, as many as the line has room for. */
static void
rdline_insert(struct rdline *rdl, const char *s, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n && rdline_line_len(rdl) < RDLINE_BUF_SIZE; i++) {
		cirbuf_add_tail(&rdl->left, s[i]);
		rdl->write_char(rdl, s[i]);
	}
}

/* Replace the line with text (a history line). */
static void
rdline_line_set(struct rdline *rdl, const char *text)
{
	unsigned int len = strnlen(text, RDLINE_BUF_SIZE);

	rdline_line_clear(rdl);
	if (len != 0)
		cirbuf_add_buf_tail(&rdl->left, text, len);
	rdline_redisplay(rdl);
}

/* HISTORY: lines separated by NULs, oldest at the head of the cirbuf. */

static void
rdline_history_drop_oldest(struct rdline *rdl)
{
	while (!CIRBUF_IS_EMPTY(&rdl->history)) {
		char c = cirbuf_get_head(&rdl->history);

		cirbuf_del_head(&rdl->history);
		if (c == '\0')
			break;
	}
}

static void
rdline_history_drop_newest(struct rdline *rdl)
{
	if (CIRBUF_IS_EMPTY(&rdl->history))
		return;
	cirbuf_del_tail(&rdl->history); /* its NUL */
	while (!CIRBUF_IS_EMPTY(&rdl->history) && cirbuf_get_tail(&rdl->history) != '\0')
		cirbuf_del_tail(&rdl->history);
}

static unsigned int
rdline_history_count(struct rdline *rdl)
{
	unsigned int i, n = 0;
	char c;

	CIRBUF_FOREACH(&rdl->history, i, c)
	{
		n += c == '\0';
	}
	return n;
}

__rte_export char *
rdline_get_history_item(struct rdline *rdl, unsigned int idx)
{
	unsigned int count, i, line = 0;
	char *p;

	if (rdl == NULL)
		return NULL;
	count = rdline_history_count(rdl);
	if (idx >= count)
		return NULL;
	/* contiguous from index 0, so each line is a C string in place */
	cirbuf_align_left(&rdl->history);
	p = rdl->history_buf;
	for (i = 0; i < CIRBUF_GET_LEN(&rdl->history); i++) {
		if (line == count - 1 - idx)
			return p;
		if (rdl->history_buf[i] == '\0') {
			line++;
			p = rdl->history_buf + i + 1;
		}
	}
	return NULL;
}

__rte_export size_t
rdline_get_history_buffer_size(struct rdline *rdl)
{
	return sizeof(rdl->history_buf);
}

__rte_export void *
rdline_get_opaque(struct rdline *rdl)
{
	return rdl != NULL ? rdl->opaque : NULL;
}

__rte_export int
rdline_add_history(struct rdline *rdl, const char *buf)
{
	unsigned int len;
	const char *nl;

	if (rdl == NULL || buf == NULL)
		return -EINVAL;
	len = strnlen(buf, RDLINE_BUF_SIZE);
	nl = memchr(buf, '\n', len);
	if (nl != NULL)
		len = nl - buf;
	if (len >= RDLINE_HISTORY_BUF_SIZE)
		return -1;
	while (len >= CIRBUF_GET_FREELEN(&rdl->history))
		rdline_history_drop_oldest(rdl);
	if (len != 0)
		cirbuf_add_buf_tail(&rdl->history, buf, len);
	cirbuf_add_tail(&rdl->history, '\0');
	return 0;
}

__rte_export void
rdline_clear_history(struct rdline *rdl)
{
	if (rdl != NULL)
		cirbuf_init(&rdl->history, rdl->history_buf, 0, RDLINE_HISTORY_BUF_SIZE);
}

static void
rdline_history_prev(struct rdline *rdl)
{
	const char *line;

	/* the line being edited is kept as history item 0 while browsing */
	if (rdl->history_cur_line == 0)
		rdline_history_drop_newest(rdl);
	if (rdl->history_cur_line <= 0) {
		rdline_add_history(rdl, rdline_get_buffer(rdl));
		rdl->history_cur_line = 0;
	}
	line = rdline_get_history_item(rdl, rdl->history_cur_line + 1);
	if (line == NULL)
		return;
	rdl->history_cur_line++;
	rdline_line_set(rdl, line);
}

static void
rdline_history_next(struct rdline *rdl)
{
	const char *line;

	if (rdl->history_cur_line <= 0)
		return;
	rdl->history_cur_line--;
	line = rdline_get_history_item(rdl, rdl->history_cur_line);
	if (line != NULL)
		rdline_line_set(rdl, line);
}

/* Tab (state 0: complete what it can) or '?' (state -1: list choices). */
static int
rdline_complete_key(struct rdline *rdl, int cmd)
{
	char choice[BUFSIZ];
	int state = cmd == CMDLINE_KEY_TAB ? 0 : -1;
	int ret;

	/* complete what is left of the cursor */
	cirbuf_align_left(&rdl->left);
	rdl->left_buf[CIRBUF_GET_LEN(&rdl->left)] = '\0';
	ret = rdl->complete(rdl, rdl->left_buf, choice, sizeof(choice), &state);
	if (ret <= 0)
		return RDLINE_RES_COMPLETE;
	if (ret == CMDLINE_PARSE_COMPLETED_BUFFER) {
		rdline_insert(rdl, choice, strnlen(choice, sizeof(choice)));
		rdline_show_right(rdl, 1);
		return RDLINE_RES_COMPLETE;
	}
	rdline_puts(rdl, "\r\n");
	while (ret > 0) {
		choice[sizeof(choice) - 1] = '\0';
		rdl->write_char(rdl, ' ');
		rdline_puts(rdl, choice);
		rdline_puts(rdl, "\r\n");
		ret = rdl->complete(rdl, rdl->left_buf, choice, sizeof(choice), &state);
	}
	rdline_redisplay(rdl);
	return RDLINE_RES_COMPLETE;
}

static int
rdline_validate_line(struct rdline *rdl)
{
	unsigned int len = rdline_line_len(rdl);

	rdline_get_buffer(rdl);
	rdl->status = RDLINE_INIT;
	rdline_puts(rdl, "\r\n");
	if (rdl->history_cur_line != -1)
		rdline_history_drop_newest(rdl);
	rdl->validate(rdl, rdl->left_buf, len + 2);
	/* the command may have quit */
	if (rdl->status == RDLINE_EXITED)
		return RDLINE_RES_EXITED;
	return RDLINE_RES_VALIDATED;
}

static int
rdline_key(struct rdline *rdl, int cmd)
{
	switch (cmd) {
	case CMDLINE_KEY_CTRL_B:
	case CMDLINE_KEY_LEFT_ARR:
		if (!CIRBUF_IS_EMPTY(&rdl->left)) {
			rdline_cursor_left(rdl);
			rdline_puts(rdl, vt100_left_arr);
		}
		break;
	case CMDLINE_KEY_CTRL_F:
	case CMDLINE_KEY_RIGHT_ARR:
		if (!CIRBUF_IS_EMPTY(&rdl->right)) {
			rdline_cursor_right(rdl);
			rdline_puts(rdl, vt100_right_arr);
		}
		break;
	case CMDLINE_KEY_WLEFT:
		rdline_over_word(rdl, true, rdline_step_left);
		break;
	case CMDLINE_KEY_WRIGHT:
		rdline_over_word(rdl, false, rdline_step_right);
		break;
	case CMDLINE_KEY_CTRL_A:
		if (CIRBUF_IS_EMPTY(&rdl->left))
			break;
		rdline_put_move(rdl, vt100_multi_left, CIRBUF_GET_LEN(&rdl->left));
		while (!CIRBUF_IS_EMPTY(&rdl->left))
			rdline_cursor_left(rdl);
		break;
	case CMDLINE_KEY_CTRL_E:
		if (CIRBUF_IS_EMPTY(&rdl->right))
			break;
		rdline_put_move(rdl, vt100_multi_right, CIRBUF_GET_LEN(&rdl->right));
		while (!CIRBUF_IS_EMPTY(&rdl->right))
			rdline_cursor_right(rdl);
		break;
	case CMDLINE_KEY_BKSPACE:
	case CMDLINE_KEY_BKSPACE2:
		if (cirbuf_del_tail_safe(&rdl->left) == 0) {
			rdline_puts(rdl, vt100_bs);
			rdline_show_right(rdl, 1);
		}
		break;
	case CMDLINE_KEY_CTRL_D:
		/* on an empty line: end of input */
		if (rdline_line_len(rdl) == 0)
			return RDLINE_RES_EOF;
		/* fall through */
	case CMDLINE_KEY_SUPPR:
		if (cirbuf_del_head_safe(&rdl->right) == 0)
			rdline_show_right(rdl, 1);
		break;
	case CMDLINE_KEY_META_BKSPACE:
	case CMDLINE_KEY_CTRL_W:
		rdline_over_word(rdl, true, rdline_step_erase_left);
		rdline_show_right(rdl, 1);
		break;
	case CMDLINE_KEY_META_D:
		rdline_over_word(rdl, false, rdline_step_erase_right);
		rdline_show_right(rdl, 1);
		break;
	case CMDLINE_KEY_CTRL_K:
		rdl->kill_size =
			cirbuf_get_buf_head(&rdl->right, rdl->kill_buf, sizeof(rdl->kill_buf));
		cirbuf_init(&rdl->right, rdl->right_buf, 0, RDLINE_BUF_SIZE);
		rdline_puts(rdl, vt100_clear_right);
		break;
	case CMDLINE_KEY_CTRL_Y:
		rdline_insert(rdl, rdl->kill_buf, rdl->kill_size);
		rdline_show_right(rdl, 0);
		break;
	case CMDLINE_KEY_CTRL_C:
		rdline_puts(rdl, "\r\n");
		rdline_newline(rdl, rdl->prompt);
		break;
	case CMDLINE_KEY_CTRL_L:
		rdline_redisplay(rdl);
		break;
	case CMDLINE_KEY_TAB:
	case CMDLINE_KEY_HELP:
		return rdline_complete_key(rdl, cmd);
	case CMDLINE_KEY_RETURN:
	case CMDLINE_KEY_RETURN2:
		return rdline_validate_line(rdl);
	case CMDLINE_KEY_UP_ARR:
	case CMDLINE_KEY_CTRL_P:
		rdline_history_prev(rdl);
		break;
	case CMDLINE_KEY_DOWN_ARR:
	case CMDLINE_KEY_CTRL_N:
		rdline_history_next(rdl);
		break;
	default:
		break;
	}
	return RDLINE_RES_SUCCESS;
}

__rte_export int
rdline_char_in(struct rdline *rdl, char c)
{
	int cmd;

	if (rdl == NULL)
		return -EINVAL;
	if (rdl->status == RDLINE_EXITED)
		return RDLINE_RES_EXITED;
	if (rdl->status != RDLINE_RUNNING)
		return RDLINE_RES_NOT_RUNNING;

	cmd = vt100_parser(&rdl->vt100, c);
	if (cmd == -2)
		return RDLINE_RES_SUCCESS;
	if (cmd >= 0)
		return rdline_key(rdl, cmd);

	/* other control characters, NUL and bytes above 0x7e are dropped */
	if (!isprint((unsigned char)c))
		return RDLINE_RES_SUCCESS;
	if (rdline_line_len(rdl) >= RDLINE_BUF_SIZE)
		return RDLINE_RES_SUCCESS;
	cirbuf_add_tail(&rdl->left, c);
	rdl->write_char(rdl, c);
	rdline_show_right(rdl, 0);
	return RDLINE_RES_SUCCESS;
}
