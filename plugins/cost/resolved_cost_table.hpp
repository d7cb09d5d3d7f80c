// The cost table of one run: the chosen preset under the table the host
// merged into context.cost (SPEC 2.2), read value by value, each value
// remembering where it came from.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "cost_model.hpp"
#include "perfreport/sdk/failure.hpp"

namespace perfreport::cost {

struct ChipPrice {
    std::string chip;  // the key of chip_prices that matched
    double usd;
};

class ResolvedCostTable {
public:
    // `overrides` and `origins` are context.cost and context.cost_origins,
    // either may be null. An override without a recorded origin came from
    // the input itself (a host that merged nothing).
    ResolvedCostTable(std::string_view preset_name, boost::json::object preset, const boost::json::value* overrides,
                      const boost::json::value* origins)
        : preset_origin_("preset " + std::string(preset_name)),
          preset_(std::move(preset)),
          overrides_(overrides != nullptr && overrides->is_object() ? &overrides->get_object() : nullptr),
          origins_(origins != nullptr && origins->is_object() ? &origins->get_object() : nullptr)
    {
    }

    // The price of `chip_type`: the exact key, else the first key equal to it
    // ignoring case, else an error listing the known chips.
    ChipPrice chip_price(std::string_view chip_type)
    {
        const std::vector<std::string> chips = known_chips();
        for (const bool exact : {true, false}) {
            for (const auto& chip : chips) {
                if (exact ? chip == chip_type : equal_ignoring_case(chip, chip_type)) {
                    return {chip, number("chip_prices", chip)};
                }
            }
        }
        std::string known;
        for (const auto& chip : chips) known += (known.empty() ? "" : ", ") + chip;
        throw Failure(PR_ERR_INVALID_INPUT, "chip type \"" + std::string(chip_type) + "\" has no price; known chips: " +
                                                known + " (price it in chip_prices of a --cost-table file, the "
                                                        "input's context.cost or a price source)");
    }

    // Every parameter the model reads, in the order of SPEC 2.2's table.
    Parameters parameters()
    {
        Parameters p{};
        p.modules_per_server = integer("", "modules_per_server", 1);
        p.chips_per_module = integer("", "chips_per_module", 1);
        p.depreciation_years = number("", "depreciation_years");
        if (!(p.depreciation_years > 0)) fail("", "depreciation_years", "must be > 0");
        p.module_overhead_usd = number("", "module_overhead_usd");
        p.server_base_usd = number("", "server_base_usd");
        p.server_nic_usd = number("", "server_nic_usd");
        p.server_count = text("", "server_count", "ceil", "single") == "ceil" ? ServerCount::ceil : ServerCount::single;
        p.rdma_card_price_usd = number("rdma", "card_price_usd");
        p.rdma_chips_per_card = integer("rdma", "chips_per_card", 1);
        p.rdma_min_cards = integer("rdma", "min_cards", 0);
        p.per_chip_additional_usd = number("", "per_chip_additional_usd");
        const bool lanes = text("interconnect", "unit", "lane", "bandwidth") == "lane";
        p.interconnect_unit = lanes ? InterconnectUnit::lane : InterconnectUnit::bandwidth;
        if (lanes) {
            p.lanes_per_chip = number("interconnect", "lanes_per_chip");
        } else {
            p.unit_gbps = number("interconnect", "unit_gbps");
            if (!(p.unit_gbps > 0)) fail("interconnect", "unit_gbps", "must be > 0");
        }
        p.free_max_chips = integer("interconnect", "free_max_chips", 0);
        p.tiers = tiers();
        return p;
    }

