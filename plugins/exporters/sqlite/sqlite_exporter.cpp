// SQLiteExporter: the report as one SQLite database, profiler.db (decision
// D10): the trace as process, thread, slice, counter and flow tables, one SQL
// table per report table, and the report's scalars, all described in the
// `tables` and `columns` tables.
//
// The database is built in a temporary file inside the output folder that
// the host renames to profiler.db only once it is complete (ABI 1.1
// open_output_path), so no reader ever sees half a database and a failure
// leaves nothing under the final name. That is what makes SQLite's safety
// nets redundant here: no rollback journal (journal_mode OFF) and no fsync
// (synchronous OFF), since a crash can only ever lose a temporary file.
#include <string>

#include "catalog.hpp"
#include "perfreport/sdk.hpp"
#include "perfreport/sdk/trace_tracks.hpp"
#include "report_scalars.hpp"
#include "report_tables.hpp"
#include "sql_text.hpp"
#include "sqlite_database.hpp"
#include "trace_tables.hpp"

namespace perfreport::sqlite_export {

class SQLiteExporter final : public IExporter {
public:
    static constexpr const char* id = "sqlite";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description =
        "The trace and every report table in one SQLite database, profiler.db (process, thread, slice, counter, "
        "flow, step_metrics, gantt_tasks, ...)";

    void export_report(const ReportView& report) const override
    {
        const HostServices host = report.host();
        OutputPath file = host.open_output_path("profiler.db");
        {
            Database db{file.temporary_path()};
            // One writer on a file no one else sees: no locks to share, no
            // journal, no fsync; sorting for the indexes stays in memory.
            db.execute("PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                       "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536");
            db.execute("BEGIN");
            write_database(db, report, host);
            db.execute("COMMIT");
            db.close();
        }
        file.commit();
    }

private:
    static void write_database(Database& db, const ReportView& report, const HostServices& host)
    {
        Catalog catalog{db};
        write_metadata(catalog, report);
        write_summaries(catalog, report);

        TraceTables trace{db, catalog};
        if (report.find_section("gantt") != nullptr) {
            trace.write(TraceTracks{report, id}, host);
        } else {
            host.log(LogLevel::warning, "the report has no gantt section: profiler.db's trace tables are empty");
        }
        trace.create_indexes();

        write_report_table(db, catalog, report.step_metrics(), "step_metrics", "step_metrics", host);
        for (const SectionView& section : report.sections()) {
            for (std::size_t t = 0; t < section.table_count(); ++t) {
                const TableView table = section.table(t);
                const std::string source = std::string{section.id()} + "." + std::string{table.name()};
                write_report_table(db, catalog, table, sql_table_name(section.id(), table.name()), source, host);
            }
        }
    }
};

}  // namespace perfreport::sqlite_export

PERFREPORT_PLUGIN("perfreport-sqlite", "1.0.0", perfreport::sqlite_export::SQLiteExporter)
