/* SPDX-License-Identifier: BSD-3-Clause */
/* The per-lcore virtio-serial channels to the host's power manager. */
#ifndef _POWER_PRIVATE_H_
#define _POWER_PRIVATE_H_

#include <stdbool.h>

#include <rte_power_guest_channel.h>

/* Where the guest's virtio-serial ports appear (udev's names). */
#define POWER_CHANNEL_DIR "/dev/virtio-ports"
#define POWER_CHANNEL_NAME "virtio.serial.port.poweragent"

/* Open the channel of lcore_id and announce it to the host. Returns 0 or
 * -1 (logged). */
int power_channel_connect(unsigned int lcore_id);
void power_channel_disconnect(unsigned int lcore_id);
/* true when the channel of lcore_id exists (it need not be open). */
bool power_channel_exists(unsigned int lcore_id);
/* Look for the channels in dir instead (tests); NULL: the default. */
void power_channel_dir_set(const char *dir);

#endif /* _POWER_PRIVATE_H_ */
