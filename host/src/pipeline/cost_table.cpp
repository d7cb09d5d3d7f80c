#include "cost_table.hpp"

#include <perfreport/sdk/json_writer.hpp>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>

#include "../input/closest_key.hpp"
#include "../input/json_pointer.hpp"

namespace perfreport {
namespace json = boost::json;
namespace {

// What a value must be.
enum class Rule {
    preset,
    chip_prices,
    group,          // rdma, interconnect: an object of their own keys
    price,          // USD, >= 0
    positive_number,
    at_least_one,   // integer >= 1
    count,          // integer >= 0
    text,
    server_count,
    interconnect_unit,
    tiers,
};

struct Key {
    std::string_view name;
    Rule rule;
};

constexpr Key table_keys[] = {
    {"preset", Rule::preset},
    {"chip_prices", Rule::chip_prices},
    {"modules_per_server", Rule::at_least_one},
    {"chips_per_module", Rule::at_least_one},
    {"depreciation_years", Rule::positive_number},
    {"module_overhead_usd", Rule::price},
    {"server_base_usd", Rule::price},
    {"server_nic_usd", Rule::price},
    {"server_count", Rule::server_count},
    {"rdma", Rule::group},
    {"per_chip_additional_usd", Rule::price},
    {"interconnect", Rule::group},
    {"source", Rule::text},
    {"as_of", Rule::text},
};

constexpr Key rdma_keys[] = {
    {"card_price_usd", Rule::price},
    {"chips_per_card", Rule::at_least_one},
    {"min_cards", Rule::count},
};

constexpr Key interconnect_keys[] = {
    {"unit", Rule::interconnect_unit},
    {"lanes_per_chip", Rule::count},
    {"unit_gbps", Rule::positive_number},
    {"free_max_chips", Rule::count},
    {"tiers", Rule::tiers},
};

// A chip price written as an object, to say where the price comes from.
constexpr Key chip_entry_keys[] = {
    {"usd", Rule::price},
    {"source", Rule::text},
    {"as_of", Rule::text},
};

// The members that merge member by member; every other key is one value.
bool is_group(std::string_view key)
{
    return key == "chip_prices" || key == "rdma" || key == "interconnect";
}

std::string leaf_name(std::string_view group, std::string_view key)
{
    return group.empty() ? std::string(key) : std::string(group) + "." + std::string(key);
}

// Calls visit(group, key, value) for every leaf of a read table.
template <class Visit>
void for_each_leaf(const json::object& table, Visit visit)
{
    for (const auto& [key, value] : table) {
        if (is_group(key) && value.is_object()) {
            for (const auto& [member, member_value] : value.get_object()) visit(key, member, member_value);
        } else {
            visit(std::string_view(), key, value);
        }
    }
}

bool equal_ignoring_case(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    }
    return true;
}

// The key under which `table` holds the leaf group/key. Chip types match
// ignoring case, as the cost analyzer looks them up: "sg2262" in a user's
// table replaces a price source's "SG2262".
std::optional<std::string_view> held_key(const json::object& table, std::string_view group, std::string_view key)
{
    const json::object* members = &table;
    if (!group.empty()) {
        const json::value* value = table.if_contains(group);
        if (value == nullptr || !value->is_object()) return std::nullopt;
        members = &value->get_object();
    }
    if (members->contains(key)) return key;
    if (group != "chip_prices") return std::nullopt;
    for (const auto& item : *members) {
        if (equal_ignoring_case(item.key(), key)) return item.key();
    }
    return std::nullopt;
}

const json::value& leaf_value(const json::object& table, std::string_view group, std::string_view key)
{
    return group.empty() ? table.at(key) : table.at(group).get_object().at(key);
}

void erase_leaf(CostTableLayer& layer, std::string_view group, std::string_view key)
{
    layer.origins.erase(leaf_name(group, key));
    if (group.empty()) {
        layer.table.erase(key);
    } else {
        layer.table.at(group).get_object().erase(key);
    }
}

void set_leaf(CostTableLayer& layer, std::string_view group, std::string_view key, const json::value& value,
              const json::value& origin)
{
    if (group.empty()) {
        layer.table[key] = value;
    } else {
        json::value& members = layer.table[group];
        if (!members.is_object()) members = json::object();
        members.get_object()[key] = value;
    }
    layer.origins[leaf_name(group, key)] = origin;
}

// A value as the messages quote it, cut short.
std::string shown(const json::value& value)
{
    JsonWriter writer;
    writer.json(value);
    std::string text = std::move(writer.buffer());
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

bool is_integer(const json::value& value)
{
    if (value.is_int64()) return true;
    if (value.is_uint64()) return value.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX);
    return value.is_double() && std::floor(value.get_double()) == value.get_double() &&
           std::fabs(value.get_double()) < 9.2233720368547758e18;
}

bool is_one_of(const json::value& value, std::string_view a, std::string_view b)
{
    return value.is_string() && (value.get_string() == a || value.get_string() == b);
}

// What is wrong with `value` for a rule that takes one plain value, or "".
std::string scalar_problem(const json::value& value, Rule rule)
{
    const double number = value.is_number() ? value.to_number<double>() : 0.0;
    switch (rule) {
    case Rule::price:
        if (!value.is_number()) return "must be a number >= 0 (USD), got " + shown(value);
        return number < 0 ? "must be >= 0 (a price cannot be negative), got " + shown(value) : "";
    case Rule::positive_number:
        return value.is_number() && number > 0 ? "" : "must be a number > 0, got " + shown(value);
    case Rule::at_least_one:
        return is_integer(value) && number >= 1 ? "" : "must be an integer >= 1, got " + shown(value);
    case Rule::count:
        return is_integer(value) && number >= 0 ? "" : "must be an integer >= 0, got " + shown(value);
    case Rule::text:
        return value.is_string() ? "" : "must be a string, got " + shown(value);
    case Rule::preset:
        return is_one_of(value, "seed", "tier6") ? "" : "must be \"seed\" or \"tier6\", got " + shown(value);
    case Rule::server_count:
        return is_one_of(value, "ceil", "single") ? "" : "must be \"ceil\" or \"single\", got " + shown(value);
    case Rule::interconnect_unit:
        return is_one_of(value, "lane", "bandwidth") ? "" : "must be \"lane\" or \"bandwidth\", got " + shown(value);
    case Rule::chip_prices:
    case Rule::group:
    case Rule::tiers:
        break;
    }
    return "";
}

std::string known_names(std::span<const Key> keys)
{
    std::string names;
    for (const auto& key : keys) names += (names.empty() ? "" : ", ") + std::string(key.name);
    return names;
}

const json::string* string_member(const json::object& object, std::string_view key)
{
    const json::value* value = object.if_contains(key);
    return value != nullptr ? value->if_string() : nullptr;
}

class TableReader {
public:
    TableReader(std::string_view origin, CostTableAuthor author) : origin_(origin), author_(author) {}

