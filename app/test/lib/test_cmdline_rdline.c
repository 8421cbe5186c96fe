/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lib/cmdline's line editor and circular buffer: each editing key on a
 * known line, history, completion output, and input nobody should type
 * (overlong lines, NULs, high bytes, escape sequences cut or overlong).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_random.h>

#include <cmdline.h>
#include <cmdline_cirbuf.h>
#include <cmdline_rdline.h>

#include "test.h"

/* The line editor's limit (RDLINE_BUF_SIZE in DPDK). */
#define TEST_LINE_MAX 512

/* What the editor wrote and the last line it validated. */
static struct {
	char out[65536];
	size_t out_len;
	char line[TEST_LINE_MAX + 8];
	unsigned int nb_lines;
	/* completion answers: a buffer completion, or a list of choices */
	const char *complete_with;
	const char *const *choices;
} ed;

static int
ed_write(__rte_unused struct rdline *rdl, char c)
{
	if (ed.out_len < sizeof(ed.out) - 1) {
		ed.out[ed.out_len++] = c;
		ed.out[ed.out_len] = '\0';
	}
	return 1;
}

static void
ed_validate(__rte_unused struct rdline *rdl, const char *buf, __rte_unused unsigned int size)
{
	snprintf(ed.line, sizeof(ed.line), "%s", buf);
	ed.nb_lines++;
}

static int
ed_complete(__rte_unused struct rdline *rdl, __rte_unused const char *buf, char *dst,
	    unsigned int size, int *state)
{
	if (ed.complete_with != NULL && *state == 0) {
		snprintf(dst, size, "%s", ed.complete_with);
		return CMDLINE_PARSE_COMPLETED_BUFFER;
	}
	if (ed.choices == NULL || *state < 0)
		*state = 0;
	if (ed.choices == NULL || ed.choices[*state] == NULL)
		return 0;
	snprintf(dst, size, "%s", ed.choices[(*state)++]);
	return CMDLINE_PARSE_COMPLETE_AGAIN;
}

static struct rdline *
ed_new(void)
{
	struct rdline *rdl;

	memset(&ed, 0, sizeof(ed));
	rdl = rdline_new(ed_write, ed_validate, ed_complete, &ed);
	if (rdl != NULL)
		rdline_newline(rdl, "$ ");
	return rdl;
}

/* Feed keys (len bytes, NULs allowed); the last rdline_char_in() result. */
static int
ed_keys(struct rdline *rdl, const char *keys, size_t len)
{
	int ret = RDLINE_RES_SUCCESS;
	size_t i;

	for (i = 0; i < len; i++)
		ret = rdline_char_in(rdl, keys[i]);
	return ret;
}

#define KEYS(rdl, s) ed_keys(rdl, s, sizeof(s) - 1)

/* Type keys then Return; the line validated (without its "\n"). */
static const char *
ed_line(struct rdline *rdl, const char *keys, size_t len)
{
	char *nl;

	ed.line[0] = '\0';
	ed_keys(rdl, keys, len);
	if (rdline_char_in(rdl, '\n') != RDLINE_RES_VALIDATED)
		return "(not validated)";
	rdline_newline(rdl, "$ ");
	nl = strchr(ed.line, '\n');
	if (nl != NULL)
		*nl = '\0';
	return ed.line;
}

#define LINE(rdl, s) ed_line(rdl, s, sizeof(s) - 1)

#define LEFT "\033[D"
#define RIGHT "\033[C"
#define UP "\033[A"
#define DOWN "\033[B"

