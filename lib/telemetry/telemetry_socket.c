/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The v2 socket: <runtime dir>/dpdk_telemetry.v2, SOCK_SEQPACKET. One
 * thread polls the listening socket, a wake-up eventfd and up to
 * TELEMETRY_MAX_CLIENTS clients; each record is one request and gets one
 * reply. Sends never block: a client that does not read its replies is
 * dropped, so one client cannot stall the others.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <telemetry_internal.h>

#include "telemetry_data.h"

/* Sockets dpdk_telemetry.v2:1 ... :N-1 tried when the plain name is busy. */
#define TELEMETRY_MAX_INSTANCES 64
/* Connections taken from the backlog in one pass of the loop. */
#define TELEMETRY_ACCEPT_BURST 16

/* Pause after accept fails for want of fds or memory. */
#define TELEMETRY_RETRY_US (100 * 1000)

/* Levels as rte_log's, which the EAL's log function expects. */
#define TLOG_ERR 4U
#define TLOG_NOTICE 6U
#define TLOG_DEBUG 8U

struct telemetry_server {
	bool running;
	pid_t owner; /* a forked child must not join or unlink */
	int listen_fd;
	int wake_fd;
	pthread_t thread;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	telemetry_log_fn log;
	char greeting[192];
	int clients[TELEMETRY_MAX_CLIENTS];
	unsigned int nb_clients;
	/* used by the telemetry thread only */
	char request[TELEMETRY_MAX_REQUEST_LEN];
	char reply[TELEMETRY_MAX_OUTPUT_LEN];
};

static struct telemetry_server tsrv = {.listen_fd = -1, .wake_fd = -1};

static void tlog(uint32_t level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
tlog(uint32_t level, const char *fmt, ...)
{
	va_list ap;

	if (tsrv.log == NULL)
		return;
	va_start(ap, fmt);
	tsrv.log(level, fmt, ap);
	va_end(ap);
}

static int
sock_addr(struct sockaddr_un *sun, const char *path)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun->sun_path))
		return -ENAMETOOLONG;
	memcpy(sun->sun_path, path, strlen(path) + 1);
	return 0;
}

/* 1 when a process accepts connections on path, 0 when none does. */
static int
sock_is_live(const struct sockaddr_un *sun)
{
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	int live;

	if (fd < 0)
		return 1; /* cannot tell: never remove what may be in use */
	live = connect(fd, (const struct sockaddr *)sun, sizeof(*sun)) == 0 || errno == EAGAIN;
	close(fd);
	return live;
}

/*
 * Bind and listen on path. A socket file nobody answers on is left by a
 * process that died: it is replaced. A live one is never touched.
 * Returns the fd, -EADDRINUSE when live, or another negative errno.
 */
static int
sock_listen_at(const char *path)
{
	struct sockaddr_un sun;
	struct stat st;
	int fd, err;

	err = sock_addr(&sun, path);
	if (err < 0)
		return err;
	fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		err = errno;
		if (err != EADDRINUSE)
			goto out_close;
		if (sock_is_live(&sun))
			goto out_close;
		if (lstat(path, &st) < 0 || !S_ISSOCK(st.st_mode)) {
			err = EEXIST; /* not a socket: someone else's file */
			goto out_close;
		}
		tlog(TLOG_DEBUG, "TELEMETRY: replacing the stale socket %s\n", path);
		if (unlink(path) < 0 || bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
			err = errno;
			goto out_close;
		}
	}
	if (listen(fd, TELEMETRY_MAX_CLIENTS) < 0) {
		err = errno;
		unlink(path);
		goto out_close;
	}
	return fd;

out_close:
	close(fd);
	return -err;
}

static void
client_drop(unsigned int i)
{
	close(tsrv.clients[i]);
	tsrv.clients[i] = tsrv.clients[--tsrv.nb_clients];
}

/* Never blocks and never raises SIGPIPE; -1 when the client is gone or stuck. */
static int
client_send(int fd, const char *msg, size_t len)
{
	return send(fd, msg, len, MSG_DONTWAIT | MSG_NOSIGNAL) == (ssize_t)len ? 0 : -1;
}

