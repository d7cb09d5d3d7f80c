// CSVExporter: the report's tables and summaries as CSV files (SPEC 3.3).
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "csv_file.hpp"
#include "key_value_csv.hpp"
#include "object_rows_csv.hpp"
#include "perfreport/sdk.hpp"
#include "table_csv.hpp"
#include "units.hpp"

namespace perfreport::csv_export {

class CSVExporter final : public IExporter {
public:
    static constexpr const char* id = "csv";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "One CSV per table and per summary (performance.csv, step_metrics.csv, gantt.tasks.csv, ...)";
    static constexpr const char* options_schema = R"({
  "time_unit": {"type": "string", "default": "ms", "values": ["ms", "us"],
                "description": "unit of time columns: µs columns are divided by 1000 under ms"}
})";

    void export_report(const ReportView& report) const override
    {
        const HostServices host = report.host();
        const TimeUnit time_unit{report.option<std::string_view>("/csv/time_unit")};
        const boost::json::object& header = report.header();

        CsvFile performance{host, "performance.csv"};
        write_key_values(header.at("performance").as_object(), "metric", performance_field_unit, time_unit,
                         performance);
        performance.commit();

        // bottleneck.csv holds the four counts; top_ops has a file of its own.
        boost::json::object counts = header.at("bottleneck").as_object();
        const boost::json::value top_ops = counts.contains("top_ops") ? counts.at("top_ops") : boost::json::array{};
        counts.erase("top_ops");
        CsvFile bottleneck{host, "bottleneck.csv"};
        write_key_values(counts, "metric", summary_field_unit, time_unit, bottleneck);
        bottleneck.commit();

        CsvFile top{host, "top_ops.csv"};
        write_object_rows(top_ops.as_array(), {"op_id", "t_total_ms", "bottleneck"}, time_unit, top);
        top.commit();

        write_table_file(report.step_metrics(), "step_metrics.csv", time_unit, host);
        for (const SectionView& section : report.sections()) {
            const std::string id_text{section.id()};
            CsvFile summary{host, id_text + ".csv"};
            write_key_values(section.summary(), "key", summary_field_unit, time_unit, summary);
            summary.commit();
            for (std::size_t t = 0; t < section.table_count(); ++t) {
                const TableView table = section.table(t);
                write_table_file(table, id_text + "." + std::string{table.name()} + ".csv", time_unit, host);
            }
        }
    }

private:
    static void write_table_file(const TableView& table, const std::string& path, const TimeUnit& time_unit,
                                 HostServices host)
    {
        CsvFile file{host, path};
        write_table(table, time_unit, file);
        file.commit();
    }
};

}  // namespace perfreport::csv_export

PERFREPORT_PLUGIN("perfreport-csv", "1.0.0", perfreport::csv_export::CSVExporter)
