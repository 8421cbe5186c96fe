/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Telemetry: commands that libraries and applications register, answered
 * in JSON over the unix socket <runtime dir>/dpdk_telemetry.v2.
 *
 * A command's callback fills a struct rte_tel_data: a string, an array of
 * one value type, or a dictionary. Names of dictionary entries and of
 * commands use only letters, digits, '_' and '/'.
 */
#ifndef _RTE_TELEMETRY_H_
#define _RTE_TELEMETRY_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Longest string value of an array or dictionary entry, with its NUL. */
#define RTE_TEL_MAX_STRING_LEN 128
/* Longest string of rte_tel_data_string(), with its NUL. */
#define RTE_TEL_MAX_SINGLE_STRING_LEN 8192
#define RTE_TEL_MAX_DICT_ENTRIES 256
#define RTE_TEL_MAX_ARRAY_ENTRIES 512

/* Opaque: allocate with rte_tel_data_alloc() for containers. */
struct rte_tel_data;

enum rte_tel_value_type {
	RTE_TEL_STRING_VAL, /* string */
	RTE_TEL_INT_VAL,    /* signed 32-bit integer */
	RTE_TEL_U64_VAL,    /* unsigned 64-bit integer */
	RTE_TEL_CONTAINER,  /* another struct rte_tel_data */
};

/*
 * Make d an empty array of values of one type.
 * Returns 0, or -EINVAL for a NULL d or an unknown type.
 */
int rte_tel_data_start_array(struct rte_tel_data *d, enum rte_tel_value_type type);

/* Make d an empty dictionary. Returns 0, or -EINVAL for a NULL d. */
int rte_tel_data_start_dict(struct rte_tel_data *d);

/*
 * Make d a single string.
 * Returns 0, E2BIG (positive) when str was cut to
 * RTE_TEL_MAX_SINGLE_STRING_LEN - 1 characters, -EINVAL for NULL arguments.
 */
int rte_tel_data_string(struct rte_tel_data *d, const char *str);

/*
 * Append to an array started with the matching type.
 * Return 0, E2BIG (positive) when a string was cut to
 * RTE_TEL_MAX_STRING_LEN - 1 characters, -EINVAL when d is not an array of
 * that type (or an argument is NULL), -ENOSPC when the array holds
 * RTE_TEL_MAX_ARRAY_ENTRIES values.
 */
int rte_tel_data_add_array_string(struct rte_tel_data *d, const char *str);
int rte_tel_data_add_array_int(struct rte_tel_data *d, int x);
int rte_tel_data_add_array_u64(struct rte_tel_data *d, uint64_t x);

/*
 * Append val, an array of strings, ints or u64s, to an array of containers.
 * keep = 0 hands val over: the library frees it after the reply is built.
 * Returns 0, -EINVAL for a wrong type of d or val, -ENOSPC when full.
 */
int rte_tel_data_add_array_container(struct rte_tel_data *d, struct rte_tel_data *val, int keep);

/*
 * Add a named value to a dictionary.
 * Return 0, E2BIG (positive) when the name or a string value was cut to
 * RTE_TEL_MAX_STRING_LEN - 1 characters, -EINVAL when d is not a dictionary
 * or the name has a character other than letters, digits, '_' and '/',
 * -ENOSPC when the dictionary holds RTE_TEL_MAX_DICT_ENTRIES values.
 */
int rte_tel_data_add_dict_string(struct rte_tel_data *d, const char *name, const char *val);
int rte_tel_data_add_dict_int(struct rte_tel_data *d, const char *name, int val);
int rte_tel_data_add_dict_u64(struct rte_tel_data *d, const char *name, uint64_t val);

/*
 * Add val, an array of strings, ints or u64s or a dictionary, under name.
 * keep as for rte_tel_data_add_array_container().
 */
int rte_tel_data_add_dict_container(struct rte_tel_data *d, const char *name,
				    struct rte_tel_data *val, int keep);

/*
 * A command's callback: cmd is the command, params what followed the first
 * ',' of the request (NULL when nothing did). It fills info and returns 0,
 * or a negative value to answer {"<cmd>":null}.
 */
typedef int (*telemetry_cb)(const char *cmd, const char *params, struct rte_tel_data *info);

/* Kept for source compatibility with DPDK; not used. */
typedef void *(*handler)(void *sock_id);

/*
 * Register a command, at any time (constructors included).
 * cmd starts with '/', is shorter than 56 characters and uses letters,
 * digits, '_' and '/'; help is shorter than RTE_TEL_MAX_STRING_LEN.
 * Returns 0, -EINVAL for a bad cmd, help or a NULL fn, -EEXIST when cmd is
 * registered already, -ENOSPC when the command table is full.
 */
int rte_telemetry_register_cmd(const char *cmd, telemetry_cb fn, const char *help);

/* A data object for containers; NULL when out of memory. */
struct rte_tel_data *rte_tel_data_alloc(void);

/* Free an object of rte_tel_data_alloc(); NULL is accepted. */
void rte_tel_data_free(struct rte_tel_data *data);

#ifdef __cplusplus
}
#endif

#endif
