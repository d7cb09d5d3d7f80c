// A CSV file being written through the host: rows accumulate in a buffer
// that moves to the file once it holds about 1 MiB, so memory stays bounded.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "perfreport/sdk.hpp"

namespace perfreport::csv_export {

class CsvFile {
public:
    CsvFile(HostServices host, std::string_view path) : host_(host), file_(host.open_output(path)) {}

    // The text of the row being written; cells are appended here, each after
    // a comma but the first.
    std::string& text() noexcept { return text_; }

    void end_row()
    {
        text_ += '\n';
        if (text_.size() < flush_bytes) return;
        host_.throw_if_cancelled();
        file_.write(text_);
        text_.clear();
    }

    void commit()
    {
        file_.write(text_);
        text_.clear();
        file_.commit();
    }

private:
    static constexpr std::size_t flush_bytes = 1 << 20;

    HostServices host_;
    OutputFile file_;
    std::string text_;
};

}  // namespace perfreport::csv_export
