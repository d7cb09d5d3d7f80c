// The sweep's progress on stderr: on a terminal one line redrawn in place
// (done/total, failures, rate, ETA); otherwise (a log file, a Slurm output)
// one line every few seconds; nothing when quiet. Each call comes from the
// pipeline's serial stage, one at a time.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace perfreport {

struct ProgressCounts {
    std::size_t done = 0;    // inputs with an outcome, reused ones included
    std::size_t failed = 0;
    std::size_t reused = 0;  // unchanged since the last run: not redone
};

class ProgressReporter {
public:
    enum class Mode { quiet, terminal, lines };

    // terminal when `stream` is one, else lines; quiet when asked.
    static Mode mode_for(bool quiet, std::FILE* stream);

    ProgressReporter(Mode mode, std::size_t total, std::FILE* stream = stderr,
                     std::chrono::milliseconds line_interval = std::chrono::seconds(5));

    void update(const ProgressCounts& counts);

    // A line of its own (a failure, a notice), printed unless quiet.
    void message(std::string_view line);

    // The last progress line, whatever the time since the previous one.
    void finish();

    // "12/40 done, 1 failed, 3.5 inputs/s, ETA 8 s"
    std::string status_text() const;

private:
    using Clock = std::chrono::steady_clock;

    void draw();

    Mode mode_;
    std::size_t total_;
    std::FILE* stream_;
    std::chrono::milliseconds interval_;
    Clock::time_point start_ = Clock::now();
    Clock::time_point last_draw_{};
    ProgressCounts counts_;
    bool line_open_ = false;  // a terminal line waiting to be redrawn
};

}  // namespace perfreport
