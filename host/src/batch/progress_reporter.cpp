#include "progress_reporter.hpp"

#include <cmath>
#include <unistd.h>

namespace perfreport {
namespace {

constexpr auto terminal_interval = std::chrono::milliseconds(100);

std::string duration_text(double seconds)
{
    const long whole = std::lround(seconds);
    if (whole < 60) return std::to_string(whole) + " s";
    const long minutes = whole / 60;
    if (minutes < 60) return std::to_string(minutes) + " min " + std::to_string(whole % 60) + " s";
    return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

std::string rate_text(double rate)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", rate);
    return text;
}

}  // namespace

ProgressReporter::Mode ProgressReporter::mode_for(bool quiet, std::FILE* stream)
{
    if (quiet) return Mode::quiet;
    return ::isatty(::fileno(stream)) != 0 ? Mode::terminal : Mode::lines;
}

ProgressReporter::ProgressReporter(Mode mode, std::size_t total, std::FILE* stream,
                                   std::chrono::milliseconds line_interval)
    : mode_(mode), total_(total), stream_(stream), interval_(line_interval)
{
}

std::string ProgressReporter::status_text() const
{
    std::string text = std::to_string(counts_.done) + "/" + std::to_string(total_) + " done";
    if (counts_.failed > 0) text += ", " + std::to_string(counts_.failed) + " failed";
    if (counts_.reused > 0) text += ", " + std::to_string(counts_.reused) + " unchanged";
    // The rate counts only inputs processed in this run: reused ones cost nothing.
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    const std::size_t processed = counts_.done - counts_.reused;
    if (processed > 0 && seconds > 0) {
        const double rate = static_cast<double>(processed) / seconds;
        text += ", " + rate_text(rate) + " inputs/s";
        if (counts_.done < total_) text += ", ETA " + duration_text(static_cast<double>(total_ - counts_.done) / rate);
    }
    return text;
}

void ProgressReporter::update(const ProgressCounts& counts)
{
    counts_ = counts;
    if (mode_ == Mode::quiet) return;
    const auto interval = mode_ == Mode::terminal ? terminal_interval : interval_;
    if (Clock::now() - last_draw_ >= interval) draw();
}

void ProgressReporter::message(std::string_view line)
{
    if (mode_ == Mode::quiet) return;
    if (line_open_) std::fputs("\r\033[K", stream_);
    std::fprintf(stream_, "%.*s\n", static_cast<int>(line.size()), line.data());
    line_open_ = false;
    if (mode_ == Mode::terminal) draw();
}

void ProgressReporter::finish()
{
    if (mode_ == Mode::quiet) return;
    draw();
    if (line_open_) std::fputc('\n', stream_);
    line_open_ = false;
    std::fflush(stream_);
}

void ProgressReporter::draw()
{
    last_draw_ = Clock::now();
    if (mode_ == Mode::terminal) {
        std::fprintf(stream_, "\r\033[K%s", status_text().c_str());
        line_open_ = true;
    } else {
        std::fprintf(stream_, "progress: %s\n", status_text().c_str());
    }
    std::fflush(stream_);
}

}  // namespace perfreport
