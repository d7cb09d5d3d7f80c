// SPEC 2.1's text summary (the seed's build_text), read from the report
// header: what `perfreport run` prints and the text exporter writes.
#pragma once

#include <cstddef>
#include <string>

#include <boost/json/object.hpp>

#include "perfreport/sdk/append_format.hpp"
#include "perfreport/sdk/printable.hpp"
#include "perfreport/sdk/summary_values.hpp"

namespace perfreport {

// `top_n` is the option, which the heading shows even when fewer ops exist.
inline std::string build_text(const boost::json::object& header, long long top_n)
{
    const boost::json::object& p = object_at(header, "performance", "header");
    const boost::json::object& b = object_at(header, "bottleneck", "header");
    const auto perf = [&p](const char* key) { return number(p, key, "performance"); };
    const auto count = [&b](const char* key) { return integer(b, key, "bottleneck"); };
    std::string out;

    const double total = perf("total_time_ms");
    append_format(out, "=== Performance Summary (granularity: %s) ===\n",
                  printable(text(header, "granularity", "header")).c_str());
    append_format(out, "Total Time: %.2f ms\n", total);
    append_format(out, "TTFT: %.2f ms | TPOT: %.2f ms | TPS: %.2f\n", perf("ttft_ms"), perf("tpot_ms"), perf("tps"));
    append_format(out, "MFU: %.2f%% | MBU: %.2f%%\n", 100.0 * perf("mfu"), 100.0 * perf("mbu"));
    append_format(out, "Memory Peak: %.2f MB\n", perf("memory_peak_mb"));

    out += "\n--- Time Breakdown ---\n";
    const auto share = [total](double x) { return total > 0 ? 100.0 * x / total : 0.0; };
    const double compute = perf("compute_time_ms");
    const double comm = perf("comm_time_ms");
    const double wait = perf("wait_time_ms");
    append_format(out, "Compute: %.2f ms (%.1f%%)\n", compute, share(compute));
    append_format(out, "Comm:    %.2f ms (%.1f%%)\n", comm, share(comm));
    append_format(out, "Wait:    %.2f ms (%.1f%%)\n", wait, share(wait));

    out += "\n--- Bottleneck Summary ---\n";
    append_format(out, "Compute Bound: %lld\n", count("compute_bound_count"));
    append_format(out, "BW Bound:      %lld\n", count("bw_bound_count"));
    append_format(out, "Latency Bound: %lld\n", count("latency_bound_count"));
    append_format(out, "Unknown:       %lld\n", count("unknown_count"));

    const boost::json::value& top_ops = member(b, "top_ops", "bottleneck");
    if (!top_ops.is_array()) throw wrong_type("top_ops", "bottleneck", "an array");
    if (top_ops.get_array().empty()) return out;
    append_format(out, "\n--- Top %lld Ops by Time ---\n", top_n);
    std::size_t rank = 1;
    for (const boost::json::value& op : top_ops.get_array()) {
        if (!op.is_object()) throw wrong_type("top_ops[]", "bottleneck", "an object");
        const boost::json::object& o = op.get_object();
        append_format(out, "  %zu. %s: %.4f ms (%s)\n", rank++, printable(text(o, "op_id", "top op")).c_str(),
                      number(o, "t_total_ms", "top op"), text(o, "bottleneck", "top op").c_str());
    }
    return out;
}

}  // namespace perfreport
