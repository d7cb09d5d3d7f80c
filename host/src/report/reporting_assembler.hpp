// ReportingAssembler: the core summary of SPEC 2.1 (performance, bottleneck,
// top ops, step_metrics), which every report has.
#pragma once

#include <cstdint>

#include "../input/engine_result.hpp"
#include "reporting_report.hpp"

namespace perfreport {

struct CoreSummaryOptions {
    int64_t top_n = 5;
    bool include_step_metrics = true;
};

class ReportingAssembler {
public:
    explicit ReportingAssembler(CoreSummaryOptions options) : options_(options) {}

    // Fills the header fields, performance, bottleneck and step_metrics of `report`.
    void assemble(const EngineResult& input, ReportingReport& report) const;

private:
    boost::json::object performance(const PR_Aggregates& aggregates) const;
    boost::json::object bottleneck(const EngineResult& input) const;
    Table step_metrics(const EngineResult& input) const;

    CoreSummaryOptions options_;
};

}  // namespace perfreport
