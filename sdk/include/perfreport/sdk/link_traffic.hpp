// SPEC 2.6's link traffic: how the comm steps load the links and devices of
// the topology. One routine, used by the traffic section and by compat's
// linkTrafficStats, so the two cannot drift apart.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/device_ids.hpp"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/json_writer.hpp"
#include "perfreport/sdk/resolved_phase.hpp"
#include "perfreport/sdk/step_table.hpp"

namespace perfreport {

// How a link level's bandwidth_gbps is read (SPEC 0 "Link bandwidth", D5).
enum class LinkBandwidthUnit {
    gigabytes_per_second,  // "GBps": 10^9 B/s, the project's unit and the default
    gigabits_per_second,   // "Gbps": 10^9 bit/s, the upstream's utilization
};

// The option traffic.link_bandwidth_unit in the resolved `options` (every
// analyzer sees all of them); "GBps" when absent, e.g. when the traffic
// plugin, which declares it, is not loaded.
inline LinkBandwidthUnit link_bandwidth_unit(const boost::json::object& options)
{
    const auto* traffic = options.if_contains("traffic");
    const auto* unit = traffic != nullptr && traffic->is_object() ? traffic->get_object().if_contains("link_bandwidth_unit")
                                                                  : nullptr;
    if (unit == nullptr) return LinkBandwidthUnit::gigabytes_per_second;
    if (unit->is_string() && unit->get_string() == "GBps") return LinkBandwidthUnit::gigabytes_per_second;
    if (unit->is_string() && unit->get_string() == "Gbps") return LinkBandwidthUnit::gigabits_per_second;
    JsonWriter shown;
    shown.json(*unit);
    throw Failure(PR_ERR_INVALID_ARGUMENT,
                  "option traffic.link_bandwidth_unit must be \"GBps\" or \"Gbps\", got " + shown.buffer());
}

// The option's value: "GBps" or "Gbps".
inline const char* option_value(LinkBandwidthUnit unit)
{
    return unit == LinkBandwidthUnit::gigabits_per_second ? "Gbps" : "GBps";
}

// The unit of a bandwidth column: "GB/s" or "Gbit/s".
inline const char* column_unit(LinkBandwidthUnit unit)
{
    return unit == LinkBandwidthUnit::gigabits_per_second ? "Gbit/s" : "GB/s";
}

// Bytes a link of `bandwidth_gbps` carries per µs, computed in the upstream's
// order of operations so that the utilization agrees to the last bit.
inline double bytes_per_us(double bandwidth_gbps, LinkBandwidthUnit unit)
{
    return unit == LinkBandwidthUnit::gigabits_per_second ? bandwidth_gbps * 1e9 / 8 / 1e6 : bandwidth_gbps * 1e9 / 1e6;
}

// One level of context.topology.interconnect.links (SPEC 1.6), whose values
// the host has checked and completed from trace_meta.
struct LinkLevel {
    std::string name;
    std::optional<double> bandwidth_gbps;
    std::optional<double> latency_us;
};

class LinkLevels {
public:
    explicit LinkLevels(const boost::json::object& context)
    {
        const auto* topology = context.if_contains("topology");
        const auto* interconnect = topology != nullptr && topology->is_object()
                                       ? topology->get_object().if_contains("interconnect")
                                       : nullptr;
        const auto* links = interconnect != nullptr && interconnect->is_object()
                                ? interconnect->get_object().if_contains("links")
                                : nullptr;
        if (links == nullptr || !links->is_object()) return;
        for (const auto& [name, properties] : links->get_object()) {
            LinkLevel& level = levels_.emplace_back(LinkLevel{std::string(name), std::nullopt, std::nullopt});
            if (const auto* object = properties.if_object()) {
                level.bandwidth_gbps = number(*object, "bandwidth_gbps");
                level.latency_us = number(*object, "latency_us");
            }
        }
    }

    // Whether any level has a bandwidth: without one, traffic is skipped.
    bool any_bandwidth() const noexcept
    {
        return std::any_of(levels_.begin(), levels_.end(), [](const LinkLevel& level) { return level.bandwidth_gbps.has_value(); });
    }

    const LinkLevel* find(std::string_view name) const noexcept
    {
        for (const auto& level : levels_) {
            if (level.name == name) return &level;
        }
        return nullptr;
    }

private:
    static std::optional<double> number(const boost::json::object& object, std::string_view key)
    {
        const auto* value = object.if_contains(key);
        return value != nullptr && value->is_number() ? std::optional<double>(value->to_number<double>()) : std::nullopt;
    }

