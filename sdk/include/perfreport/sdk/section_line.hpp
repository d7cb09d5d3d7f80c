// One line per analyzer section: the figure a reader looks for first in each
// (what the text exporter and `perfreport run`-style summaries list).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/append_format.hpp"
#include "perfreport/sdk/columns.hpp"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/printable.hpp"
#include "perfreport/sdk/report_view.hpp"
#include "perfreport/sdk/summary_values.hpp"
#include "perfreport/sdk/table_view.hpp"

namespace perfreport {
namespace section_lines {

// SPEC 0: "MB" is 2^20 bytes.
inline constexpr double bytes_per_mb = 1048576.0;

inline TableView required_table(const SectionView& section, std::string_view name)
{
    if (auto table = section.find_table(name)) return *table;
    throw Failure(PR_ERR_INVALID_INPUT, "section " + std::string{section.id()} + " has no table " + std::string{name});
}

// SPEC 2.2: what the deployment costs, and per token when there is a rate.
inline std::string cost_line(const SectionView& section)
{
    const boost::json::object& s = section.summary();
    std::string out;
    append_format(out, "cost: total %.2f USD, ", number(s, "total_cost", "cost"));
    if (number(s, "tps", "cost") > 0) {
        append_format(out, "%.2f USD per million tokens", number(s, "cost_per_million_tokens", "cost"));
    } else {
        out += "no cost per token (tps is 0)";
    }
    append_format(out, " (%s x %lld)", printable(text(s, "chip_type", "cost")).c_str(),
                  integer(s, "chip_count", "cost"));
    return out;
}

// SPEC 2.3: the per-chip total against the capacity, when it is known.
inline std::string memory_line(const SectionView& section)
{
    const boost::json::object& s = section.summary();
    std::string out;
    append_format(out, "memory: %.3g GB per chip", number(s, "total_per_chip_gb", "memory"));
    if (member(s, "memory_capacity_gb", "memory").is_null()) {
        out += " (capacity unknown)";
        return out;
    }
    const boost::json::value& sufficient = member(s, "is_memory_sufficient", "memory");
    if (!sufficient.is_bool()) throw wrong_type("is_memory_sufficient", "memory", "a boolean");
    append_format(out, " of %g GB (%s)", number(s, "memory_capacity_gb", "memory"),
                  sufficient.get_bool() ? "fits" : "does not fit");
    return out;
}

// SPEC 2.4: the ridge point and how the plotted ops split around it.
inline std::string roofline_line(const SectionView& section)
{
    const NullableBoolColumn bound = required_table(section, "points").column("is_compute_bound").bools();
    std::size_t compute_bound = 0;
    std::size_t memory_bound = 0;
    for (std::size_t row = 0; row < bound.size(); ++row) {
        if (bound.is_null(row)) continue;
        ++(bound.value(row) ? compute_bound : memory_bound);
    }
    std::string out;
    append_format(out, "roofline: ridge point %.2f FLOP/B; %zu compute-bound, %zu memory-bound ops",
                  number(section.summary(), "ridge_point", "roofline"), compute_bound, memory_bound);
    return out;
}

// SPEC 2.5: how many tasks, over what span (time_range is in µs).
inline std::string gantt_line(const SectionView& section)
{
    const boost::json::object& s = section.summary();
    const boost::json::object& range = object_at(s, "time_range", "gantt");
    const double span_us = number(range, "end", "gantt.time_range") - number(range, "start", "gantt.time_range");
    std::string out;
    append_format(out, "gantt: %lld tasks over %.2f ms", integer(s, "task_count", "gantt"), span_us / 1000.0);
    return out;
}

// SPEC 2.6: the link with the highest utilization (the first on ties).
inline std::string traffic_line(const SectionView& section)
{
    const TableView links = required_table(section, "links");
    const StringColumn ids = links.column("link_id").strings();
    const NullableFloat64Column utilization = links.column("utilization").float64s();
    const double total_mb = number(section.summary(), "total_bytes", "traffic") / bytes_per_mb;
    std::string out;
    std::optional<std::size_t> busiest;
    for (std::size_t row = 0; row < links.row_count(); ++row) {
        if (utilization.is_null(row)) continue;
        if (!busiest || utilization.value(row) > utilization.value(*busiest)) busiest = row;
    }
    if (!busiest) {
        append_format(out, "traffic: no link carried traffic (%.2f MB total)", total_mb);
        return out;
    }
    const std::string id = printable(ids[*busiest]);
    append_format(out, "traffic: busiest link %s at %.2f%% utilization (%.2f MB total over %zu links)", id.c_str(),
                  100.0 * utilization.value(*busiest), total_mb, links.row_count());
    return out;
}

// SPEC 2.7: the size of the front-end payload.
inline std::string compat_line(const SectionView& section)
{
    const boost::json::object& stats = object_at(section.summary(), "stats", "compat");
    const boost::json::value& link_stats = member(stats, "linkTrafficStats", "compat.stats");
    if (!link_stats.is_array()) throw wrong_type("linkTrafficStats", "compat.stats", "an array");
    std::string out;
    append_format(out, "compat: %zu gantt chart tasks, %zu link traffic stats",
                  required_table(section, "gantt_chart.tasks").row_count(), link_stats.get_array().size());
    return out;
}

// A section without its own wording (a third-party analyzer): its shape.
inline std::string generic_line(const SectionView& section)
{
    const std::string id{section.id()};
    std::string out;
    append_format(out, "%s: %zu summary keys, %zu tables", id.c_str(), section.summary().size(),
                  section.table_count());
    return out;
}

}  // namespace section_lines

// "cost: total 100790.20 USD, ...": the bundled sections in their own words,
// any other section as "<id>: N summary keys, M tables".
inline std::string section_line(const SectionView& section)
{
    using namespace section_lines;
    const std::string_view id = section.id();
    if (id == "cost") return cost_line(section);
    if (id == "memory") return memory_line(section);
    if (id == "roofline") return roofline_line(section);
    if (id == "gantt") return gantt_line(section);
    if (id == "traffic") return traffic_line(section);
    if (id == "compat") return compat_line(section);
    return generic_line(section);
}

}  // namespace perfreport
