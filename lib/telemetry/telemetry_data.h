/* SPDX-License-Identifier: BSD-3-Clause */
/* Layout of struct rte_tel_data, private to the telemetry library. */
#ifndef _TELEMETRY_DATA_H_
#define _TELEMETRY_DATA_H_

#include <rte_telemetry.h>

#define __rte_export __attribute__((visibility("default")))

/* What a struct rte_tel_data holds; TEL_NULL (zero) until a start call. */
enum tel_kind {
	TEL_NULL,
	TEL_STRING,
	TEL_DICT,
	TEL_ARRAY_STRING,
	TEL_ARRAY_INT,
	TEL_ARRAY_U64,
	TEL_ARRAY_CONTAINER,
};

struct tel_container {
	struct rte_tel_data *data;
	int keep; /* 0: freed once the reply is built */
};

union tel_value {
	char sval[RTE_TEL_MAX_STRING_LEN];
	int ival;
	uint64_t u64val;
	struct tel_container container;
};

struct tel_dict_entry {
	char name[RTE_TEL_MAX_STRING_LEN];
	enum rte_tel_value_type type;
	union tel_value value;
};

struct rte_tel_data {
	enum tel_kind kind;
	unsigned int count; /* entries of an array or dictionary */
	union {
		char str[RTE_TEL_MAX_SINGLE_STRING_LEN];
		struct tel_dict_entry dict[RTE_TEL_MAX_DICT_ENTRIES];
		union tel_value array[RTE_TEL_MAX_ARRAY_ENTRIES];
	} u;
};

/* Free, depth first, the containers of d that were handed over (keep = 0). */
void telemetry_data_release(struct rte_tel_data *d);

/* The "version" that /info reports (telemetry_commands.c). */
void telemetry_commands_set_version(const char *version);

#endif