static int
test_rdline_keys(void)
{
	struct {
		const char *keys;
		size_t len;
		const char *want;
	} cases[] = {
#define K(s, w) {s, sizeof(s) - 1, w}
		K("abc", "abc"), K("abc" LEFT "X", "abXc"), K("abc\002\002Y", "aYbc"), /* Ctrl-B */
		K("abc" LEFT LEFT RIGHT "Z", "abZc"),	     /* right arrow */
		K("abc\001Z", "Zabc"),			     /* Ctrl-A */
		K("abc\001\005Z", "abcZ"),		     /* Ctrl-E */
		K("abc\001\006Z", "aZbc"),		     /* Ctrl-F */
		K("abc\177", "ab"),			     /* backspace (DEL) */
		K("abc\b\b", "a"),			     /* backspace (BS) */
		K("\177x", "x"),			     /* on an empty line */
		K("abc\001\004", "bc"),			     /* Ctrl-D deletes under the cursor */
		K("abc" LEFT "\033[3~", "ab"),		     /* Delete */
		K("foo bar  \027", "foo "),		     /* Ctrl-W */
		K("foo bar\033\177", "foo "),		     /* Meta-Backspace */
		K("foo bar baz\001\033d", " bar baz"),	     /* Meta-d */
		K("foo bar baz\033b\033bX", "foo Xbar baz"), /* Meta-b */
		K("foo bar baz\001\033fX", "fooX bar baz"),  /* Meta-f */
		K("hello world\001\033f\013", "hello"),	     /* Ctrl-K */
		K("hello world\001\033f\013\001\031", " worldhello"), /* Ctrl-Y */
		K("abc\003xyz", "xyz"),				      /* Ctrl-C: a new line */
		K("ab\014c", "abc"),				      /* Ctrl-L redraws */
		/* an unknown control key is dropped; an unknown sequence
		 * leaves its final character, as DPDK */
		K("a\001b\007\033[Zc", "bZca"), K("a\0b\200\377c", "abc"), /* NUL and high bytes */
		K("a\033", "a"),	 /* escape cut by Return */
		K("a\033[1\002b", "ba"), /* CSI cut by Ctrl-B */
#undef K
	};
	struct rdline *rdl = ed_new();
	unsigned int i;

	TEST_ASSERT_NOT_NULL(rdl, "rdline_new");
	for (i = 0; i < RTE_DIM(cases); i++) {
		const char *got = ed_line(rdl, cases[i].keys, cases[i].len);

		TEST_ASSERT(strcmp(got, cases[i].want) == 0, "case %u: \"%s\", want \"%s\"", i, got,
			    cases[i].want);
	}
	/* Ctrl-D on an empty line is end of input */
	TEST_ASSERT_EQUAL(KEYS(rdl, "\004"), RDLINE_RES_EOF, " ");
	/* the echo: prompt, characters, cursor moves as VT100 sequences */
	rdline_reset(rdl);
	ed.out_len = 0;
	KEYS(rdl, "ab" LEFT "\001");
	TEST_ASSERT(strcmp(ed.out, "ab\033[D\033[1D") == 0, "echo \"%s\"", ed.out);
	rdline_free(rdl);
	return TEST_SUCCESS;
}

static int
test_rdline_history(void)
{
	struct rdline *rdl = ed_new();

	TEST_ASSERT_NOT_NULL(rdl, "rdline_new");
	TEST_ASSERT_SUCCESS(rdline_add_history(rdl, "one"), " ");
	TEST_ASSERT_SUCCESS(rdline_add_history(rdl, "two\nignored"), " ");
	TEST_ASSERT(strcmp(rdline_get_history_item(rdl, 0), "two") == 0, "newest");
	TEST_ASSERT(strcmp(rdline_get_history_item(rdl, 1), "one") == 0, "oldest");
	TEST_ASSERT_NULL(rdline_get_history_item(rdl, 2), "past the oldest");
	TEST_ASSERT(strcmp(LINE(rdl, UP), "two") == 0, "up");
	TEST_ASSERT(strcmp(LINE(rdl, UP UP), "one") == 0, "up up");
	TEST_ASSERT(strcmp(LINE(rdl, UP UP UP), "one") == 0, "stops at the oldest");
	TEST_ASSERT(strcmp(LINE(rdl, UP UP DOWN), "two") == 0, "down");
	TEST_ASSERT(strcmp(LINE(rdl, "\020\020\016"), "two") == 0, "Ctrl-P Ctrl-N");
	/* the line being typed comes back below the newest entry */
	TEST_ASSERT(strcmp(LINE(rdl, "new" UP DOWN), "new") == 0, "typed line kept");
	TEST_ASSERT(strcmp(LINE(rdl, UP "!"), "two!") == 0, "edit a recalled line");
	/* browsing leaves the history as it was */
	TEST_ASSERT(strcmp(rdline_get_history_item(rdl, 0), "two") == 0, "newest");
	TEST_ASSERT_NULL(rdline_get_history_item(rdl, 2), "nothing added");
	rdline_clear_history(rdl);
	TEST_ASSERT_NULL(rdline_get_history_item(rdl, 0), "cleared");
	TEST_ASSERT_EQUAL(rdline_get_history_buffer_size(rdl), BUFSIZ, " ");
	TEST_ASSERT(rdline_get_opaque(rdl) == &ed, "opaque");
	rdline_free(rdl);
	return TEST_SUCCESS;
}

