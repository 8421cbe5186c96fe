/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Circular character buffer. The bulk operations are the single-character
 * ones repeated: the buffers are at most a few kilobytes and this keeps
 * one definition of where start and end move.
 */
#include <errno.h>
#include <string.h>

#include "cmdline_private.h"

__rte_export int
cirbuf_init(struct cirbuf *cbuf, char *buf, unsigned int start, unsigned int maxlen)
{
	if (cbuf == NULL || buf == NULL)
		return -EINVAL;
	if (maxlen != 0)
		start %= maxlen;
	cbuf->maxlen = maxlen;
	cbuf->start = start;
	cbuf->end = start;
	cbuf->len = 0;
	cbuf->buf = buf;
	return 0;
}

/* index i steps further on, wrapping */
static inline unsigned int
cirbuf_idx(const struct cirbuf *cbuf, unsigned int i, unsigned int steps)
{
	return (i + steps) % cbuf->maxlen;
}

/* An empty buffer places its first character at start; later ones move
 * start back or end forward. */
__rte_export void
cirbuf_add_head(struct cirbuf *cbuf, char c)
{
	if (cbuf->len != 0)
		cbuf->start = cirbuf_idx(cbuf, cbuf->start, cbuf->maxlen - 1);
	cbuf->buf[cbuf->start] = c;
	cbuf->len++;
}

__rte_export void
cirbuf_add_tail(struct cirbuf *cbuf, char c)
{
	if (cbuf->len != 0)
		cbuf->end = cirbuf_idx(cbuf, cbuf->end, 1);
	cbuf->buf[cbuf->end] = c;
	cbuf->len++;
}

__rte_export int
cirbuf_add_head_safe(struct cirbuf *cbuf, char c)
{
	if (cbuf == NULL || CIRBUF_IS_FULL(cbuf))
		return -EINVAL;
	cirbuf_add_head(cbuf, c);
	return 0;
}

__rte_export int
cirbuf_add_tail_safe(struct cirbuf *cbuf, char c)
{
	if (cbuf == NULL || CIRBUF_IS_FULL(cbuf))
		return -EINVAL;
	cirbuf_add_tail(cbuf, c);
	return 0;
}

/* The last character leaves start == end where it was. */
__rte_export void
cirbuf_del_head(struct cirbuf *cbuf)
{
	cbuf->len--;
	if (cbuf->len != 0)
		cbuf->start = cirbuf_idx(cbuf, cbuf->start, 1);
}

__rte_export void
cirbuf_del_tail(struct cirbuf *cbuf)
{
	cbuf->len--;
	if (cbuf->len != 0)
		cbuf->end = cirbuf_idx(cbuf, cbuf->end, cbuf->maxlen - 1);
}

__rte_export int
cirbuf_del_head_safe(struct cirbuf *cbuf)
{
	if (cbuf == NULL || CIRBUF_IS_EMPTY(cbuf))
		return -EINVAL;
	cirbuf_del_head(cbuf);
	return 0;
}

__rte_export int
cirbuf_del_tail_safe(struct cirbuf *cbuf)
{
	if (cbuf == NULL || CIRBUF_IS_EMPTY(cbuf))
		return -EINVAL;
	cirbuf_del_tail(cbuf);
	return 0;
}

__rte_export char
cirbuf_get_head(struct cirbuf *cbuf)
{
	return cbuf->buf[cbuf->start];
}

__rte_export char
cirbuf_get_tail(struct cirbuf *cbuf)
{
	return cbuf->buf[cbuf->end];
}

__rte_export int
cirbuf_add_buf_head(struct cirbuf *cbuf, const char *c, unsigned int n)
{
	unsigned int i;

	if (cbuf == NULL || c == NULL || n == 0 || n > CIRBUF_GET_FREELEN(cbuf))
		return -EINVAL;
	for (i = n; i > 0; i--)
		cirbuf_add_head(cbuf, c[i - 1]);
	return (int)n;
}