    CostTableReading read(const json::value& table)
    {
        if (!table.is_object()) {
            problem("", "a cost table must be a JSON object, got " + shown(table));
            return std::move(reading_);
        }
        const json::object& members = table.get_object();
        const std::string table_origin = origin_with(members, nullptr);
        for (const auto& [name, value] : members) {
            const std::string pointer = "/" + pointer_token(name);
            const Key* key = find_key(table_keys, name, pointer);
            if (key == nullptr) continue;
            switch (key->rule) {
            case Rule::preset:
                if (author_ == CostTableAuthor::price_source) {
                    problem(pointer, "a price source supplies prices, not the preset (the user chooses it)");
                    continue;
                }
                keep_checked("", name, value, key->rule, pointer, table_origin);
                break;
            case Rule::text:  // source and as_of: part of every origin, not values
                if (const std::string wrong = scalar_problem(value, key->rule); !wrong.empty()) problem(pointer, wrong);
                break;
            case Rule::chip_prices: read_chip_prices(value, pointer, members); break;
            case Rule::group:
                read_group(name, value, pointer, name == "rdma" ? std::span<const Key>(rdma_keys) : interconnect_keys,
                           table_origin);
                break;
            default: keep_checked("", name, value, key->rule, pointer, table_origin); break;
            }
        }
        return std::move(reading_);
    }

private:
    void problem(std::string pointer, std::string message)
    {
        reading_.problems.push_back({std::move(pointer), std::move(message)});
    }

