// One batch run at a time per output folder: an exclusive lock on OUT/.lock
// (flock), which the system releases when the process ends, however it ends.
#pragma once

#include <filesystem>

namespace perfreport {

class OutputLock {
public:
    // Throws OutputError when the folder cannot be made or another process
    // holds the lock.
    explicit OutputLock(const std::filesystem::path& out);
    ~OutputLock();
    OutputLock(const OutputLock&) = delete;
    OutputLock& operator=(const OutputLock&) = delete;

private:
    int fd_ = -1;
};

}  // namespace perfreport
