// The PR_ReportView of a finished report: built once, shared read-only by
// every exporter (each gets its own copy of the top struct with its own host).
#pragma once

#include <perfreport/abi.h>

#include <boost/json/object.hpp>

#include <string>
#include <vector>

#include "../report/reporting_report.hpp"

namespace perfreport {

class ReportViewData {
public:
    ReportViewData(const ReportingReport& report, const boost::json::object& options);
    ReportViewData(const ReportViewData&) = delete;
    ReportViewData& operator=(const ReportViewData&) = delete;

    PR_ReportView view_for(const PR_Host* host) const;

private:
    std::string header_;
    std::string provenance_;
    std::string diagnostics_;
    std::string options_;
    PR_Table step_metrics_{};
    std::vector<std::string> summaries_;
    std::vector<std::vector<PR_Table>> tables_;
    std::vector<PR_SectionView> sections_;
    std::vector<const PR_SectionView*> section_pointers_;
};

}  // namespace perfreport
