/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * JSON text of a reply, in DPDK's layout (no spaces). Every value is
 * written whole or not at all: what does not fit in the buffer is left
 * out, and the closing brackets always have their room, so a reply is
 * valid JSON whatever the callback put in it.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <telemetry_internal.h>

#include "telemetry_data.h"

/* Deeper containers are left out (a cycle of containers ends here). */
#define JSON_MAX_DEPTH 16

struct json_out {
	char *buf;
	size_t limit; /* bytes usable now: the closers still to come are kept free */
	size_t len;
	bool full; /* the current value did not fit */
};

static void
json_putc(struct json_out *o, char c)
{
	if (o->full || o->len + 1 > o->limit) {
		o->full = true;
		return;
	}
	o->buf[o->len++] = c;
}

static void json_printf(struct json_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
json_printf(struct json_out *o, const char *fmt, ...)
{
	char tmp[64]; /* numbers only */
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	for (int i = 0; i < n && i < (int)sizeof(tmp) - 1; i++)
		json_putc(o, tmp[i]);
}

/*
 * A JSON string. Besides DPDK's escapes (\" \\ \n \r \t), other control
 * characters and bytes above 0x7e become \u00XX so a client decoding the
 * reply as UTF-8 always succeeds.
 */
static void
json_string(struct json_out *o, const char *s)
{
	static const char hex[] = "0123456789abcdef";

	json_putc(o, '"');
	for (; *s != '\0' && !o->full; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			json_putc(o, '\\');
			json_putc(o, (char)c);
		} else if (c == '\n') {
			json_putc(o, '\\');
			json_putc(o, 'n');
		} else if (c == '\r') {
			json_putc(o, '\\');
			json_putc(o, 'r');
		} else if (c == '\t') {
			json_putc(o, '\\');
			json_putc(o, 't');
		} else if (c < 0x20 || c > 0x7e) {
			json_printf(o, "\\u00%c%c", hex[c >> 4], hex[c & 0xf]);
		} else {
			json_putc(o, (char)c);
		}
	}
	json_putc(o, '"');
}

static void json_value(struct json_out *o, const struct rte_tel_data *d, unsigned int depth);

/* One item of an array or dictionary: separator and value, or nothing. */
static void
json_item(struct json_out *o, bool *first, const char *name, enum rte_tel_value_type type,
	  const union tel_value *v, unsigned int depth)
{
	size_t mark = o->len;

	if (!*first)
		json_putc(o, ',');
	if (name != NULL) {
		json_string(o, name);
		json_putc(o, ':');
	}
	switch (type) {
	case RTE_TEL_STRING_VAL:
		json_string(o, v->sval);
		break;
	case RTE_TEL_INT_VAL:
		json_printf(o, "%d", v->ival);
		break;
	case RTE_TEL_U64_VAL:
		json_printf(o, "%" PRIu64, v->u64val);
		break;
	case RTE_TEL_CONTAINER:
		if (v->container.data == NULL || depth >= JSON_MAX_DEPTH)
			o->full = true;
		else
			json_value(o, v->container.data, depth + 1);
		break;
	}
	if (o->full) {
		/* roll back this item; later, smaller ones may still fit */
		o->len = mark;
		o->full = false;
		return;
	}
	*first = false;
}

static void
json_value(struct json_out *o, const struct rte_tel_data *d, unsigned int depth)
{
	static const enum rte_tel_value_type elem[] = {
		[TEL_ARRAY_STRING] = RTE_TEL_STRING_VAL,
		[TEL_ARRAY_INT] = RTE_TEL_INT_VAL,
		[TEL_ARRAY_U64] = RTE_TEL_U64_VAL,
		[TEL_ARRAY_CONTAINER] = RTE_TEL_CONTAINER,
	};
	bool first = true;
	char close;

	switch (d->kind) {
	case TEL_STRING:
		json_string(o, d->u.str);
		return;
	case TEL_DICT:
		close = '}';
		break;
	case TEL_ARRAY_STRING:
	case TEL_ARRAY_INT:
	case TEL_ARRAY_U64:
	case TEL_ARRAY_CONTAINER:
		close = ']';
		break;
	default:
		json_printf(o, "null");
		return;
	}
	json_putc(o, close == '}' ? '{' : '[');
	if (o->full || o->limit == 0)
		return;
	o->limit--; /* room for the closer, whatever the items take */
	for (unsigned int i = 0; i < d->count; i++) {
		if (close == '}')
			json_item(o, &first, d->u.dict[i].name, d->u.dict[i].type,
				  &d->u.dict[i].value, depth);
		else
			json_item(o, &first, NULL, elem[d->kind], &d->u.array[i], depth);
	}
	o->limit++;
	json_putc(o, close);
}

size_t
telemetry_json_reply(const char *cmd, struct rte_tel_data *d, char *out, size_t size)
{
	struct json_out o = {.buf = out, .limit = size > 0 ? size - 1 : 0};
	size_t mark;

	if (size == 0)
		return 0;
	json_putc(&o, '{');
	json_string(&o, cmd);
	json_putc(&o, ':');
	mark = o.len;
	if (!o.full && o.limit > 0) {
		o.limit--; /* the final '}' */
		json_value(&o, d, 0);
		if (o.full) {
			/* a bare string or number too long for the buffer */
			o.len = mark;
			o.full = false;
			json_printf(&o, "null");
		}
		o.limit++;
	}
	json_putc(&o, '}');
	if (o.full)
		o.len = 0; /* the command name alone does not fit: nothing */
	out[o.len] = '\0';
	telemetry_data_release(d);
	return o.len;
}
