#include "diagnostic_collector.hpp"

#include <algorithm>
#include <tuple>

namespace perfreport {

namespace {

bool earlier(const InputPosition& at, std::uint64_t arrival, const InputPosition& other_at,
             std::uint64_t other_arrival)
{
    return std::tie(at, arrival) < std::tie(other_at, other_arrival);
}

}  // namespace

DiagnosticCollector::Bucket& DiagnosticCollector::bucket_for(std::string_view code, Severity level)
{
    for (auto& bucket : buckets_) {
        if (bucket.code == code) return bucket;
    }
    return buckets_.emplace_back(Bucket{std::string(code), level, {}, 0});
}

bool DiagnosticCollector::admit(Bucket& bucket, const InputPosition& at)
{
    if (bucket.kept.size() < max_per_code_) return true;
    // Full: a finding made late but sitting earlier in the input displaces the last one.
    if (!bucket.kept.empty() && at < bucket.kept.back().at) {
        bucket.kept.pop_back();
        ++bucket.dropped;
        return true;
    }
    ++bucket.dropped;
    return false;
}

void DiagnosticCollector::keep(Bucket& bucket, Entry entry)
{
    const auto position = std::upper_bound(
        bucket.kept.begin(), bucket.kept.end(), entry,
        [](const Entry& a, const Entry& b) { return earlier(a.at, a.arrival, b.at, b.arrival); });
    bucket.kept.insert(position, std::move(entry));
}

bool DiagnosticCollector::has_errors() const
{
    return std::any_of(buckets_.begin(), buckets_.end(), [](const Bucket& b) {
        return b.level == Severity::error && (!b.kept.empty() || b.dropped > 0);
    });
}

Diagnostics DiagnosticCollector::take()
{
    std::vector<Entry> all;
    for (auto& bucket : buckets_) {
        for (auto& entry : bucket.kept) all.push_back(std::move(entry));
        bucket.kept.clear();
    }
    std::sort(all.begin(), all.end(),
              [](const Entry& a, const Entry& b) { return earlier(a.at, a.arrival, b.at, b.arrival); });

    Diagnostics out;
    out.reserve(all.size() + buckets_.size());
    for (auto& entry : all) out.push_back(std::move(entry.diagnostic));
    // The summary line of a code goes right after its last kept finding.
    for (const auto& bucket : buckets_) {
        if (bucket.dropped == 0) continue;
        const auto last = std::find_if(out.rbegin(), out.rend(),
                                       [&](const Diagnostic& d) { return d.code == bucket.code; });
        const auto position = last == out.rend() ? out.end() : last.base();
        out.insert(position, Diagnostic{bucket.level, bucket.code, "input", "",
                                        "... and " + std::to_string(bucket.dropped) + " more " + bucket.code});
    }
    buckets_.clear();
    return out;
}

}  // namespace perfreport
