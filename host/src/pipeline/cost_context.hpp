// The cost table the cost analyzer sees (SPEC 2.2, DESIGN "Price source"),
// merged from its sources, highest first: the --cost-table file, the input's
// own context.cost, the price-source plugins. The built-in presets lie below
// all of them, inside the cost plugin. Each value keeps where it came from.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "../input/diagnostic.hpp"
#include "../plugins/plugin_registry.hpp"
#include "cost_table.hpp"
#include "host_log.hpp"

namespace perfreport {

// The sources besides the input, the same for every input of a run.
struct CostSources {
    CostTableLayer price_sources;  // every price source, merged
    CostTableLayer table_file;     // --cost-table
};

// A --cost-table file that cannot be used: what() has one line per problem.
class CostTableError : public std::runtime_error {
public:
    explicit CostTableError(std::vector<std::string> problems);
    const std::vector<std::string>& problems() const noexcept { return problems_; }

private:
    std::vector<std::string> problems_;
};

// Reads and checks a --cost-table file. Throws CostTableError with problems
// such as "cost table prices.json: /rdma/card_price_usd: must be >= 0 (...)".
CostTableLayer load_cost_table_file(const std::filesystem::path& file);

// What one price source answered.
struct PriceSourceTable {
    std::string id;
    boost::json::value table;
};

// What one price source's cost_table call gave: its status, the message it
// set, and the text it wrote (not checked).
struct PriceSourceAnswer {
    PR_Status status = PR_OK;
    std::string error_message;
    std::string text;
};
PriceSourceAnswer ask_price_source(const PriceSourceInfo& source, HostLog& log);

// Asks every price source, in load order. One that fails or answers with
// something other than JSON is left out with a warning W_PRICE_SOURCE.
std::vector<PriceSourceTable> ask_price_sources(const PriceSourceRegistry& registry, HostLog& log,
                                                Diagnostics& warnings);

// One table from the answers. An invalid answer is left out whole with a
// warning W_PRICE_SOURCE listing its problems. When two give one value
// differently, the first (the earlier on the plugin search path) wins, with
// a warning W_PRICE_CONFLICT.
CostTableLayer merge_price_sources(const std::vector<PriceSourceTable>& tables, Diagnostics& warnings);

// The errors of the input's own context.cost (E_COST_TABLE at /context/cost/...).
Diagnostics check_input_cost_table(const boost::json::object& input_context);

// Replaces context["cost"], the input's own table, by the merge of it with
// `sources`, and sets context["cost_origins"] to each value's origin ("table
// FILE", "input context.cost", "price source ID", with the table's source
// and date). With errors in the input's table, returns them and leaves
// `context` as it was.
Diagnostics merge_cost_context(boost::json::object& context, const CostSources& sources);

}  // namespace perfreport