    std::vector<LinkLevel> levels_;
};

// Bytes by label, labels in first-insertion order (SPEC 0 "Order"). Labels
// are numbers: indices into LinkTraffic::labels, or PR_PHASE_* codes.
class Breakdown {
public:
    struct Entry {
        std::uint32_t label;
        std::int64_t bytes;
    };

    void add(std::uint32_t label, std::int64_t bytes)
    {
        std::int64_t& total = slot(label);
        if (__builtin_add_overflow(total, bytes, &total)) {
            throw Failure(PR_ERR_INVALID_INPUT, "link traffic: a breakdown exceeds 2^63-1 bytes");
        }
    }

    const std::vector<Entry>& entries() const noexcept { return entries_; }

private:
    // A breakdown holds a handful of labels: a scan finds them, and an index
    // takes over only when an input has many distinct labels.
    static constexpr std::size_t scanned_labels = 16;

    std::int64_t& slot(std::uint32_t label)
    {
        if (entries_.size() <= scanned_labels) {
            for (auto& entry : entries_) {
                if (entry.label == label) return entry.bytes;
            }
        } else if (const auto found = position_.find(label); found != position_.end()) {
            return entries_[found->second].bytes;
        }
        entries_.push_back({label, 0});
        if (entries_.size() > scanned_labels) {
            if (position_.empty()) {
                for (std::size_t i = 0; i < entries_.size(); ++i) position_.emplace(entries_[i].label, i);
            } else {
                position_.emplace(label, entries_.size() - 1);
            }
        }
        return entries_.back().bytes;
    }

    std::vector<Entry> entries_;
    std::unordered_map<std::uint32_t, std::size_t> position_;
};

// A directed link src->dst, created by the first entry that uses it.
struct LinkLoad {
    std::uint64_t src;        // DeviceIds::device
    std::uint64_t dst;
    const LinkLevel* level;   // the path_key level of the creating step
    std::string_view link_type;  // path_key if c2c, b2b, r2r or p2p, else c2c
    std::int64_t total_bytes = 0;
    double total_time_us = 0;
    Breakdown comm_breakdown;
    double utilization = 0;   // ratio, in the unit the traffic was computed with
};

struct DeviceLoad {
    std::uint64_t device;  // DeviceIds::device
    std::int64_t send_bytes = 0;
    std::int64_t recv_bytes = 0;
    Breakdown send_breakdown;
    Breakdown recv_breakdown;
};

// The result of SPEC 2.6 on one input. Links and devices are in first-use
// order (src before dst within an entry).
struct LinkTraffic {
    std::int64_t total_bytes = 0;  // Σ comm_bytes of the contributing steps
    double total_time_us = 0;      // Σ t_comm of the contributing steps, µs
    Breakdown comm_breakdown;      // label -> comm_bytes
    Breakdown phase_breakdown;     // PR_PHASE_* -> comm_bytes
    std::vector<std::string> labels;  // breakdown label names by number
    std::vector<LinkLoad> links;
    std::vector<DeviceLoad> devices;
};

namespace detail {

// How a collective spreads over its n mapped devices (SPEC 2.6's table,
// first match).
enum class Spread : std::uint8_t {
    pair,        // p2p or n = 2: d0->d1 carries M
    ring_share,  // allreduce, allgather, reduce_scatter: ring of floor(M·(n−1)/n²)
    all_pairs,   // all2all, alltoall: every ordered pair, floor(M/(n·(n−1)))
    ring_split,  // anything else: ring of floor(M/n)
};

inline Spread spread_of(std::string_view comm_type, std::size_t n)
{
    if (comm_type == "p2p" || n == 2) return Spread::pair;
    if (comm_type == "allreduce" || comm_type == "allgather" || comm_type == "reduce_scatter" ||
        comm_type == "reducescatter") {
        return Spread::ring_share;
    }
    if (comm_type == "all2all" || comm_type == "alltoall") return Spread::all_pairs;
    return Spread::ring_split;
}

// The (src, dst) positions in the device list, in SPEC 2.6's order.
inline std::vector<std::pair<std::uint32_t, std::uint32_t>> spread_pairs(Spread spread, std::uint32_t n)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    if (spread == Spread::pair) {
        pairs.emplace_back(0, 1);
    } else if (spread == Spread::all_pairs) {
        pairs.reserve(std::size_t{n} * (n - 1));
        for (std::uint32_t i = 0; i < n; ++i) {
            for (std::uint32_t j = 0; j < n; ++j) {
                if (i != j) pairs.emplace_back(i, j);
            }
        }
    } else {
        pairs.reserve(n);
        for (std::uint32_t k = 0; k < n; ++k) pairs.emplace_back(k, (k + 1) % n);
    }
    return pairs;
}

// Bytes of each entry, floored exactly (U uses doubles, which can differ by a
// byte above 2^53).
inline std::int64_t bytes_per_entry(Spread spread, std::int64_t message_bytes, std::uint64_t n)
{
    __extension__ using wide = unsigned __int128;
    const auto m = static_cast<wide>(message_bytes);
    switch (spread) {
    case Spread::pair: return message_bytes;
    case Spread::ring_share: return static_cast<std::int64_t>(m * (n - 1) / (static_cast<wide>(n) * n));
    case Spread::all_pairs: return static_cast<std::int64_t>(m / (static_cast<wide>(n) * (n - 1)));
    case Spread::ring_split: return static_cast<std::int64_t>(m / n);
    }
    return 0;
}

inline void add_bytes(std::int64_t& total, std::int64_t bytes)
{
    if (__builtin_add_overflow(total, bytes, &total)) {
        throw Failure(PR_ERR_INVALID_INPUT, "link traffic: a byte total exceeds 2^63-1");
    }
}

// Accumulates SPEC 2.6 step by step. The links and devices a step touches
// depend only on its spread and its device list, which repeat from layer to
// layer: each distinct route is resolved to link and device positions once
// and replayed from then on.
class LinkTrafficBuilder {
public:
    LinkTrafficBuilder(const DeviceIds& ids, LinkBandwidthUnit unit) : ids_(ids), unit_(unit) {}