/* Old lines go when new ones need the room; no line outgrows the buffer. */
static int
test_rdline_history_full(void)
{
	struct rdline *rdl = ed_new();
	char line[TEST_LINE_MAX + 100];
	unsigned int i, n;

	TEST_ASSERT_NOT_NULL(rdl, "rdline_new");
	for (i = 0; i < 1000; i++) {
		snprintf(line, sizeof(line), "line %u %0300u", i, i);
		TEST_ASSERT_SUCCESS(rdline_add_history(rdl, line), "add %u", i);
	}
	snprintf(line, sizeof(line), "line %u %0300u", 999, 999);
	TEST_ASSERT(strcmp(rdline_get_history_item(rdl, 0), line) == 0, "newest kept");
	for (n = 0; rdline_get_history_item(rdl, n) != NULL; n++)
		;
	/* 310 bytes a line in BUFSIZ */
	TEST_ASSERT(n >= BUFSIZ / 310 - 1 && n <= BUFSIZ / 310, "%u lines kept", n);
	memset(line, 'x', sizeof(line) - 1);
	line[sizeof(line) - 1] = '\0';
	TEST_ASSERT_SUCCESS(rdline_add_history(rdl, line), "long line");
	TEST_ASSERT_EQUAL(strlen(rdline_get_history_item(rdl, 0)), TEST_LINE_MAX, "cut");
	rdline_free(rdl);
	return TEST_SUCCESS;
}

static int
test_rdline_complete(void)
{
	static const char *const choices[] = {"alpha [help]", "beta", NULL};
	struct rdline *rdl = ed_new();

	TEST_ASSERT_NOT_NULL(rdl, "rdline_new");
	ed.complete_with = "ow ";
	TEST_ASSERT_EQUAL(KEYS(rdl, "sh\t"), RDLINE_RES_COMPLETE, " ");
	TEST_ASSERT(strcmp(LINE(rdl, "x"), "show x") == 0, "\"%s\"", ed.line);
	/* completion inserts at the cursor, before what is right of it */
	TEST_ASSERT(strcmp(LINE(rdl, "shX" LEFT "\t"), "show X") == 0, "\"%s\"", ed.line);
	ed.complete_with = NULL;
	ed.choices = choices;
	ed.out_len = 0;
	TEST_ASSERT_EQUAL(KEYS(rdl, "x?"), RDLINE_RES_COMPLETE, " ");
	TEST_ASSERT(strcmp(ed.out, "x\r\n alpha [help]\r\n beta\r\n\033M\033E$ x\033[0K") == 0,
		    "\"%s\"", ed.out);
	/* '?' is never part of the line */
	TEST_ASSERT(strcmp(LINE(rdl, ""), "x") == 0, "\"%s\"", ed.line);
	/* a completion never grows the line past its limit */
	ed.choices = NULL;
	ed.complete_with = "0123456789012345678901234567890123456789";
	memset(ed.line, 0, sizeof(ed.line));
	{
		char keys[TEST_LINE_MAX];

		memset(keys, 'k', sizeof(keys) - 10);
		memset(keys + sizeof(keys) - 10, '\t', 10);
		TEST_ASSERT_EQUAL(strlen(ed_line(rdl, keys, sizeof(keys))), TEST_LINE_MAX, " ");
	}
	rdline_free(rdl);
	return TEST_SUCCESS;
}

/* Input nobody types: it must stay within the line and keep the editor
 * working. */
