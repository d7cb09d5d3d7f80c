#include "report_json.hpp"

#include <boost/json/serialize.hpp>

#include "../version.hpp"
#include "timestamp.hpp"

namespace perfreport {
namespace {

boost::json::object part_json(const PartProvenance& part, bool ran)
{
    boost::json::object o{{"id", part.id}, {"version", part.version}, {"library", part.library}};
    if (ran) {
        o["elapsed_ms"] = reproducible_output() ? 0.0 : part.elapsed_ms;
        o["status"] = part.status;
    }
    return o;
}

}  // namespace

std::string header_json(const ReportingReport& report)
{
    return boost::json::serialize(boost::json::object{
        {"schema_version", report_schema_version},
        {"timestamp", report.timestamp},
        {"granularity", report.granularity},
        {"performance", report.performance},
        {"bottleneck", report.bottleneck},
        {"config", report.config},
    });
}

std::string provenance_json(const ReportingReport& report)
{
    boost::json::array analyzers;
    for (const auto& part : report.analyzers) analyzers.push_back(part_json(part, true));
    // Exporters write the report, so their outcome cannot be inside it.
    boost::json::array exporters;
    for (const auto& part : report.exporters) exporters.push_back(part_json(part, false));
    boost::json::object o;
    o["producer"] = report.producer ? boost::json::value(*report.producer) : nullptr;
    o["host_version"] = host_version;
    o["abi_version"] = version_text(host_abi);
    o["analyzers"] = std::move(analyzers);
    o["exporters"] = std::move(exporters);
    return boost::json::serialize(o);
}

std::string diagnostics_json(const Diagnostics& diagnostics)
{
    boost::json::array list;
    for (const auto& d : diagnostics) {
        list.push_back(boost::json::object{
            {"level", d.level == Severity::error ? "error" : "warning"},
            {"code", d.code},
            {"source", d.source},
            {"where", d.where},
            {"message", d.message},
        });
    }
    return boost::json::serialize(list);
}

}  // namespace perfreport