    // One contributing step, already checked: `devices` are its mapped
    // devices (at least 2), `level` its path_key level (with a bandwidth).
    void add_step(Spread spread, std::span<const std::uint64_t> devices, const LinkLevel& level,
                  std::string_view path_key, std::int64_t message_bytes, double comm_time_us,
                  std::uint32_t label, std::int64_t phase)
    {
        const std::vector<Slot>& route = route_of(spread, devices, level, path_key);
        const std::int64_t bytes = bytes_per_entry(spread, message_bytes, devices.size());
        const double time_share = comm_time_us / static_cast<double>(route.size());
        for (const Slot& slot : route) {
            LinkLoad& link = traffic_.links[slot.link];
            add_bytes(link.total_bytes, bytes);
            link.total_time_us += time_share;
            link.comm_breakdown.add(label, bytes);
            DeviceLoad& src = traffic_.devices[slot.src];
            add_bytes(src.send_bytes, bytes);
            src.send_breakdown.add(label, bytes);
            DeviceLoad& dst = traffic_.devices[slot.dst];
            add_bytes(dst.recv_bytes, bytes);
            dst.recv_breakdown.add(label, bytes);
        }
        add_bytes(traffic_.total_bytes, message_bytes);
        traffic_.total_time_us += comm_time_us;
        traffic_.comm_breakdown.add(label, message_bytes);
        traffic_.phase_breakdown.add(static_cast<std::uint32_t>(phase), message_bytes);
    }

    // The number of a breakdown label, given on first use.
    std::uint32_t label(std::string_view name)
    {
        if (const auto found = label_number_.find(name); found != label_number_.end()) return found->second;
        const auto number = static_cast<std::uint32_t>(traffic_.labels.size());
        traffic_.labels.emplace_back(name);
        label_number_.emplace(std::string(name), number);
        return number;
    }

    // The result, with each link's utilization.
    LinkTraffic finish() &&
    {
        for (LinkLoad& link : traffic_.links) {
            const double capacity = bytes_per_us(*link.level->bandwidth_gbps, unit_) * link.total_time_us;
            link.utilization = capacity > 0 ? std::min(1.0, static_cast<double>(link.total_bytes) / capacity) : 0.0;
        }
        return std::move(traffic_);
    }

private:
    // Positions in traffic_.links and traffic_.devices.
    struct Slot {
        std::uint32_t link;
        std::uint32_t src;
        std::uint32_t dst;
    };

    struct RouteKey {
        Spread spread;
        std::vector<std::uint64_t> devices;
        bool operator==(const RouteKey&) const = default;
    };

