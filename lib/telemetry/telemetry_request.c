/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A request record: "/cmd" or "/cmd,params". Bytes come from any local
 * process, so the record is bounded and checked before a byte is used.
 */
#include <errno.h>
#include <string.h>

#include <telemetry_internal.h>

static int
request_cmd_char_ok(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       c == '_' || c == '/';
}

int
telemetry_request_parse(const char *buf, size_t len, struct telemetry_request *req)
{
	size_t cmd_len, plen;
	const char *comma;

	req->cmd[0] = '\0';
	req->params[0] = '\0';
	req->has_params = 0;
	if (len == 0 || buf == NULL)
		return -EINVAL;
	if (len >= TELEMETRY_MAX_REQUEST_LEN)
		return -E2BIG;
	if (buf[0] != '/')
		return -EINVAL;
	comma = memchr(buf, ',', len);
	cmd_len = comma != NULL ? (size_t)(comma - buf) : len;
	if (cmd_len >= TELEMETRY_MAX_CMD_LEN)
		return -ENAMETOOLONG;
	for (size_t i = 0; i < cmd_len; i++)
		if (!request_cmd_char_ok((unsigned char)buf[i]))
			return -EINVAL;
	if (comma != NULL) {
		plen = len - cmd_len - 1;
		for (size_t i = 0; i < plen; i++) {
			unsigned char c = (unsigned char)comma[1 + i];

			if (c < 0x20 || c > 0x7e)
				return -EINVAL;
		}
		/* "/cmd," has no parameters, as in DPDK */
		memcpy(req->params, comma + 1, plen);
		req->params[plen] = '\0';
		req->has_params = plen > 0;
	}
	memcpy(req->cmd, buf, cmd_len);
	req->cmd[cmd_len] = '\0';
	return 0;
}