    // The rule for `name`; nullptr, with a problem naming the closest known key, when it has none.
    const Key* find_key(std::span<const Key> keys, std::string_view name, const std::string& pointer)
    {
        std::vector<std::string_view> names;
        for (const auto& key : keys) {
            if (key.name == name) return &key;
            names.push_back(key.name);
        }
        const auto closest = closest_key(name, names);
        problem(pointer, "unknown key '" + std::string(name) + "'" +
                             (closest ? " (did you mean '" + std::string(*closest) + "'?)"
                                      : "; known keys: " + known_names(keys)));
        return nullptr;
    }

    // `origin_`, then " (source, as_of)": each from `entry` when it has it, else from the table.
    std::string origin_with(const json::object& table, const json::object* entry) const
    {
        const auto pick = [&](std::string_view key) {
            const json::string* own = entry != nullptr ? string_member(*entry, key) : nullptr;
            return own != nullptr ? own : string_member(table, key);
        };
        std::string details;
        for (const json::string* text : {pick("source"), pick("as_of")}) {
            if (text != nullptr && !text->empty()) details += (details.empty() ? "" : ", ") + std::string(*text);
        }
        return details.empty() ? origin_ : origin_ + " (" + details + ")";
    }

    void keep(std::string_view group, std::string_view key, const json::value& value, const std::string& origin)
    {
        set_leaf(reading_.layer, group, key, value, json::string(origin));
    }

    void keep_checked(std::string_view group, std::string_view key, const json::value& value, Rule rule,
                     const std::string& pointer, const std::string& origin)
    {
        if (rule == Rule::tiers) {
            if (tiers_are_valid(value, pointer)) keep(group, key, value, origin);
            return;
        }
        const std::string wrong = scalar_problem(value, rule);
        if (wrong.empty()) {
            keep(group, key, value, origin);
        } else {
            problem(pointer, wrong);
        }
    }

    void read_group(std::string_view group, const json::value& value, const std::string& pointer,
                    std::span<const Key> keys, const std::string& origin)
    {
        if (!value.is_object()) {
            problem(pointer, "must be an object with keys among " + known_names(keys) + ", got " + shown(value));
            return;
        }
        for (const auto& [name, member] : value.get_object()) {
            const std::string member_pointer = pointer + "/" + pointer_token(name);
            if (const Key* key = find_key(keys, name, member_pointer)) {
                keep_checked(group, name, member, key->rule, member_pointer, origin);
            }
        }
    }

    void read_chip_prices(const json::value& value, const std::string& pointer, const json::object& table)
    {
        if (!value.is_object()) {
            problem(pointer, "must be an object mapping chip types to prices, got " + shown(value));
            return;
        }
        for (const auto& [chip, price] : value.get_object()) {
            const std::string chip_pointer = pointer + "/" + pointer_token(chip);
            if (chip.empty()) {
                problem(chip_pointer, "a chip type must not be empty");
            } else if (price.is_object()) {
                read_chip_entry(chip, price.get_object(), chip_pointer, table);
            } else if (price.is_number()) {
                keep_checked("chip_prices", chip, price, Rule::price, chip_pointer, origin_with(table, nullptr));
            } else {
                problem(chip_pointer, "must be a price in USD (a number >= 0) or an object {\"usd\": price, "
                                      "\"source\": text, \"as_of\": text}, got " + shown(price));
            }
        }
    }

    void read_chip_entry(std::string_view chip, const json::object& entry, const std::string& pointer,
                         const json::object& table)
    {
        bool valid = true;
        for (const auto& [name, member] : entry) {
            const std::string member_pointer = pointer + "/" + pointer_token(name);
            const Key* key = find_key(chip_entry_keys, name, member_pointer);
            const std::string wrong = key != nullptr ? scalar_problem(member, key->rule) : "";
            if (!wrong.empty()) problem(member_pointer, wrong);
            valid = valid && key != nullptr && wrong.empty();
        }
        const json::value* usd = entry.if_contains("usd");
        if (usd == nullptr) {
            problem(pointer, "has no \"usd\" (the price in USD)");
        } else if (valid) {
            keep("chip_prices", chip, *usd, origin_with(table, &entry));
        }
    }

