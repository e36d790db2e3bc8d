#include "bench/child.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace planc::bench {
namespace {

// The child being waited for, for the alarm handler.
volatile pid_t running_child = 0;
volatile sig_atomic_t alarm_fired = 0;

void OnAlarm(int) {
  alarm_fired = 1;
  if (running_child > 0) kill(running_child, SIGKILL);
}

// Sends a child's stream `fd` to `path` ("" /dev/null, "-" unchanged).
bool Redirect(int fd, const std::string& path) {
  if (path == "-") return true;
  int to = open(path.empty() ? "/dev/null" : path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  return to >= 0 && dup2(to, fd) >= 0;
}

}  // namespace

Measure Run(const std::vector<std::string>& args, const std::string& out, const std::string& err,
            unsigned timeout, long memory_mib) {
  static const bool installed = [] {
    struct sigaction action {};
    action.sa_handler = OnAlarm;
    sigaction(SIGALRM, &action, nullptr);  // no SA_RESTART: wait4 returns EINTR
    return true;
  }();
  (void)installed;
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  Measure m;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid < 0) return m;
  if (pid == 0) {
    if (!Redirect(1, out) || !Redirect(2, err)) _exit(127);
    if (memory_mib > 0) {
      rlimit limit{};
      limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(memory_mib) << 20;
      setrlimit(RLIMIT_AS, &limit);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  running_child = pid;
  alarm_fired = 0;
  alarm(timeout);
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  alarm(0);
  running_child = 0;
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                  static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  m.peak_kib = usage.ru_maxrss;
  m.timed_out = alarm_fired != 0;
  if (WIFEXITED(status)) m.status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) m.signal = WTERMSIG(status);
  return m;
}

}  // namespace planc::bench
