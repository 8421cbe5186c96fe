/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_power in the PM_ENV_KVM_VM environment, its channels played by
 * FIFOs: rte_power_init announces the lcore to the host, each scaling
 * call sends one packet with the right command, unit and lcore, an answer
 * the host writes is read whole; without a channel, or in an environment
 * Sluice does not implement, the calls fail and leave the state unset.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <rte_power.h>

#include "power_private.h"
#include "test.h"

/* One packet the library wrote into host_fd's FIFO; its command and unit. */
static int
host_take(int host_fd, uint64_t lcore, uint32_t command, uint32_t unit)
{
	struct rte_power_channel_packet pkt;

	TEST_ASSERT_EQUAL(read(host_fd, &pkt, sizeof(pkt)), (ssize_t)sizeof(pkt), "one packet");
	TEST_ASSERT_EQUAL(pkt.resource_id, lcore, "lcore");
	TEST_ASSERT_EQUAL(pkt.command, command, "command");
	TEST_ASSERT_EQUAL(pkt.unit, unit, "unit");
	return TEST_SUCCESS;
}

static int
power_kvm_body(const char *dir, int host_fd)
{
	static const struct {
		rte_power_freq_change_t *op;
		uint32_t unit;
	} ops[] = {
		{&rte_power_freq_up, RTE_POWER_SCALE_UP},
		{&rte_power_freq_down, RTE_POWER_SCALE_DOWN},
		{&rte_power_freq_max, RTE_POWER_SCALE_MAX},
		{&rte_power_freq_min, RTE_POWER_SCALE_MIN},
		{&rte_power_freq_enable_turbo, RTE_POWER_ENABLE_TURBO},
		{&rte_power_freq_disable_turbo, RTE_POWER_DISABLE_TURBO},
	};
	struct rte_power_channel_packet_freq_list answer, got;
	struct rte_power_core_capabilities caps;

	/* no environment: everything fails */
	TEST_ASSERT_EQUAL(rte_power_get_env(), PM_ENV_NOT_SET, "no env at first");
	TEST_ASSERT_EQUAL(rte_power_freq_up(1), -1, "freq_up without an env");
	/* lcore 0 has no channel: init fails and selects nothing */
	TEST_ASSERT_EQUAL(rte_power_init(0), -1, "init without a channel");
	TEST_ASSERT_EQUAL(rte_power_get_env(), PM_ENV_NOT_SET, "still no env");
	TEST_ASSERT_EQUAL(rte_power_set_env(PM_ENV_ACPI_CPUFREQ), -1, "ACPI not implemented");
	TEST_ASSERT_EQUAL(rte_power_check_env_supported(PM_ENV_ACPI_CPUFREQ), 0, "ACPI");
	TEST_ASSERT_EQUAL(rte_power_check_env_supported(PM_ENV_KVM_VM), 1, "lcore 1's FIFO");
	TEST_ASSERT_EQUAL(rte_power_get_env(), PM_ENV_NOT_SET, "still no env");

	/* lcore 1 has one: init picks the VM environment and says hello */
	TEST_ASSERT_SUCCESS(rte_power_init(1), "init lcore 1 (%s)", dir);
	TEST_ASSERT_EQUAL(rte_power_get_env(), PM_ENV_KVM_VM, "KVM picked");
	TEST_ASSERT_SUCCESS(host_take(host_fd, 1, RTE_POWER_CPU_POWER_CONNECT, 0), "connect");
	TEST_ASSERT_EQUAL(rte_power_init(1), -1, "a second init of lcore 1");
	TEST_ASSERT_EQUAL(rte_power_set_env(PM_ENV_KVM_VM), -1, "env already set");
	for (unsigned int i = 0; i < RTE_DIM(ops); i++) {
		TEST_ASSERT_EQUAL((*ops[i].op)(1), 1, "op %u", i);
		TEST_ASSERT_SUCCESS(host_take(host_fd, 1, RTE_POWER_CPU_POWER, ops[i].unit),
				    "op %u", i);
	}
	TEST_ASSERT_EQUAL(rte_power_freq_up(0), -1, "lcore 0 has no open channel");
	TEST_ASSERT_EQUAL(rte_power_set_freq(1, 0), -ENOTSUP, "set_freq in a VM");
	TEST_ASSERT_EQUAL(rte_power_get_capabilities(1, &caps), -ENOTSUP, "caps in a VM");

	/* the host's answer, read whole */
	memset(&answer, 0, sizeof(answer));
	answer.command = RTE_POWER_FREQ_LIST;
	answer.resource_id = 1;
	answer.num_vcpu = 2;
	answer.freq_list[0] = 2100000;
	answer.freq_list[1] = 1200000;
	TEST_ASSERT_EQUAL(write(host_fd, &answer, sizeof(answer)), (ssize_t)sizeof(answer),
			  "answer");
	TEST_ASSERT_SUCCESS(rte_power_guest_channel_receive_msg(&got, sizeof(got), 1), "receive");
	TEST_ASSERT(memcmp(&got, &answer, sizeof(got)) == 0, "answer bytes");

	TEST_ASSERT_SUCCESS(rte_power_exit(1), "exit");
	TEST_ASSERT_EQUAL(rte_power_freq_up(1), -1, "closed after exit");
	rte_power_unset_env();
	TEST_ASSERT_EQUAL(rte_power_get_env(), PM_ENV_NOT_SET, "unset");
	TEST_ASSERT_EQUAL(rte_power_freq_up(1), -1, "no env after unset");
	return TEST_SUCCESS;
}

static int
test_power_kvm(void)
{
	char dir[] = "/tmp/sluice-power-XXXXXX", path[PATH_MAX];
	int host_fd, ret;

	TEST_ASSERT_NOT_NULL(mkdtemp(dir), "temp dir");
	snprintf(path, sizeof(path), "%s/%s.1", dir, POWER_CHANNEL_NAME);
	TEST_ASSERT_SUCCESS(mkfifo(path, 0600), "fifo");
	/* the host's end; O_RDWR so that neither side waits for the other */
	host_fd = open(path, O_RDWR | O_NONBLOCK);
	TEST_ASSERT(host_fd >= 0, "open fifo");
	power_channel_dir_set(dir);
	ret = power_kvm_body(dir, host_fd);
	rte_power_exit(1);
	rte_power_unset_env();
	power_channel_dir_set(NULL);
	close(host_fd);
	unlink(path);
	rmdir(dir);
	return ret;
}

static const struct test_case test_power_cases[] = {
	TEST_CASE(test_power_kvm),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(power, TEST_SUITE_EAL, test_power_cases);
