// A cost table (SPEC 2.2): the keys a user or a price source may set, their
// checks, and the values it holds together with where each came from.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace perfreport {

// The values of one or more cost tables. A value is a "leaf": a top-level key
// such as "modules_per_server" or "interconnect.tiers" (tiers are one value),
// or one member of chip_prices, rdma or interconnect ("chip_prices.SG2262",
// "rdma.card_price_usd"), which merge member by member.
struct CostTableLayer {
    boost::json::object table;    // SPEC 2.2 keys only; every chip price a number
    boost::json::object origins;  // leaf name -> where it came from
};

// What is wrong, at a JSON pointer into the table ("" for the table itself).
struct CostTableProblem {
    std::string pointer;
    std::string message;
};

// Who wrote the table: a price source supplies prices and tiers, not the
// choice of the preset, which stays with the user.
enum class CostTableAuthor { user, price_source };

struct CostTableReading {
    CostTableLayer layer;                   // meaningful only without problems
    std::vector<CostTableProblem> problems;  // in the table's order
};

// Checks `table` and turns it into values. Each value's origin is `origin`,
// followed by " (source, as_of)" from the chip price entry or else the
// table's own "source" and "as_of" when given, e.g.
// "price source chip-prices (Intel Computex keynote, 2024-06)".
CostTableReading read_cost_table(const boost::json::value& table, std::string_view origin, CostTableAuthor author);

// Every value of `top` replaces the same leaf of `base`.
void overlay(CostTableLayer& base, const CostTableLayer& top);

// Two sources giving one leaf different values.
struct CostTableConflict {
    std::string leaf;
    boost::json::value kept;
    std::string kept_origin;
    boost::json::value ignored;
    std::string ignored_origin;
};

// Adds the values of `lower` that `base` lacks; `base` keeps its own, and
// each leaf they set differently is returned.
std::vector<CostTableConflict> underlay(CostTableLayer& base, const CostTableLayer& lower);

}  // namespace perfreport
