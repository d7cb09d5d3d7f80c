// Runs the gantt analyzer through the real host on an input document and
// hands back its section as JSON, the way the JSON exporter writes it.
#pragma once

#include <perfreport/sdk/columns.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "file_text.hpp"
#include "host_run.hpp"
#include "section_rows.hpp"

namespace perfreport::test {

struct GanttResult {
    boost::json::object summary;
    boost::json::array resources;  // rows of the `resources` table
    boost::json::array tasks;      // rows of the `tasks` table
    std::vector<std::string> task_columns;  // "name(unit) TYPE", or "name TYPE" without a unit
    Diagnostics diagnostics;       // of the whole run
};

inline std::vector<std::string> columns_of(const Table& table)
{
    std::vector<std::string> columns;
    for (const Column& column : table.columns()) {
        const std::string unit = column.unit().empty() ? "" : "(" + column.unit() + ")";
        columns.push_back(column.name() + unit + " " + column_type_name(column.type()));
    }
    return columns;
}

// `options` are command-line words such as "gantt.mode=per_step".
inline GanttResult run_gantt(const boost::json::object& document, const std::vector<std::string>& options = {})
{
    const EngineResult input = parse_input(boost::json::serialize(document));
    const ReportingReport report = run_analyzers(input, {"gantt"}, options);
    const Section& section = section_of(report, "gantt");
    const Table& tasks = table_named(section, "tasks");
    return {section.summary, rows_of(table_named(section, "resources")), rows_of(tasks), columns_of(tasks),
            report.diagnostics};
}


}  // namespace perfreport::test