    // Leaf name ("chip_prices.SG2262", "interconnect.tiers") -> origin, for
    // every value read so far, in reading order.
    const boost::json::object& origins() const noexcept { return used_origins_; }

private:
    static bool equal_ignoring_case(std::string_view a, std::string_view b)
    {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i) {
            if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
                return false;
            }
        }
        return true;
    }

    static std::string leaf_name(std::string_view group, std::string_view key)
    {
        return group.empty() ? std::string(key) : std::string(group) + "." + std::string(key);
    }

    static const boost::json::value* member(const boost::json::object* table, std::string_view group,
                                            std::string_view key)
    {
        if (table == nullptr) return nullptr;
        if (group.empty()) return table->if_contains(key);
        const boost::json::value* members = table->if_contains(group);
        return members != nullptr && members->is_object() ? members->get_object().if_contains(key) : nullptr;
    }

    // The chips of the overrides in their order, then the preset's others: a
    // chip the overrides price, in any case, hides the preset's price of it.
    std::vector<std::string> known_chips() const
    {
        std::vector<std::string> chips;
        for (const boost::json::object* table : {overrides_, &preset_}) {
            const boost::json::value* prices = member(table, "", "chip_prices");
            if (prices == nullptr || !prices->is_object()) continue;
            for (const auto& item : prices->get_object()) {
                const auto same_chip = [&](const std::string& chip) { return equal_ignoring_case(chip, item.key()); };
                if (std::none_of(chips.begin(), chips.end(), same_chip)) chips.emplace_back(item.key());
            }
        }
        return chips;
    }

    std::string origin_of_override(const std::string& leaf) const
    {
        const boost::json::value* origin = origins_ != nullptr ? origins_->if_contains(leaf) : nullptr;
        return origin != nullptr && origin->is_string() ? std::string(origin->get_string()) : "input context.cost";
    }

    // The override of a leaf, else the preset's; records its origin.
    const boost::json::value& leaf(std::string_view group, std::string_view key)
    {
        const std::string name = leaf_name(group, key);
        if (const boost::json::value* value = member(overrides_, group, key)) {
            used_origins_[name] = origin_of_override(name);
            return *value;
        }
        if (const boost::json::value* value = member(&preset_, group, key)) {
            used_origins_[name] = preset_origin_;
            return *value;
        }
        throw Failure(PR_ERR_INVALID_INPUT, "the cost table has no " + name + " (" + preset_origin_ +
                                                " does not set it: add it to the cost table)");
    }

    [[noreturn]] void fail(std::string_view group, std::string_view key, std::string_view problem) const
    {
        const std::string name = leaf_name(group, key);
        const boost::json::value* origin = used_origins_.if_contains(name);
        throw Failure(PR_ERR_INVALID_INPUT, "cost table value " + name + " (from " +
                                                std::string(origin != nullptr ? origin->get_string() : "") + ") " +
                                                std::string(problem));
    }

    double number(std::string_view group, std::string_view key)
    {
        const boost::json::value& value = leaf(group, key);
        if (!value.is_number()) fail(group, key, "must be a number");
        return value.to_number<double>();
    }

    std::int64_t integer(std::string_view group, std::string_view key, std::int64_t minimum)
    {
        const boost::json::value& value = leaf(group, key);
        boost::json::error_code error;
        const auto result = value.to_number<std::int64_t>(error);
        if (error || result < minimum) fail(group, key, "must be an integer >= " + std::to_string(minimum));
        return result;
    }

    std::string_view text(std::string_view group, std::string_view key, std::string_view a, std::string_view b)
    {
        const boost::json::value& value = leaf(group, key);
        if (!value.is_string() || (value.get_string() != a && value.get_string() != b)) {
            fail(group, key, "must be \"" + std::string(a) + "\" or \"" + std::string(b) + "\"");
        }
        return value.get_string();
    }

    // [[max_chips or null, usd_per_unit], ...]; the host checked their order.
    std::vector<Tier> tiers()
    {
        const boost::json::array* list = leaf("interconnect", "tiers").if_array();
        if (list == nullptr || list->empty()) fail_tiers();
        std::vector<Tier> result;
        for (const auto& element : *list) result.push_back(tier(element));
        return result;
    }

    Tier tier(const boost::json::value& element) const
    {
        const boost::json::array* pair = element.if_array();
        if (pair != nullptr && pair->size() == 2 && (*pair)[1].is_number()) {
            const double price = (*pair)[1].to_number<double>();
            if ((*pair)[0].is_null()) return {std::nullopt, price};
            boost::json::error_code error;
            const auto max_chips = (*pair)[0].to_number<std::int64_t>(error);
            if (!error) return {max_chips, price};
        }
        fail_tiers();
    }

    [[noreturn]] void fail_tiers() const
    {
        fail("interconnect", "tiers", "must be a non-empty array of [max_chips or null, usd_per_unit] pairs");
    }

    std::string preset_origin_;
    boost::json::object preset_;
    const boost::json::object* overrides_;
    const boost::json::object* origins_;
    boost::json::object used_origins_;
};

}  // namespace perfreport::cost
