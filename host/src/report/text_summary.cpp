#include "text_summary.hpp"

#include <perfreport/sdk/text_summary.hpp>

namespace perfreport {

std::string build_text(const ReportingReport& report, int64_t top_n)
{
    const boost::json::object header{{"granularity", report.granularity},
                                     {"performance", report.performance},
                                     {"bottleneck", report.bottleneck}};
    return perfreport::build_text(header, top_n);
}

}  // namespace perfreport
