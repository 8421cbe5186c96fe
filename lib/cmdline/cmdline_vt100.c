/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Key decoding. A key is either one control character or an escape
 * sequence: ESC then one final character (Meta keys), or ESC '[' then
 * parameter characters and a final one in 0x40-0x7e (CSI). The parser
 * collects a sequence and looks the whole of it up; a sequence longer
 * than its buffer is dropped, so no input can run it past its end.
 */
#include <string.h>

#include "cmdline_private.h"

/* Indexed by CMDLINE_KEY_*; declared in the header, not exported (as DPDK). */
const char *cmdline_vt100_commands[] = {
	[CMDLINE_KEY_UP_ARR] = vt100_up_arr,
	[CMDLINE_KEY_DOWN_ARR] = vt100_down_arr,
	[CMDLINE_KEY_RIGHT_ARR] = vt100_right_arr,
	[CMDLINE_KEY_LEFT_ARR] = vt100_left_arr,
	[CMDLINE_KEY_BKSPACE] = "\177",
	[CMDLINE_KEY_RETURN] = "\n",
	[CMDLINE_KEY_CTRL_A] = "\001",
	[CMDLINE_KEY_CTRL_E] = "\005",
	[CMDLINE_KEY_CTRL_K] = "\013",
	[CMDLINE_KEY_CTRL_Y] = "\031",
	[CMDLINE_KEY_CTRL_C] = "\003",
	[CMDLINE_KEY_CTRL_F] = "\006",
	[CMDLINE_KEY_CTRL_B] = "\002",
	[CMDLINE_KEY_SUPPR] = vt100_suppr,
	[CMDLINE_KEY_TAB] = vt100_tab,
	[CMDLINE_KEY_CTRL_D] = "\004",
	[CMDLINE_KEY_CTRL_L] = "\014",
	[CMDLINE_KEY_RETURN2] = "\r",
	[CMDLINE_KEY_META_BKSPACE] = "\033\177",
	[CMDLINE_KEY_WLEFT] = vt100_word_left,
	[CMDLINE_KEY_WRIGHT] = vt100_word_right,
	[CMDLINE_KEY_HELP] = "?",
	[CMDLINE_KEY_CTRL_W] = "\027",
	[CMDLINE_KEY_CTRL_P] = "\020",
	[CMDLINE_KEY_CTRL_N] = "\016",
	[CMDLINE_KEY_META_D] = "\033d",
	[CMDLINE_KEY_BKSPACE2] = vt100_bs,
};

__rte_export void
vt100_init(struct cmdline_vt100 *vt)
{
	if (vt == NULL)
		return;
	vt->state = CMDLINE_VT100_INIT;
	vt->bufpos = 0;
}

static int
vt100_lookup(const char *seq, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(cmdline_vt100_commands); i++) {
		const char *cmd = cmdline_vt100_commands[i];

		if (strnlen(cmd, CMDLINE_VT100_BUF_SIZE) == len && memcmp(cmd, seq, len) == 0)
			return (int)i;
	}
	return -1;
}

__rte_export int
vt100_parser(struct cmdline_vt100 *vt, char ch)
{
	unsigned char c = (unsigned char)ch;
	unsigned int len;

	if (vt == NULL)
		return -1;
	/* an overlong sequence: forget it and start again with c */
	if (vt->bufpos >= CMDLINE_VT100_BUF_SIZE) {
		vt->state = CMDLINE_VT100_INIT;
		vt->bufpos = 0;
	}
	/*
	 * Terminals send no C0 control character inside a sequence: one
	 * there means the sequence was cut. Drop it and take the character
	 * as itself (ESC starting a new sequence), so that a cut sequence
	 * never swallows the Return after it. DPDK keeps such characters
	 * in the sequence until its buffer is full.
	 */
	if (vt->state != CMDLINE_VT100_INIT && c < 040) {
		vt->state = CMDLINE_VT100_INIT;
		vt->bufpos = 0;
	}
	vt->buf[vt->bufpos++] = (char)c;

	switch (vt->state) {
	case CMDLINE_VT100_INIT:
		if (c == 033) {
			vt->state = CMDLINE_VT100_ESCAPE;
			return -2;
		}
		break;
	case CMDLINE_VT100_ESCAPE:
		if (c == '[') {
			vt->state = CMDLINE_VT100_ESCAPE_CSI;
			return -2;
		}
		if (c < 060 || c > 0177)
			return -2;
		break;
	case CMDLINE_VT100_ESCAPE_CSI:
		if (c < 0100 || c > 0176)
			return -2;
		break;
	default:
		vt->state = CMDLINE_VT100_INIT;
		vt->bufpos = 0;
		return -2;
	}
	/* c ends the sequence */
	len = vt->bufpos;
	vt->bufpos = 0;
	vt->state = CMDLINE_VT100_INIT;
	return vt100_lookup(vt->buf, len);
}