static void
server_accept(void)
{
	static const char refusal[] = "{\"error\":\"too many telemetry clients (32 connected): "
				      "close one or try again later\"}";

	for (int burst = 0; burst < TELEMETRY_ACCEPT_BURST; burst++) {
		int fd = accept4(tsrv.listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0) {
			/*
			 * EAGAIN: the backlog is empty. Out of fds or memory, the
			 * connection stays queued and poll would wake at once:
			 * pause instead of spinning on a CPU.
			 */
			if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS ||
			    errno == ENOMEM)
				usleep(TELEMETRY_RETRY_US);
			return;
		}
		if (tsrv.nb_clients == TELEMETRY_MAX_CLIENTS) {
			client_send(fd, refusal, sizeof(refusal) - 1);
			close(fd);
			tlog(TLOG_DEBUG, "TELEMETRY: client refused, %d connected\n",
			     TELEMETRY_MAX_CLIENTS);
			continue;
		}
		if (client_send(fd, tsrv.greeting, strlen(tsrv.greeting)) < 0) {
			close(fd);
			continue;
		}
		tsrv.clients[tsrv.nb_clients++] = fd;
	}
}

/* One record from client i; false when the client is to be dropped. */
static bool
client_serve(unsigned int i)
{
	ssize_t n;
	size_t len;

	/* MSG_TRUNC: n is the record's real length, even beyond the buffer */
	n = recv(tsrv.clients[i], tsrv.request, sizeof(tsrv.request), MSG_DONTWAIT | MSG_TRUNC);
	if (n < 0)
		return errno == EAGAIN || errno == EINTR;
	if (n == 0)
		return false; /* orderly close */
	len = (size_t)n < sizeof(tsrv.request) ? (size_t)n : sizeof(tsrv.request);
	len = telemetry_request_answer(tsrv.request, len, tsrv.reply, sizeof(tsrv.reply));
	return client_send(tsrv.clients[i], tsrv.reply, len) == 0;
}

static void *
server_main(void *arg)
{
	struct pollfd pfd[2 + TELEMETRY_MAX_CLIENTS];

	(void)arg;
	for (;;) {
		unsigned int nb = tsrv.nb_clients;

		pfd[0] = (struct pollfd){.fd = tsrv.wake_fd, .events = POLLIN};
		pfd[1] = (struct pollfd){.fd = tsrv.listen_fd, .events = POLLIN};
		for (unsigned int i = 0; i < nb; i++)
			pfd[2 + i] = (struct pollfd){.fd = tsrv.clients[i], .events = POLLIN};
		if (poll(pfd, 2 + nb, -1) < 0)
			continue; /* EINTR */
		if (pfd[0].revents != 0)
			break;
		/* backwards: client_drop moves the last client into slot i */
		for (unsigned int i = nb; i-- > 0;) {
			short ev = pfd[2 + i].revents;

			if (ev == 0)
				continue;
			if (!(ev & POLLIN) || !client_serve(i))
				client_drop(i);
		}
		if (pfd[1].revents & POLLIN)
			server_accept();
	}
	while (tsrv.nb_clients > 0)
		client_drop(tsrv.nb_clients - 1);
	return NULL;
}

static int
thread_start_plain(pthread_t *thread, const char *name, const pthread_attr_t *attr,
		   void *(*fn)(void *), void *arg)
{
	int ret = pthread_create(thread, attr, fn, arg);

	if (ret != 0)
		return -ret;
	pthread_setname_np(*thread, name);
	return 0;
}

