// The host side of PR_SectionSink: copies what one analyzer hands over.
#pragma once

#include <perfreport/abi.h>

#include <string>

#include "../input/diagnostic.hpp"
#include "../report/section.hpp"

namespace perfreport {

class SectionCollector {
public:
    explicit SectionCollector(std::string analyzer_id);
    SectionCollector(const SectionCollector&) = delete;
    SectionCollector& operator=(const SectionCollector&) = delete;

    const PR_SectionSink* sink() const { return &sink_; }

    // The finished section; throws std::invalid_argument when the analyzer
    // handed over no summary or a table whose name clashes with a summary key.
    Section take_section();
    Diagnostics& diagnostics() { return diagnostics_; }

private:
    static PR_Status set_summary(const PR_SectionSink* sink, PR_StringView json, PR_Error* error);
    static PR_Status append_table(const PR_SectionSink* sink, const PR_Table* rows, PR_Error* error);
    static void diagnostic(const PR_SectionSink* sink, int32_t level, const char* code,
                           const char* where, const char* message);

    PR_Status take_summary(PR_StringView json, PR_Error* error);
    PR_Status take_rows(const PR_Table* rows, PR_Error* error);

    PR_SectionSink sink_{};
    Section section_;
    bool has_summary_ = false;
    Diagnostics diagnostics_;
};

}  // namespace perfreport
