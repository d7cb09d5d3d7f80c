// CostAnalyzer: the `cost` section of SPEC 2.2.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "cost_model.hpp"
#include "cost_presets.hpp"
#include "model_size.hpp"
#include "perfreport/sdk.hpp"
#include "resolved_cost_table.hpp"

namespace perfreport::cost {
namespace {

constexpr std::string_view c2c_bandwidth_pointer = "/topology/interconnect/links/c2c/bandwidth_gbps";

// The value at a path of keys inside `root`, or nullptr. (find_at takes a
// json::value: handed an object, it would search a temporary copy.)
const boost::json::value* member_at(const boost::json::object& root, std::initializer_list<std::string_view> path)
{
    const boost::json::object* object = &root;
    const boost::json::value* value = nullptr;
    for (const std::string_view key : path) {
        if (object == nullptr) return nullptr;
        value = object->if_contains(key);
        if (value == nullptr) return nullptr;
        object = value->if_object();
    }
    return value;
}

struct PresetChoice {
    std::string name;
    std::string origin;
};

// context.cost.preset (whoever set it), else the option cost.preset (the
// tier6 option preset sets it), else "seed".
PresetChoice choose_preset(const AnalyzerInput& input)
{
    PresetChoice choice{"seed", "default"};
    if (member_at(input.options(), {"cost", "preset"}) != nullptr) {
        choice = {std::string(input.option<std::string_view>("/cost/preset")), "option cost.preset"};
    }
    if (member_at(input.context(), {"cost", "preset"}) != nullptr) {
        const boost::json::value* origin = member_at(input.context(), {"cost_origins", "preset"});
        choice = {std::string(input.context_value<std::string_view>("/cost/preset")),
                  origin != nullptr && origin->is_string() ? std::string(origin->get_string()) : "input context.cost"};
    }
    return choice;
}

boost::json::object preset_or_fail(const PresetChoice& choice)
{
    if (auto table = preset_table(choice.name)) return std::move(*table);
    std::string known;
    for (const auto name : preset_names) known += (known.empty() ? "" : ", ") + std::string(name);
    throw Failure(PR_ERR_INVALID_INPUT,
                  "cost preset \"" + choice.name + "\" (from " + choice.origin + ") is unknown; known presets: " + known);
}

std::int64_t chip_count(const AnalyzerInput& input)
{
    const std::int64_t count = input.context_value<std::int64_t>("/hardware/chip_count");
    if (count <= 0) {
        throw Failure(PR_ERR_INVALID_INPUT, "context value /hardware/chip_count must be > 0, got " + std::to_string(count));
    }
    return count;
}

// Read only when the interconnect is priced by bandwidth.
double c2c_bandwidth_gbps(const AnalyzerInput& input)
{
    if (member_at(input.context(), {"topology", "interconnect", "links", "c2c", "bandwidth_gbps"}) == nullptr) {
        throw Failure(PR_ERR_MISSING_CONTEXT, "interconnect.unit \"bandwidth\" prices the c2c link bandwidth, but the "
                                              "context has no " + std::string(c2c_bandwidth_pointer));
    }
    return input.context_value<double>(c2c_bandwidth_pointer);
}

const boost::json::object* model_of(const AnalyzerInput& input)
{
    const boost::json::value* model = member_at(input.context(), {"model"});
    return model != nullptr ? model->if_object() : nullptr;
}

}  // namespace

class CostAnalyzer final : public IAnalyzer {
public:
    static constexpr const char* id = "cost";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "Cost: servers, RDMA, interconnect, cost per chip and per million tokens, from a preset plus "
        "the cost table, each value with its origin";
    static constexpr std::array required_context{"/hardware/chip_type", "/hardware/chip_count"};
    // No default: an unset option lets context.cost.preset or "seed" decide.
    static constexpr const char* options_schema = R"json({
  "preset": {"type": "string", "values": ["seed", "tier6"],
             "description": "cost preset when context.cost has none: seed (the seed design) or tier6 (the upstream code)"}
})json";

    void analyze(const AnalyzerInput& input, SectionWriter& out) const override
    {
        const PresetChoice preset = choose_preset(input);
        ResolvedCostTable table(preset.name, preset_or_fail(preset), member_at(input.context(), {"cost"}),
                                member_at(input.context(), {"cost_origins"}));
        const std::string_view chip_type = input.context_value<std::string_view>("/hardware/chip_type");
        const ChipPrice price = table.chip_price(chip_type);
        const Parameters parameters = table.parameters();
        Deployment deployment{price.usd, chip_count(input), input.aggregates().tps, 0.0};
        if (parameters.interconnect_unit == InterconnectUnit::bandwidth) {
            deployment.c2c_bandwidth_gbps = c2c_bandwidth_gbps(input);
        }
        const Breakdown cost = compute_cost(parameters, deployment);
        if (!(deployment.tps > 0)) {
            out.warning("W_TPS_ZERO", "/aggregates/tps", "tps is 0: cost_per_million_tokens and dfop are 0");
        }

        boost::json::object origins{{"preset", preset.origin}};
        for (const auto& item : table.origins()) origins[item.key()] = item.value();
        const auto size = model_size_gb(model_of(input));
        out.summary({
            {"preset", preset.name},
            {"chip_type", chip_type},
            {"chip_count", deployment.chip_count},
            {"chip_price", price.usd},
            {"num_servers", cost.num_servers},
            {"server_cost", cost.server_cost},
            {"rdma_cost", cost.rdma_cost},
            {"per_chip_cost", cost.per_chip_cost},
            {"interconnect_units", cost.interconnect_units},
            {"interconnect_unit_price", cost.interconnect_unit_price},
            {"interconnect_cost", cost.interconnect_cost},
            {"total_cost", cost.total_cost},
            {"cost_per_chip", cost.cost_per_chip},
            {"cost_per_million_tokens", cost.cost_per_million_tokens},
            {"dfop", cost.dfop},
            {"tps", deployment.tps},
            {"depreciation_years", parameters.depreciation_years},
            {"model_size_gb", size ? boost::json::value(*size) : boost::json::value(nullptr)},
            {"origins", std::move(origins)},
        });
    }
};

}  // namespace perfreport::cost

PERFREPORT_PLUGIN("perfreport-cost", "1.0.0", perfreport::cost::CostAnalyzer)
