// The parametric cost model of SPEC 2.2: servers, RDMA cards, per-chip extras
// and interconnect, priced from one set of parameters (a preset plus overrides).
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "perfreport/sdk/failure.hpp"

namespace perfreport::cost {

enum class ServerCount {
    ceil,    // ceil(N / chips per server) servers (D1)
    single,  // one server whatever N is: the seed read literally
};

enum class InterconnectUnit {
    lane,       // N · chips per server · lanes_per_chip lanes
    bandwidth,  // N · c2c bandwidth / unit_gbps units
};

struct Tier {
    std::optional<std::int64_t> max_chips;  // none: no limit
    double usd_per_unit;
};

struct Parameters {
    std::int64_t modules_per_server;
    std::int64_t chips_per_module;
    double depreciation_years;
    double module_overhead_usd;
    double server_base_usd;
    double server_nic_usd;
    ServerCount server_count;
    double rdma_card_price_usd;
    std::int64_t rdma_chips_per_card;
    std::int64_t rdma_min_cards;
    double per_chip_additional_usd;
    InterconnectUnit interconnect_unit;
    double lanes_per_chip;  // lane unit only
    double unit_gbps;       // bandwidth unit only
    std::int64_t free_max_chips;
    std::vector<Tier> tiers;  // ascending max_chips
};

// What is priced: `chip_count` > 0 chips at `chip_price` each, serving `tps`
// tokens/s; `c2c_bandwidth_gbps` is read in the bandwidth unit only.
struct Deployment {
    double chip_price;
    std::int64_t chip_count;
    double tps;
    double c2c_bandwidth_gbps;
};

struct Breakdown {
    std::int64_t num_servers;
    double server_cost;
    double rdma_cost;
    double per_chip_cost;
    double interconnect_units;
    double interconnect_unit_price;
    double interconnect_cost;
    double total_cost;
    double cost_per_chip;
    double cost_per_million_tokens;
    double dfop;  // USD per token/s
};

inline constexpr double seconds_per_year = 365.0 * 24 * 3600;

// The price per unit of the first tier whose max_chips >= chip_count.
inline double tier_price(const std::vector<Tier>& tiers, std::int64_t chip_count)
{
    for (const auto& tier : tiers) {
        if (!tier.max_chips || *tier.max_chips >= chip_count) return tier.usd_per_unit;
    }
    throw Failure(PR_ERR_INVALID_INPUT,
                  "no interconnect tier covers " + std::to_string(chip_count) + " chips: the last tier ends at " +
                      (tiers.empty() ? std::string("0") : std::to_string(*tiers.back().max_chips)) +
                      " (end the tiers with [null, price] for no limit)");
}

inline Breakdown compute_cost(const Parameters& p, const Deployment& d)
{
    const std::int64_t n = d.chip_count;
    const std::int64_t chips_per_server = p.modules_per_server * p.chips_per_module;
    Breakdown b{};
    b.num_servers = p.server_count == ServerCount::single
                        ? 1
                        : std::max<std::int64_t>(1, (n + chips_per_server - 1) / chips_per_server);
    b.server_cost = static_cast<double>(b.num_servers) *
                    ((d.chip_price * static_cast<double>(p.chips_per_module) + p.module_overhead_usd) *
                         static_cast<double>(p.modules_per_server) +
                     p.server_base_usd + p.server_nic_usd);
    b.rdma_cost = p.rdma_card_price_usd > 0
                      ? static_cast<double>(std::max(p.rdma_min_cards, n / p.rdma_chips_per_card)) * p.rdma_card_price_usd
                      : 0.0;
    b.per_chip_cost = p.per_chip_additional_usd * static_cast<double>(n);
    b.interconnect_units = p.interconnect_unit == InterconnectUnit::lane
                               ? static_cast<double>(n * chips_per_server) * p.lanes_per_chip
                               : static_cast<double>(n) * d.c2c_bandwidth_gbps / p.unit_gbps;
    b.interconnect_unit_price = tier_price(p.tiers, n);
    b.interconnect_cost = n <= p.free_max_chips ? 0.0 : b.interconnect_units * b.interconnect_unit_price;
    b.total_cost = b.server_cost + b.rdma_cost + b.per_chip_cost + b.interconnect_cost;
    b.cost_per_chip = b.total_cost / static_cast<double>(n);
    b.dfop = d.tps > 0 ? b.total_cost / d.tps : 0.0;
    b.cost_per_million_tokens =
        d.tps > 0 ? b.total_cost / (p.depreciation_years * seconds_per_year * d.tps) * 1e6 : 0.0;
    return b;
}

}  // namespace perfreport::cost
