#include "presets.hpp"

namespace perfreport {
namespace {

struct Preset {
    const char* name;
    boost::json::object options;
};

const std::vector<Preset>& presets()
{
    static const std::vector<Preset> all = {
        {"seed", {}},
        {"tier6",
         {
             {"cost", {{"preset", "tier6"}}},
             {"memory", {{"model", "code"}}},
             {"gantt", {{"mode", "per_step"}, {"phase_transition", "midpoint"}}},
             {"traffic", {{"link_bandwidth_unit", "Gbps"}}},
         }},
    };
    return all;
}

}  // namespace

const boost::json::object* preset_options(std::string_view name)
{
    for (const auto& preset : presets()) {
        if (name == preset.name) return &preset.options;
    }
    return nullptr;
}

std::vector<std::string> preset_names()
{
    std::vector<std::string> names;
    for (const auto& preset : presets()) names.emplace_back(preset.name);
    return names;
}

}  // namespace perfreport
