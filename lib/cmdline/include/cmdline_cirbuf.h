/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A circular buffer of characters over memory the caller owns. The line
 * editor keeps the text left and right of the cursor and its history in
 * three of them. start is the index of the first character, end that of
 * the last; an empty buffer has start == end and len == 0.
 */
#ifndef _CIRBUF_H_
#define _CIRBUF_H_

#ifdef __cplusplus
extern "C" {
#endif

struct cirbuf {
	unsigned int maxlen; /**< capacity of buf in characters */
	unsigned int start;  /**< index of the first character */
	unsigned int end;    /**< index of the last character */
	unsigned int len;    /**< characters held */
	char *buf;
};

/* Debug tracing of the library, compiled out unless asked for. */
#ifdef RTE_LIBRTE_CMDLINE_DEBUG
#define dprintf_(fmt, ...) printf("line %3.3d - " fmt "%.0s", __LINE__, __VA_ARGS__)
#define dprintf(...) dprintf_(__VA_ARGS__, "dummy")
#else
#define dprintf(...) (void)0
#endif

/** Use maxlen bytes of buf, empty, first character to go at index start.
 * @return 0, or -EINVAL when cbuf or buf is NULL. */
int cirbuf_init(struct cirbuf *cbuf, char *buf, unsigned int start, unsigned int maxlen);

#define CIRBUF_IS_FULL(cirbuf) ((cirbuf)->maxlen == (cirbuf)->len)
#define CIRBUF_IS_EMPTY(cirbuf) ((cirbuf)->len == 0)
#define CIRBUF_GET_LEN(cirbuf) ((cirbuf)->len)
#define CIRBUF_GET_MAXLEN(cirbuf) ((cirbuf)->maxlen)
#define CIRBUF_GET_FREELEN(cirbuf) ((cirbuf)->maxlen - (cirbuf)->len)

/** Visit each character e, at position i from the head, of buffer c. */
#define CIRBUF_FOREACH(c, i, e)                               \
	for (i = 0, e = (c)->buf[(c)->start]; i < ((c)->len); \
	     i++, e = (c)->buf[((c)->start + i) % ((c)->maxlen)])

/** One character at the head; -EINVAL when full. */
int cirbuf_add_head_safe(struct cirbuf *cbuf, char c);
/** The same without checks: the caller knows there is room. */
void cirbuf_add_head(struct cirbuf *cbuf, char c);
/** One character at the tail; -EINVAL when full. */
int cirbuf_add_tail_safe(struct cirbuf *cbuf, char c);
/** The same without checks: the caller knows there is room. */
void cirbuf_add_tail(struct cirbuf *cbuf, char c);
/** Drop the head character; -EINVAL when empty. */
int cirbuf_del_head_safe(struct cirbuf *cbuf);
/** The same without checks: the caller knows it is not empty. */
void cirbuf_del_head(struct cirbuf *cbuf);
/** Drop the tail character; -EINVAL when empty. */
int cirbuf_del_tail_safe(struct cirbuf *cbuf);
/** The same without checks: the caller knows it is not empty. */
void cirbuf_del_tail(struct cirbuf *cbuf);
/** The head character (undefined when empty). */
char cirbuf_get_head(struct cirbuf *cbuf);
/** The tail character (undefined when empty). */
char cirbuf_get_tail(struct cirbuf *cbuf);
/** Put n characters of c before the head, in their order.
 * @return n, or -EINVAL when n is 0 or larger than the free room. */
int cirbuf_add_buf_head(struct cirbuf *cbuf, const char *c, unsigned int n);
/** Put n characters of c after the tail. @return n or -EINVAL. */
int cirbuf_add_buf_tail(struct cirbuf *cbuf, const char *c, unsigned int n);
/** Drop size characters from the head. @return 0, or -EINVAL when size is 0
 * or more than the buffer holds. */
int cirbuf_del_buf_head(struct cirbuf *cbuf, unsigned int size);
/** Drop size characters from the tail. @return 0 or -EINVAL. */
int cirbuf_del_buf_tail(struct cirbuf *cbuf, unsigned int size);
/** Copy up to size characters from the head into c (not terminated).
 * @return the number copied, or -EINVAL. */
int cirbuf_get_buf_head(struct cirbuf *cbuf, char *c, unsigned int size);
/** Copy the last up to size characters into c, in order. @return the number. */
int cirbuf_get_buf_tail(struct cirbuf *cbuf, char *c, unsigned int size);
/** Move the contents so that the head sits at index 0. @return 0 or -EINVAL. */
int cirbuf_align_left(struct cirbuf *cbuf);
/** Move the contents to the right end: the tail to index maxlen - 1 when
 * the head is in the right half, else the head to maxlen - 1 (as DPDK). */
int cirbuf_align_right(struct cirbuf *cbuf);

#ifdef __cplusplus
}
#endif

#endif /* _CIRBUF_H_ */