__rte_export int
cirbuf_add_buf_tail(struct cirbuf *cbuf, const char *c, unsigned int n)
{
	unsigned int i;

	if (cbuf == NULL || c == NULL || n == 0 || n > CIRBUF_GET_FREELEN(cbuf))
		return -EINVAL;
	for (i = 0; i < n; i++)
		cirbuf_add_tail(cbuf, c[i]);
	return (int)n;
}

__rte_export int
cirbuf_del_buf_head(struct cirbuf *cbuf, unsigned int size)
{
	if (cbuf == NULL || size == 0 || size > CIRBUF_GET_LEN(cbuf))
		return -EINVAL;
	while (size-- > 0)
		cirbuf_del_head(cbuf);
	return 0;
}

__rte_export int
cirbuf_del_buf_tail(struct cirbuf *cbuf, unsigned int size)
{
	if (cbuf == NULL || size == 0 || size > CIRBUF_GET_LEN(cbuf))
		return -EINVAL;
	while (size-- > 0)
		cirbuf_del_tail(cbuf);
	return 0;
}

__rte_export int
cirbuf_get_buf_head(struct cirbuf *cbuf, char *c, unsigned int size)
{
	unsigned int n, i;

	if (cbuf == NULL || c == NULL)
		return -EINVAL;
	n = RTE_MIN(size, cbuf->len);
	for (i = 0; i < n; i++)
		c[i] = cbuf->buf[cirbuf_idx(cbuf, cbuf->start, i)];
	return (int)n;
}

__rte_export int
cirbuf_get_buf_tail(struct cirbuf *cbuf, char *c, unsigned int size)
{
	unsigned int n, i, first;

	if (cbuf == NULL || c == NULL)
		return -EINVAL;
	n = RTE_MIN(size, cbuf->len);
	if (n == 0)
		return 0;
	/* the n last characters start len - n after the head */
	first = cirbuf_idx(cbuf, cbuf->start, cbuf->len - n);
	for (i = 0; i < n; i++)
		c[i] = cbuf->buf[cirbuf_idx(cbuf, first, i)];
	return (int)n;
}

static void
cirbuf_reverse(char *buf, unsigned int lo, unsigned int hi)
{
	char tmp;

	/* reverses [lo, hi) */
	while (hi > lo + 1) {
		hi--;
		tmp = buf[lo];
		buf[lo] = buf[hi];
		buf[hi] = tmp;
		lo++;
	}
}

/* Rotate the whole array left by k places, in place (three reversals), so
 * the character at index k lands at index 0 and the order is kept. */
static void
cirbuf_rotate_left(struct cirbuf *cbuf, unsigned int k)
{
	if (k == 0)
		return;
	cirbuf_reverse(cbuf->buf, 0, k);
	cirbuf_reverse(cbuf->buf, k, cbuf->maxlen);
	cirbuf_reverse(cbuf->buf, 0, cbuf->maxlen);
	cbuf->start = cirbuf_idx(cbuf, cbuf->start, cbuf->maxlen - k);
	cbuf->end = cirbuf_idx(cbuf, cbuf->end, cbuf->maxlen - k);
}

__rte_export int
cirbuf_align_left(struct cirbuf *cbuf)
{
	if (cbuf == NULL)
		return -EINVAL;
	if (cbuf->maxlen == 0)
		return 0;
	cirbuf_rotate_left(cbuf, cbuf->start);
	return 0;
}

__rte_export int
cirbuf_align_right(struct cirbuf *cbuf)
{
	if (cbuf == NULL)
		return -EINVAL;
	if (cbuf->maxlen == 0)
		return 0;
	/*
	 * DPDK ends with the tail at maxlen - 1 only when the head started
	 * in the right half; from the left half it puts the head there
	 * instead (the rest wrapping to index 0). Its own tests check both
	 * placements, so they are kept.
	 */
	if (cbuf->start >= cbuf->maxlen / 2)
		cirbuf_rotate_left(cbuf, cirbuf_idx(cbuf, cbuf->end, 1));
	else
		cirbuf_rotate_left(cbuf, cirbuf_idx(cbuf, cbuf->start, 1));
	return 0;
}
