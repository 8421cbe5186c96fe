/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Device-argument values the drivers share. Internal to the library.
 */
#ifndef _DRIVER_ARGS_H_
#define _DRIVER_ARGS_H_

/*
 * A strict unsigned decimal up to max: digits only, no sign, no trailing
 * text. Returns 0 and sets *out, or -EINVAL.
 */
int driver_arg_uint(const char *s, unsigned long max, unsigned long *out);

#endif /* _DRIVER_ARGS_H_ */