    struct RouteKeyHash {
        std::size_t operator()(const RouteKey& key) const noexcept
        {
            std::uint64_t hash = 0xcbf29ce484222325ull ^ static_cast<std::uint64_t>(key.spread);
            for (const std::uint64_t device : key.devices) hash = (hash ^ device) * 0x100000001b3ull;
            return static_cast<std::size_t>(hash);
        }
    };

    struct PairHash {
        std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& pair) const noexcept
        {
            return std::hash<std::uint64_t>{}(pair.first * 0x9e3779b97f4a7c15ull ^ pair.second);
        }
    };

    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    };

    const std::vector<Slot>& route_of(Spread spread, std::span<const std::uint64_t> devices, const LinkLevel& level,
                                      std::string_view path_key)
    {
        probe_.spread = spread;
        probe_.devices.assign(devices.begin(), devices.end());
        if (const auto found = routes_.find(probe_); found != routes_.end()) return found->second;
        std::vector<Slot> route;
        for (const auto& [i, j] : spread_pairs(spread, static_cast<std::uint32_t>(devices.size()))) {
            const std::uint32_t link = link_position(devices[i], devices[j], level, path_key);
            const std::uint32_t src = device_position(devices[i]);
            route.push_back({link, src, device_position(devices[j])});
        }
        return routes_.emplace(probe_, std::move(route)).first->second;
    }

    std::uint32_t link_position(std::uint64_t src, std::uint64_t dst, const LinkLevel& level, std::string_view path_key)
    {
        const auto [found, inserted] = link_position_.try_emplace({src, dst}, static_cast<std::uint32_t>(traffic_.links.size()));
        if (!inserted) return found->second;
        if (!level.latency_us) {
            throw Failure(PR_ERR_INVALID_INPUT, "link " + ids_.id(src) + "->" + ids_.id(dst) +
                                                    ": context value /topology/interconnect/links/" + level.name +
                                                    "/latency_us is missing (link_stats reports every level's latency)");
        }
        LinkLoad& link = traffic_.links.emplace_back();
        link.src = src;
        link.dst = dst;
        link.level = &level;
        link.link_type = link_type_of(path_key);
        return found->second;
    }

    std::uint32_t device_position(std::uint64_t device)
    {
        const auto [found, inserted] = device_position_.try_emplace(device, static_cast<std::uint32_t>(traffic_.devices.size()));
        if (inserted) traffic_.devices.emplace_back().device = device;
        return found->second;
    }

    static std::string_view link_type_of(std::string_view path_key)
    {
        for (const std::string_view known : {"c2c", "b2b", "r2r", "p2p"}) {
            if (path_key == known) return known;
        }
        return "c2c";
    }

    const DeviceIds& ids_;
    LinkBandwidthUnit unit_;
    LinkTraffic traffic_;
    RouteKey probe_;
    std::unordered_map<RouteKey, std::vector<Slot>, RouteKeyHash> routes_;
    std::unordered_map<std::pair<std::uint64_t, std::uint64_t>, std::uint32_t, PairHash> link_position_;
    std::unordered_map<std::uint64_t, std::uint32_t> device_position_;
    std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> label_number_;
};

// "step_metrics[3] (op_id "x"): " — how an error names a step.
inline std::string step_name(const StepTable& steps, std::size_t row)
{
    std::string name = "step_metrics[" + std::to_string(row) + "] (op_id ";
    append_json_string(name, steps.op_id()[row]);
    return name + ")";
}

[[noreturn]] inline void missing_comm_meta(const StepTable& steps, std::size_t row, std::string_view key)
{
    throw Failure(PR_ERR_INVALID_INPUT, step_name(steps, row) + ": meta." + std::string(key) + " is missing at /step_metrics/" +
                                            std::to_string(row) + "/meta/" + std::string(key) +
                                            "; a comm step with t_comm > 0 needs chip_ids, comm_bytes, comm_type and path_key");
}

}  // namespace detail

