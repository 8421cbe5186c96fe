/* SPDX-License-Identifier: BSD-3-Clause */
/* What net_vhost needs from lib/vhost beyond rte_vhost.h. */
#ifndef _VHOST_DRIVER_H_
#define _VHOST_DRIVER_H_

#include <stdint.h>

/* Bad descriptor chains and indices the front-end wrote on a ring so far. */
uint64_t vhost_vring_errors_get(int vid, uint16_t vring_idx);

#endif /* _VHOST_DRIVER_H_ */