static int
test_rdline_hostile(void)
{
	struct rdline *rdl = ed_new();
	char keys[4096];
	unsigned int i, round;

	TEST_ASSERT_NOT_NULL(rdl, "rdline_new");
	/* an overlong line is cut at the limit, and stays editable */
	memset(keys, 'a', sizeof(keys));
	TEST_ASSERT_EQUAL(strlen(ed_line(rdl, keys, sizeof(keys))), TEST_LINE_MAX, " ");
	ed_keys(rdl, keys, TEST_LINE_MAX);
	KEYS(rdl, "\001" RIGHT "\177Z");
	TEST_ASSERT(strncmp(LINE(rdl, ""), "Zaa", 3) == 0, "\"%.8s\"", ed.line);
	/* a yank does not grow a full line either */
	ed_keys(rdl, keys, 100);
	KEYS(rdl, "\001\013");
	ed_keys(rdl, keys, TEST_LINE_MAX);
	TEST_ASSERT_EQUAL(strlen(LINE(rdl, "\031\031\031")), TEST_LINE_MAX, " ");
	/* a CSI sequence past the parser's 8 bytes is dropped; what follows
	 * is typed */
	TEST_ASSERT(strcmp(LINE(rdl, "x\033[1;2;3;4;5;6;7;8;9Dy" LEFT "z"), "x4;5;6;7;8;9Dzy") == 0,
		    "\"%s\"", ed.line);
	/* sequences cut by another: ESC ESC, ESC [ ESC */
	TEST_ASSERT(strcmp(LINE(rdl, "ab\033\033[D" LEFT "c"), "cab") == 0, "\"%s\"", ed.line);
	TEST_ASSERT(strcmp(LINE(rdl, "ab\033[\033[D"
				     "c"),
			   "acb") == 0,
		    "\"%s\"", ed.line);
	/* random bytes: bounded, and the editor still works after */
	rte_srand(1234);
	for (round = 0; round < 50; round++) {
		for (i = 0; i < sizeof(keys); i++)
			keys[i] = (char)rte_rand();
		ed_keys(rdl, keys, sizeof(keys));
		TEST_ASSERT(strlen(rdline_get_buffer(rdl)) <= TEST_LINE_MAX + 1, "round %u", round);
		if (rdline_char_in(rdl, 'x') == RDLINE_RES_NOT_RUNNING)
			rdline_newline(rdl, "$ ");
	}
	rdline_reset(rdl);
	TEST_ASSERT(strcmp(LINE(rdl, "ok"), "ok") == 0, "\"%s\"", ed.line);
	rdline_free(rdl);
	TEST_ASSERT_NULL(rdline_new(NULL, ed_validate, ed_complete, NULL), "no write_char");
	return TEST_SUCCESS;
}

static int
test_rdline_states(void)
{
	struct rdline *rdl = ed_new();

	TEST_ASSERT_NOT_NULL(rdl, "rdline_new");
	rdline_stop(rdl);
	TEST_ASSERT_EQUAL(rdline_char_in(rdl, 'a'), RDLINE_RES_NOT_RUNNING, "stopped");
	rdline_restart(rdl);
	TEST_ASSERT_EQUAL(rdline_char_in(rdl, 'a'), RDLINE_RES_SUCCESS, "restarted");
	rdline_quit(rdl);
	TEST_ASSERT_EQUAL(rdline_char_in(rdl, 'a'), RDLINE_RES_EXITED, "quit");
	TEST_ASSERT_EQUAL(rdline_char_in(NULL, 'a'), -EINVAL, "NULL");
	rdline_free(rdl);
	return TEST_SUCCESS;
}