// SPEC 2.6 over `steps`. A step contributes when t_comm > 0 and
// meta.evaluator is "comm"; it must then carry chip_ids, comm_bytes,
// comm_type and path_key, and (unless it is skipped for an empty chip_ids or
// comm_bytes <= 0, checked first, as U does) its path_key level must have a
// bandwidth; otherwise Failure names the step. A step with fewer than 2
// mapped chips is skipped. Each link's level must have a latency (link_stats
// reports it). `levels` must outlive the result.
inline LinkTraffic compute_link_traffic(const StepTable& steps, const DeviceIds& ids, const LinkLevels& levels,
                                        const PhaseResolver& phases, LinkBandwidthUnit unit)
{
    detail::LinkTrafficBuilder builder(ids, unit);
    const auto t_comm = steps.t_comm();
    const StringColumn evaluator = steps.meta_evaluator();
    const Int64ListColumn chip_ids = steps.meta_chip_ids();
    const NullableInt64Column comm_bytes = steps.meta_comm_bytes();
    const StringColumn comm_type = steps.meta_comm_type();
    const StringColumn path_key = steps.meta_path_key();
    const StringColumn reason = steps.meta_reason();
    std::vector<std::uint64_t> devices;
    for (std::size_t row = 0; row < steps.size(); ++row) {
        if (!(t_comm[row] > 0) || evaluator[row] != "comm") continue;
        if (chip_ids.is_null(row)) detail::missing_comm_meta(steps, row, "chip_ids");
        if (comm_bytes.is_null(row)) detail::missing_comm_meta(steps, row, "comm_bytes");
        if (comm_type.is_null(row)) detail::missing_comm_meta(steps, row, "comm_type");
        if (path_key.is_null(row)) detail::missing_comm_meta(steps, row, "path_key");
        const std::int64_t message_bytes = comm_bytes.value(row);
        if (chip_ids[row].empty() || message_bytes <= 0) continue;
        const LinkLevel* level = levels.find(path_key[row]);
        if (level == nullptr || !level->bandwidth_gbps) {
            std::string key;
            append_json_string(key, path_key[row]);
            throw Failure(PR_ERR_INVALID_INPUT, detail::step_name(steps, row) + ": its meta.path_key " + key +
                                                    " has no bandwidth: context value /topology/interconnect/links/" +
                                                    std::string(path_key[row]) + "/bandwidth_gbps is missing");
        }
        devices.clear();
        for (const std::int64_t chip : chip_ids[row]) {
            if (const auto device = ids.device(chip)) devices.push_back(*device);
        }
        if (devices.size() < 2) continue;
        const std::string_view kind = comm_type[row];
        const std::string_view label = reason[row].empty() ? kind : reason[row];
        builder.add_step(detail::spread_of(kind, devices.size()), devices, *level, path_key[row], message_bytes,
                         t_comm[row] * 1000.0, builder.label(label), phases(row));
    }
    return std::move(builder).finish();
}

// `breakdown` as a JSON object {label: bytes}, or {label: bytes / 2^20} when
// `in_megabytes`.
inline boost::json::object breakdown_json(const Breakdown& breakdown, const std::vector<std::string>& labels,
                                          bool in_megabytes = false)
{
    boost::json::object object;
    object.reserve(breakdown.entries().size());
    for (const auto& entry : breakdown.entries()) {
        if (in_megabytes) {
            object[labels[entry.label]] = static_cast<double>(entry.bytes) / 1048576.0;
        } else {
            object[labels[entry.label]] = entry.bytes;
        }
    }
    return object;
}

// One row of SPEC 2.6's `link_stats`: a link in the web front end's form.
struct LinkStats {
    std::string source;
    std::string target;
    double traffic_mb;  // total_bytes / 2^20
    double bandwidth_gbps;
    double latency_us;
    double utilization_percent;
    std::string_view link_type;
    boost::json::array contributing_tasks;   // the breakdown's labels
    boost::json::object task_type_breakdown; // label -> MB
};

inline LinkStats link_stats(const LinkTraffic& traffic, const LinkLoad& link, const DeviceIds& ids)
{
    LinkStats stats{ids.id(link.src),
                    ids.id(link.dst),
                    static_cast<double>(link.total_bytes) / 1048576.0,
                    *link.level->bandwidth_gbps,
                    *link.level->latency_us,
                    link.utilization * 100,
                    link.link_type,
                    {},
                    breakdown_json(link.comm_breakdown, traffic.labels, true)};
    for (const auto& entry : link.comm_breakdown.entries()) stats.contributing_tasks.emplace_back(traffic.labels[entry.label]);
    return stats;
}

// The camelCase object of the front end (compat's linkTrafficStats).
inline boost::json::object to_json(const LinkStats& stats)
{
    return {{"source", stats.source},
            {"target", stats.target},
            {"trafficMb", stats.traffic_mb},
            {"bandwidthGbps", stats.bandwidth_gbps},
            {"latencyUs", stats.latency_us},
            {"utilizationPercent", stats.utilization_percent},
            {"linkType", stats.link_type},
            {"contributingTasks", stats.contributing_tasks},
            {"taskTypeBreakdown", stats.task_type_breakdown}};
}

}  // namespace perfreport
