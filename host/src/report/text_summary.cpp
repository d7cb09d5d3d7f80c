#include "text_summary.hpp"

#include <cstdarg>
#include <cstdio>

namespace perfreport {
namespace {

void append(std::string& out, const char* format, ...) __attribute__((format(printf, 2, 3)));

void append(std::string& out, const char* format, ...)
{
    char line[1024];
    va_list args;
    va_start(args, format);
    std::vsnprintf(line, sizeof line, format, args);
    va_end(args);
    out += line;
}

double number(const boost::json::object& object, const char* key)
{
    return object.at(key).to_number<double>();
}

}  // namespace

std::string build_text(const ReportingReport& report, int64_t top_n)
{
    const auto& p = report.performance;
    const auto& b = report.bottleneck;
    std::string out;
    const double total = number(p, "total_time_ms");
    append(out, "=== Performance Summary (granularity: %s) ===\n", report.granularity.c_str());
    append(out, "Total Time: %.2f ms\n", total);
    append(out, "TTFT: %.2f ms | TPOT: %.2f ms | TPS: %.2f\n", number(p, "ttft_ms"),
           number(p, "tpot_ms"), number(p, "tps"));
    append(out, "MFU: %.2f%% | MBU: %.2f%%\n", 100.0 * number(p, "mfu"), 100.0 * number(p, "mbu"));
    append(out, "Memory Peak: %.2f MB\n", number(p, "memory_peak_mb"));

    out += "\n--- Time Breakdown ---\n";
    const auto share = [total](double x) { return total > 0 ? 100.0 * x / total : 0.0; };
    const double compute = number(p, "compute_time_ms");
    const double comm = number(p, "comm_time_ms");
    const double wait = number(p, "wait_time_ms");
    append(out, "Compute: %.2f ms (%.1f%%)\n", compute, share(compute));
    append(out, "Comm:    %.2f ms (%.1f%%)\n", comm, share(comm));
    append(out, "Wait:    %.2f ms (%.1f%%)\n", wait, share(wait));

    out += "\n--- Bottleneck Summary ---\n";
    append(out, "Compute Bound: %lld\n", static_cast<long long>(b.at("compute_bound_count").as_int64()));
    append(out, "BW Bound:      %lld\n", static_cast<long long>(b.at("bw_bound_count").as_int64()));
    append(out, "Latency Bound: %lld\n", static_cast<long long>(b.at("latency_bound_count").as_int64()));
    append(out, "Unknown:       %lld\n", static_cast<long long>(b.at("unknown_count").as_int64()));

    const auto& top_ops = b.at("top_ops").as_array();
    if (!top_ops.empty()) {
        append(out, "\n--- Top %lld Ops by Time ---\n", static_cast<long long>(top_n));
        std::size_t rank = 1;
        for (const auto& op : top_ops) {
            const auto& o = op.as_object();
            append(out, "  %zu. %s: %.4f ms (%s)\n", rank++, o.at("op_id").as_string().c_str(),
                   number(o, "t_total_ms"), o.at("bottleneck").as_string().c_str());
        }
    }
    return out;
}

}  // namespace perfreport
