// Files inside one output folder, written atomically: a temporary file that
// is renamed to its final name on commit, so no reader ever sees half a file.
#pragma once

#include <perfreport/abi.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// The opaque handle of the ABI, defined here.
struct PR_OutputFile {
    int fd = -1;              // -1 for a file the plugin writes through its path
    bool by_path = false;     // opened with open_path
    std::filesystem::path temporary;
    std::filesystem::path final_path;
    std::string relative;
};

namespace perfreport {

class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class OutputDirectory {
public:
    // Creates `root` when missing; throws OutputError when that is impossible
    // (a file in the way, no permission).
    explicit OutputDirectory(std::filesystem::path root);

    const std::filesystem::path& root() const { return root_; }

    // Each throws OutputError with a message naming the file. [thread-safe]
    std::unique_ptr<PR_OutputFile> open(std::string_view relative_path);
    // A file the caller writes itself, through `temporary` (for a library
    // that needs a path): created empty and closed; write() refuses it.
    std::unique_ptr<PR_OutputFile> open_path(std::string_view relative_path);
    void write(PR_OutputFile& file, const void* data, uint64_t size);
    void commit(PR_OutputFile& file);
    void abort(PR_OutputFile& file) noexcept;

    // open, write and commit `text` at once; aborts on failure. [thread-safe]
    void write_whole(std::string_view relative_path, std::string_view text);

    // Relative paths committed so far, in commit order.
    std::vector<std::string> committed() const;

private:
    std::filesystem::path root_;
    mutable std::mutex mutex_;
    std::set<std::string> claimed_;
    std::vector<std::string> committed_;
};

}  // namespace perfreport
