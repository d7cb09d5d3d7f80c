// Reading an EngineResult (SPEC 1): one streaming pass over the file that
// fills the step columns and checks every rule of SPEC 1.8.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

#include "diagnostic.hpp"
#include "engine_result.hpp"

namespace perfreport {

struct ParseOptions {
    bool keep_raw_meta = false;          // fill EngineResult::raw_meta
    std::size_t max_errors_per_code = 200;  // findings kept per code; then "... and N more CODE"
};

struct ParseOutcome {
    std::optional<EngineResult> result;  // set iff there is no error
    Diagnostics diagnostics;             // errors and warnings in input order, source "input"
};

// Feeds an EngineResult in pieces of any size (a file read in chunks, or a
// test cutting a text into 7-byte pieces); the outcome does not depend on
// where the cuts fall.
class EngineResultParser {
public:
    // `size_hint`: the input's size in bytes if known, to reserve the columns.
    explicit EngineResultParser(const ParseOptions& options = {}, std::size_t size_hint = 0);
    ~EngineResultParser();
    EngineResultParser(const EngineResultParser&) = delete;
    EngineResultParser& operator=(const EngineResultParser&) = delete;

    // The next piece. Returns false once more input cannot change the outcome
    // (the text is not JSON); the caller may stop reading then.
    bool write(std::string_view piece);
    // After the last piece.
    ParseOutcome finish();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

// An unreadable file gives E_IO "cannot read FILE: reason" (where "").
ParseOutcome parse_engine_result_file(const std::filesystem::path& path, const ParseOptions& options = {});
ParseOutcome parse_engine_result_text(std::string_view text, const ParseOptions& options = {});

}  // namespace perfreport
