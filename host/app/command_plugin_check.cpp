// perfreport plugins --check LIB: the check runs in a child process, in a
// sandbox of its own, so that a plugin that crashes or hangs is reported
// like any other problem rather than taking the command down.
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <sys/mman.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "../src/check/plugin_check.hpp"
#include "../src/check/sample_input.hpp"
#include "cli_support.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

namespace perfreport::cli {
namespace fs = std::filesystem;
namespace {

// The folders the plugin runs in: an empty current folder, a HOME and a
// TMPDIR of its own (with the XDG folders under that HOME), and the output
// folders; all under one temporary folder that the check watches and the
// parent removes.
class Sandbox {
public:
    Sandbox()
    {
        std::string pattern = (fs::temp_directory_path() / "perfreport-check-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create a sandbox folder: " + std::string(std::strerror(errno)));
        root_ = pattern;
        for (const char* folder : {"cwd", "home", "tmp"}) fs::create_directory(root_ / folder);
    }
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;
    ~Sandbox()
    {
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }

    const fs::path& root() const { return root_; }

    // In the child, before any thread starts: setenv is not thread-safe.
    void enter() const
    {
        const fs::path home = root_ / "home";
        fs::current_path(root_ / "cwd");
        ::setenv("HOME", home.c_str(), 1);
        ::setenv("TMPDIR", (root_ / "tmp").c_str(), 1);
        ::setenv("XDG_CACHE_HOME", (home / ".cache").c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (home / ".config").c_str(), 1);
        ::setenv("XDG_DATA_HOME", (home / ".local/share").c_str(), 1);
        ::setenv("XDG_STATE_HOME", (home / ".local/state").c_str(), 1);
    }

private:
    fs::path root_;
};

// The step the child is at, in memory both processes see, so that the parent
// can name it when the child dies or hangs.
class SharedStep {
public:
    SharedStep()
    {
        void* memory = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (memory == MAP_FAILED) throw std::runtime_error("cannot share memory with the check: " + std::string(std::strerror(errno)));
        text_ = static_cast<char*>(memory);
        text_[0] = '\0';
    }
    SharedStep(const SharedStep&) = delete;
    SharedStep& operator=(const SharedStep&) = delete;
    ~SharedStep() { ::munmap(text_, size); }

    void set(const std::string& step) const
    {
        const std::size_t length = std::min(step.size(), size - 1);
        std::memcpy(text_, step.data(), length);
        text_[length] = '\0';
    }
    std::string get() const { return text_; }

private:
    static constexpr std::size_t size = 512;
    char* text_ = nullptr;
};

std::string read_sample(const std::string& input)
{
    std::ifstream in(input, std::ios::binary);
    if (!in) throw UsageError("--input " + input + " cannot be read: " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const char* prefix(CheckFinding::Kind kind)
{
    switch (kind) {
    case CheckFinding::Kind::ok: return "ok: ";
    case CheckFinding::Kind::note: return "note: ";
    case CheckFinding::Kind::problem: return "problem: ";
    case CheckFinding::Kind::info: break;
    }
    return "";
}

// The child: runs the check and prints its account line by line.
int run_check(PluginCheckRequest request, const Sandbox& sandbox, const SharedStep& step)
{
    sandbox.enter();
    std::cout << "sandbox: " << sandbox.root().string() << ", with cwd/ the current folder, home/ the HOME and tmp/ the TMPDIR of the plugin" << std::endl;
    request.on_step = [&step](const std::string& what) { step.set(what); };
    try {
        const std::size_t problems = check_plugin(request, [](const CheckFinding& finding) {
            std::cout << prefix(finding.kind) << finding.text << std::endl;
        });
        return problems == 0 ? exit_ok : exit_part_failed;
    } catch (const CheckInputError& e) {
        std::cerr << "perfreport: " << e.what() << std::endl;
        return exit_bad_input;
    } catch (const std::exception& e) {
        std::cout << "problem: the check stopped during " << step.get() << ": " << e.what() << std::endl;
        return exit_part_failed;
    }
}

// The parent: waits for the child at most `timeout`; the exit code, or what
// became of it.
int wait_for_check(pid_t child, std::chrono::seconds timeout, const SharedStep& step)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (::waitpid(child, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            std::cout << "problem: " << step.get() << " did not finish within " << timeout.count()
                      << " s; the check was stopped\nresult: the check did not finish" << std::endl;
            return exit_part_failed;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    const int signal = WTERMSIG(status);
    std::cout << "problem: the plugin crashed the check during " << step.get() << " (signal " << signal << ", "
              << ::strsignal(signal) << ")\nresult: the check did not finish" << std::endl;
    return exit_part_failed;
}

}  // namespace

int check_plugin_command(const std::string& library, const std::string& input, int timeout_seconds)
{
    if (timeout_seconds <= 0) throw UsageError("--timeout must be a positive number of seconds");
    std::error_code ec;
    if (!fs::is_regular_file(library, ec)) throw UsageError("--check " + library + ": no such file");
    PluginCheckRequest request;
    request.library = fs::absolute(library).lexically_normal();
    request.sample_text = input.empty() ? std::string(built_in_sample()) : read_sample(input);
    request.sample_label = input.empty() ? std::string(built_in_sample_label) : input;
    const Sandbox sandbox;
    request.sandbox = sandbox.root();
    const SharedStep step;
    std::cout.flush();
    std::cerr.flush();
    const pid_t child = ::fork();
    if (child < 0) throw std::runtime_error(std::string("cannot start the check: ") + std::strerror(errno));
    if (child == 0) {
        // _Exit: the parent owns the sandbox; the plugins' static destructors
        // and the thread pools of the libraries they loaded are left alone.
        const int code = run_check(std::move(request), sandbox, step);
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return wait_for_check(child, std::chrono::seconds(timeout_seconds), step);
}

}  // namespace perfreport::cli
