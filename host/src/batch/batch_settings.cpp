#include "batch_settings.hpp"

#include <boost/json/serialize.hpp>

#include "../version.hpp"
#include "content_hash.hpp"

namespace perfreport {
namespace json = boost::json;
namespace {

template <class Info>
json::array parts(const std::vector<const Info*>& chosen)
{
    json::array list;
    for (const Info* info : chosen) list.emplace_back(info->id + " " + info->version);
    return list;
}

json::array price_sources(const PriceSourceRegistry& registry)
{
    json::array list;
    for (const auto& info : registry.all()) list.emplace_back(info.id + " " + info.version);
    return list;
}

json::array command_line(const std::vector<CommandLineOption>& options)
{
    json::array list;
    for (const auto& option : options) {
        const std::string key = option.section.empty() ? option.key : option.section + "." + option.key;
        list.emplace_back(key + "=" + json::serialize(option.value));
    }
    return list;
}

}  // namespace

json::object batch_settings(const ReportSetup& setup)
{
    return {
        {"host_version", host_version},
        {"analyzers", parts(setup.analyzers)},
        {"exporters", parts(setup.exporters)},
        {"price_sources", price_sources(setup.catalog->price_sources)},
        {"options", command_line(setup.command_line)},
        {"cost_table_file", setup.cost.table_file.table},
        {"price_source_table", setup.cost.price_sources.table},
    };
}

std::string settings_hash(const json::object& settings)
{
    return content_hash(json::serialize(settings));
}

}  // namespace perfreport