/* Bind the plain name, or the first free instance name after it. */
static int
server_bind(const char *dir)
{
	char base[sizeof(tsrv.path)];
	int fd = -ENOENT, n;

	n = snprintf(base, sizeof(base), "%s/%s", dir, TELEMETRY_SOCKET_NAME);
	if (n < 0 || (size_t)n + 4 >= sizeof(base)) {
		tlog(TLOG_ERR,
		     "TELEMETRY: runtime directory %s is too long for a socket path; "
		     "set RUNTIME_DIRECTORY to a shorter directory or use --no-telemetry\n",
		     dir);
		return -ENAMETOOLONG;
	}
	for (int inst = 0; inst < TELEMETRY_MAX_INSTANCES; inst++) {
		/* base leaves room for ":NN" (checked above) */
		memcpy(tsrv.path, base, (size_t)n + 1);
		if (inst > 0)
			sprintf(tsrv.path + n, ":%d", inst);
		fd = sock_listen_at(tsrv.path);
		if (fd != -EADDRINUSE)
			break;
	}
	if (fd == -EADDRINUSE) {
		tlog(TLOG_ERR,
		     "TELEMETRY: %s and its %d instance names are used by running "
		     "processes; give this application its own --file-prefix or use "
		     "--no-telemetry\n",
		     base, TELEMETRY_MAX_INSTANCES - 1);
	} else if (fd == -EEXIST) {
		tlog(TLOG_ERR,
		     "TELEMETRY: %s exists and is not a socket; remove it or use "
		     "another --file-prefix\n",
		     tsrv.path);
	} else if (fd < 0) {
		tlog(TLOG_ERR,
		     "TELEMETRY: cannot listen on %s: %s; check the runtime "
		     "directory or use --no-telemetry\n",
		     tsrv.path, strerror(-fd));
	} else if (strcmp(tsrv.path, base) != 0) {
		tlog(TLOG_NOTICE,
		     "TELEMETRY: %s is used by another process with the same "
		     "--file-prefix; this one answers on %s (dpdk-telemetry.py -i %s)\n",
		     base, tsrv.path, tsrv.path + strlen(base) + 1);
	}
	if (fd < 0)
		tsrv.path[0] = '\0';
	return fd;
}

int
telemetry_init(const struct telemetry_config *cfg)
{
	telemetry_thread_fn start;
	int ret;

	if (tsrv.running)
		return -EALREADY;
	if (cfg == NULL || cfg->runtime_dir == NULL || cfg->runtime_dir[0] == '\0')
		return -EINVAL;
	tsrv.log = cfg->log;
	telemetry_commands_set_version(cfg->version);
	snprintf(tsrv.greeting, sizeof(tsrv.greeting),
		 "{\"version\":\"%s\",\"pid\":%d,\"max_output_len\":%d}",
		 cfg->version != NULL ? cfg->version : "", (int)getpid(), TELEMETRY_MAX_OUTPUT_LEN);

	tsrv.listen_fd = server_bind(cfg->runtime_dir);
	if (tsrv.listen_fd < 0)
		return tsrv.listen_fd;
	tsrv.wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (tsrv.wake_fd < 0) {
		ret = -errno;
		goto out_unbind;
	}
	tsrv.nb_clients = 0;
	start = cfg->thread_create != NULL ? cfg->thread_create : thread_start_plain;
	ret = start(&tsrv.thread, "telemetry-v2", NULL, server_main, NULL);
	if (ret < 0)
		goto out_wake;
	tsrv.owner = getpid();
	tsrv.running = true;
	return 0;

out_wake:
	close(tsrv.wake_fd);
	tsrv.wake_fd = -1;
out_unbind:
	tlog(TLOG_ERR, "TELEMETRY: cannot start the telemetry thread: %s; use --no-telemetry\n",
	     strerror(-ret));
	close(tsrv.listen_fd);
	tsrv.listen_fd = -1;
	unlink(tsrv.path);
	tsrv.path[0] = '\0';
	return ret;
}

void
telemetry_cleanup(void)
{
	uint64_t one = 1;

	if (!tsrv.running)
		return;
	tsrv.running = false;
	if (tsrv.owner == getpid()) {
		/* the thread sees the eventfd, closes its clients and returns */
		if (write(tsrv.wake_fd, &one, sizeof(one)) == sizeof(one))
			pthread_join(tsrv.thread, NULL);
		unlink(tsrv.path);
	}
	close(tsrv.wake_fd);
	close(tsrv.listen_fd);
	tsrv.wake_fd = -1;
	tsrv.listen_fd = -1;
	tsrv.path[0] = '\0';
}

const char *
telemetry_socket_path(void)
{
	return tsrv.path;
}