static int
test_cirbuf(void)
{
	char buf[8], out[16];
	struct cirbuf cb;
	unsigned int i;

	TEST_ASSERT_EQUAL(cirbuf_init(NULL, buf, 0, sizeof(buf)), -EINVAL, " ");
	TEST_ASSERT_SUCCESS(cirbuf_init(&cb, buf, 6, sizeof(buf)), " ");
	TEST_ASSERT(CIRBUF_IS_EMPTY(&cb), "empty");
	TEST_ASSERT_EQUAL(cirbuf_del_head_safe(&cb), -EINVAL, "del from empty");
	/* "cd" at the tail from index 6 wraps to index 0 with "ef" */
	TEST_ASSERT_EQUAL(cirbuf_add_buf_tail(&cb, "cdef", 4), 4, " ");
	TEST_ASSERT_EQUAL(cirbuf_add_buf_head(&cb, "ab", 2), 2, " ");
	TEST_ASSERT_SUCCESS(cirbuf_add_tail_safe(&cb, 'g'), " ");
	TEST_ASSERT_SUCCESS(cirbuf_add_head_safe(&cb, '_'), " ");
	TEST_ASSERT(CIRBUF_IS_FULL(&cb), "full");
	TEST_ASSERT_EQUAL(cirbuf_add_tail_safe(&cb, 'x'), -EINVAL, "add to full");
	TEST_ASSERT_EQUAL(cirbuf_add_buf_head(&cb, "x", 1), -EINVAL, "add to full");
	TEST_ASSERT_EQUAL(cirbuf_get_buf_head(&cb, out, sizeof(out)), 8, " ");
	TEST_ASSERT(memcmp(out, "_abcdefg", 8) == 0, "\"%.8s\"", out);
	TEST_ASSERT_EQUAL(cirbuf_get_buf_tail(&cb, out, 3), 3, " ");
	TEST_ASSERT(memcmp(out, "efg", 3) == 0, "\"%.3s\"", out);
	TEST_ASSERT_EQUAL(cirbuf_get_head(&cb), '_', " ");
	TEST_ASSERT_EQUAL(cirbuf_get_tail(&cb), 'g', " ");
	TEST_ASSERT_SUCCESS(cirbuf_del_buf_head(&cb, 2), " ");
	TEST_ASSERT_SUCCESS(cirbuf_del_tail_safe(&cb), " ");
	TEST_ASSERT_EQUAL(cirbuf_del_buf_tail(&cb, 9), -EINVAL, "more than held");
	TEST_ASSERT_EQUAL(CIRBUF_GET_LEN(&cb), 5, " ");
	TEST_ASSERT_SUCCESS(cirbuf_align_left(&cb), " ");
	TEST_ASSERT(cb.start == 0 && cb.end == 4, "aligned %u..%u", cb.start, cb.end);
	TEST_ASSERT(memcmp(buf, "bcdef", 5) == 0, "\"%.5s\"", buf);
	/* head in the right half: the tail goes to the last index */
	for (i = 0; i < 3; i++)
		cirbuf_add_head(&cb, 'A');
	cirbuf_del_buf_head(&cb, 2);
	TEST_ASSERT_EQUAL(cb.start, 7, " ");
	TEST_ASSERT_SUCCESS(cirbuf_align_right(&cb), " ");
	TEST_ASSERT(cb.end == 7 && cb.start == 2, "aligned %u..%u", cb.start, cb.end);
	TEST_ASSERT(memcmp(buf + 2, "Abcdef", 6) == 0, "\"%.6s\"", buf + 2);
	CIRBUF_FOREACH(&cb, i, out[i])
	{
	}
	TEST_ASSERT(memcmp(out, "Abcdef", 6) == 0, "foreach \"%.6s\"", out);
	/* an empty zero-length buffer refuses everything and divides nothing */
	TEST_ASSERT_SUCCESS(cirbuf_init(&cb, buf, 0, 0), " ");
	TEST_ASSERT_EQUAL(cirbuf_add_tail_safe(&cb, 'x'), -EINVAL, " ");
	TEST_ASSERT_EQUAL(cirbuf_get_buf_tail(&cb, out, 4), 0, " ");
	TEST_ASSERT_SUCCESS(cirbuf_align_right(&cb), " ");
	return TEST_SUCCESS;
}

static const struct test_case test_cmdline_rdline_cases[] = {
	TEST_CASE(test_rdline_keys),
	TEST_CASE(test_rdline_history),
	TEST_CASE(test_rdline_history_full),
	TEST_CASE(test_rdline_complete),
	TEST_CASE(test_rdline_hostile),
	TEST_CASE(test_rdline_states),
	TEST_CASE(test_cirbuf),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(cmdline_rdline, TEST_SUITE_EAL, test_cmdline_rdline_cases);
