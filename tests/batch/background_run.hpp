// The real `perfreport` running beside the test, so that the test can stop
// it mid-sweep (SIGTERM, SIGKILL) and see what it leaves.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace perfreport::test {

class BackgroundRun {
public:
    // Starts PERFREPORT_EXE with `args`, stdout and stderr into `log`.
    BackgroundRun(const std::vector<std::string>& args, const std::filesystem::path& log)
    {
        std::vector<std::string> words{PERFREPORT_EXE};
        words.insert(words.end(), args.begin(), args.end());
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(fd, STDOUT_FILENO);
            ::dup2(fd, STDERR_FILENO);
            ::unsetenv("PERFREPORT_PLUGIN_PATH");
            std::vector<char*> argv;
            for (auto& word : words) argv.push_back(word.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
    }
    BackgroundRun(const BackgroundRun&) = delete;
    BackgroundRun& operator=(const BackgroundRun&) = delete;

    ~BackgroundRun()
    {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }

    // Polls `condition` every 10 ms while the command runs; false when the
    // command ended first or `limit` passed.
    bool wait_until(const std::function<bool()>& condition, std::chrono::seconds limit = std::chrono::seconds(60))
    {
        const auto end = std::chrono::steady_clock::now() + limit;
        while (std::chrono::steady_clock::now() < end) {
            if (condition()) return true;
            if (::waitpid(pid_, &status_, WNOHANG) == pid_) {
                pid_ = -1;
                return condition();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return false;
    }

    void send(int signal_number) const
    {
        if (pid_ > 0) ::kill(pid_, signal_number);
    }

    // The exit code, or 128 + the signal that ended it.
    int wait()
    {
        if (pid_ > 0) {
            ::waitpid(pid_, &status_, 0);
            pid_ = -1;
        }
        return WIFEXITED(status_) ? WEXITSTATUS(status_) : 128 + WTERMSIG(status_);
    }

private:
    pid_t pid_ = -1;
    int status_ = 0;
};

}  // namespace perfreport::test