    // [[max_chips, usd_per_unit], ...]: max_chips ascending integers >= 1,
    // null (no limit) only in the last tier.
    bool tiers_are_valid(const json::value& value, const std::string& pointer)
    {
        const std::size_t before = reading_.problems.size();
        if (!value.is_array() || value.get_array().empty()) {
            problem(pointer, "must be a non-empty array of [max_chips, usd_per_unit] pairs, got " + shown(value));
            return false;
        }
        const json::array& tiers = value.get_array();
        std::optional<double> previous;
        for (std::size_t i = 0; i < tiers.size(); ++i) {
            const std::string tier_pointer = pointer + "/" + std::to_string(i);
            const json::array* pair = tiers[i].if_array();
            if (pair == nullptr || pair->size() != 2) {
                problem(tier_pointer, "must be a [max_chips, usd_per_unit] pair, got " + shown(tiers[i]));
                continue;
            }
            const json::value& max_chips = (*pair)[0];
            if (max_chips.is_null()) {
                if (i + 1 != tiers.size()) problem(tier_pointer + "/0", "null (no limit) is allowed only in the last tier");
            } else if (!is_integer(max_chips) || max_chips.to_number<double>() < 1) {
                problem(tier_pointer + "/0", "max_chips must be an integer >= 1 or null (no limit), got " + shown(max_chips));
            } else {
                const double chips = max_chips.to_number<double>();
                if (previous && chips <= *previous) {
                    problem(tier_pointer + "/0", "max_chips " + shown(max_chips) + " must be above the previous tier's " +
                                                     shown(tiers[i - 1].get_array()[0]) + ": tiers ascend");
                }
                previous = chips;
            }
            if (const std::string wrong = scalar_problem((*pair)[1], Rule::price); !wrong.empty()) {
                problem(tier_pointer + "/1", wrong);
            }
        }
        return reading_.problems.size() == before;
    }

    std::string origin_;
    CostTableAuthor author_;
    CostTableReading reading_;
};

// 8 and 8.0 are the same price.
bool same_value(const json::value& a, const json::value& b)
{
    if (a.is_number() && b.is_number()) return a.to_number<double>() == b.to_number<double>();
    if (a.is_array() && b.is_array()) {
        const json::array& x = a.get_array();
        const json::array& y = b.get_array();
        if (x.size() != y.size()) return false;
        for (std::size_t i = 0; i < x.size(); ++i) {
            if (!same_value(x[i], y[i])) return false;
        }
        return true;
    }
    return a == b;
}

std::string origin_text(const CostTableLayer& layer, std::string_view leaf)
{
    const json::value* origin = layer.origins.if_contains(leaf);
    return origin != nullptr && origin->is_string() ? std::string(origin->get_string()) : std::string();
}

}  // namespace

CostTableReading read_cost_table(const json::value& table, std::string_view origin, CostTableAuthor author)
{
    return TableReader(origin, author).read(table);
}

void overlay(CostTableLayer& base, const CostTableLayer& top)
{
    for_each_leaf(top.table, [&](std::string_view group, std::string_view key, const json::value& value) {
        if (const auto held = held_key(base.table, group, key); held && *held != key) {
            erase_leaf(base, group, std::string(*held));
        }
        set_leaf(base, group, key, value, top.origins.at(leaf_name(group, key)));
    });
}

std::vector<CostTableConflict> underlay(CostTableLayer& base, const CostTableLayer& lower)
{
    std::vector<CostTableConflict> conflicts;
    for_each_leaf(lower.table, [&](std::string_view group, std::string_view key, const json::value& value) {
        const std::string leaf = leaf_name(group, key);
        const auto held = held_key(base.table, group, key);
        if (!held) {
            set_leaf(base, group, key, value, lower.origins.at(leaf));
            return;
        }
        const json::value& kept = leaf_value(base.table, group, *held);
        if (!same_value(kept, value)) {
            conflicts.push_back({leaf_name(group, *held), kept, origin_text(base, leaf_name(group, *held)), value,
                                 origin_text(lower, leaf)});
        }
    });
    return conflicts;
}

}  // namespace perfreport
