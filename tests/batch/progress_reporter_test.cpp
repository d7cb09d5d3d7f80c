// The progress line: what it says, and where and how often it is printed.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "batch/progress_reporter.hpp"

namespace perfreport {
namespace {

class Captured {
public:
    Captured() : file_(std::tmpfile(), &std::fclose) {}
    std::FILE* get() const { return file_.get(); }
    std::string text() const
    {
        std::fflush(file_.get());
        std::rewind(file_.get());
        std::string out;
        char buffer[256];
        while (const std::size_t got = std::fread(buffer, 1, sizeof buffer, file_.get())) out.append(buffer, got);
        return out;
    }

private:
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
};

TEST(ProgressReporter, SaysDoneFailedUnchangedRateAndEta)
{
    Captured stream;
    ProgressReporter progress(ProgressReporter::Mode::lines, 10, stream.get(), std::chrono::hours(1));
    progress.update({4, 1, 2});
    const std::string status = progress.status_text();
    EXPECT_EQ(status.rfind("4/10 done, 1 failed, 2 unchanged, ", 0), 0u) << status;
    EXPECT_NE(status.find(" inputs/s, ETA "), std::string::npos) << status;
}

TEST(ProgressReporter, LinesComeAtMostOncePerIntervalAndAtTheEnd)
{
    Captured stream;
    ProgressReporter progress(ProgressReporter::Mode::lines, 3, stream.get(), std::chrono::hours(1));
    progress.update({1, 0, 0});
    progress.update({2, 0, 0});  // within the interval: not printed
    progress.message("failed: x: reason");
    progress.update({3, 1, 0});
    progress.finish();
    const std::string text = stream.text();
    EXPECT_EQ(text.rfind("progress: 1/3 done", 0), 0u) << text;
    EXPECT_EQ(text.find("progress: 2/3"), std::string::npos) << text;
    EXPECT_NE(text.find("\nfailed: x: reason\nprogress: 3/3 done, 1 failed"), std::string::npos) << text;
    EXPECT_EQ(text.find('\r'), std::string::npos);
}

TEST(ProgressReporter, ATerminalLineIsRedrawnInPlaceAndQuietSaysNothing)
{
    Captured terminal;
    ProgressReporter drawn(ProgressReporter::Mode::terminal, 2, terminal.get());
    drawn.update({1, 0, 0});
    drawn.message("failed: y: reason");
    drawn.finish();
    const std::string text = terminal.text();
    EXPECT_EQ(text.rfind("\r\033[K1/2 done", 0), 0u) << text;
    EXPECT_NE(text.find("\r\033[Kfailed: y: reason\n\r\033[K1/2 done"), std::string::npos) << text;
    EXPECT_EQ(text.back(), '\n');

    Captured silent;
    ProgressReporter quiet(ProgressReporter::Mode::quiet, 2, silent.get());
    quiet.update({2, 1, 0});
    quiet.message("failed: z");
    quiet.finish();
    EXPECT_EQ(silent.text(), "");
}

}  // namespace
}  // namespace perfreport
