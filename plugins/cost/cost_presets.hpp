// The built-in cost presets of SPEC 2.2, written as cost tables: "seed" (the
// seed design, D1) and "tier6" (the upstream code). A user's table, a price
// source or the input's context.cost override them value by value.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace perfreport::cost {

inline constexpr std::array<std::string_view, 2> preset_names{"seed", "tier6"};

// The table of preset `name`, or nothing when there is no such preset. Keys
// a preset leaves out (tier6's lanes_per_chip, seed's unit_gbps) belong to
// the other interconnect unit.
inline std::optional<boost::json::object> preset_table(std::string_view name)
{
    namespace json = boost::json;
    if (name == "seed") {
        return json::object{
            {"chip_prices", {{"SG2262", 2371.275}}},
            {"modules_per_server", 8},
            {"chips_per_module", 1},
            {"depreciation_years", 3},
            {"module_overhead_usd", 750},
            {"server_base_usd", 12000},
            {"server_nic_usd", 7500},
            {"server_count", "ceil"},
            {"rdma", {{"card_price_usd", 0}, {"chips_per_card", 4}, {"min_cards", 1}}},
            {"per_chip_additional_usd", 0},
            {"interconnect",
             {{"unit", "lane"},
              {"lanes_per_chip", 16},
              {"free_max_chips", 0},
              {"tiers", json::array{json::array{2, 1}, json::array{8, 55}, json::array{16, 70},
                                    json::array{32, 70}, json::array{64, 105}, json::array{nullptr, 247}}}}},
        };
    }
    if (name == "tier6") {
        return json::object{
            {"chip_prices", {{"SG2262", 2371.275}}},
            {"modules_per_server", 8},
            {"chips_per_module", 1},
            {"depreciation_years", 3},
            {"module_overhead_usd", 750},
            {"server_base_usd", 0},
            {"server_nic_usd", 0},
            {"server_count", "ceil"},
            {"rdma", {{"card_price_usd", 7500}, {"chips_per_card", 4}, {"min_cards", 1}}},
            {"per_chip_additional_usd", 1500},
            {"interconnect",
             {{"unit", "bandwidth"},
              {"unit_gbps", 112},
              {"free_max_chips", 1},
              {"tiers", json::array{json::array{4, 0}, json::array{8, 55}, json::array{32, 70},
                                    json::array{64, 105}, json::array{128, 247}, json::array{nullptr, 247}}}}},
        };
    }
    return std::nullopt;
}

}  // namespace perfreport::cost
