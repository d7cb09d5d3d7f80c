// Findings about the input, kept in input order and capped per code (SPEC 1.8).
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostic.hpp"

namespace perfreport {

// Where a finding sits in the document, for ordering only. Findings made at the
// end (e.g. pp_stage against a context that came later) sort where their
// subject is, not where they were found.
struct InputPosition {
    std::uint32_t member = 0;  // ordinal of the top-level member
    std::uint64_t step = 0;    // index in step_metrics, 0 elsewhere
    std::uint32_t event = 0;   // ordinal of the key or value inside that member or step
    auto operator<=>(const InputPosition&) const = default;
};

class DiagnosticCollector {
public:
    explicit DiagnosticCollector(std::size_t max_per_code) : max_per_code_(max_per_code) {}

    // Keeps the finding unless its code already holds `max_per_code` earlier
    // ones. `where()` and `message()` are only called for a kept finding, so a
    // million bad steps cost no strings.
    template <class Where, class Message>
    void add(InputPosition at, Severity level, std::string_view code, Where&& where, Message&& message)
    {
        Bucket& bucket = bucket_for(code, level);
        if (!admit(bucket, at)) return;
        keep(bucket, Entry{at, arrivals_++, Diagnostic{level, std::string(code), "input", where(), message()}});
    }

    bool has_errors() const;

    // All kept findings in input order; after the last one of a code that
    // dropped some, one line "... and N more CODE".
    Diagnostics take();

private:
    struct Entry {
        InputPosition at;
        std::uint64_t arrival = 0;  // ties keep the order of discovery
        Diagnostic diagnostic;
    };
    struct Bucket {
        std::string code;
        Severity level = Severity::error;
        std::vector<Entry> kept;  // sorted by (at, arrival)
        std::uint64_t dropped = 0;
    };

    Bucket& bucket_for(std::string_view code, Severity level);
    bool admit(Bucket& bucket, const InputPosition& at);
    static void keep(Bucket& bucket, Entry entry);

    std::size_t max_per_code_;
    std::uint64_t arrivals_ = 0;
    std::vector<Bucket> buckets_;  // a few dozen codes at most: a linear search is enough
};

}  // namespace perfreport
