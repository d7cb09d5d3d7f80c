// The tables this exporter creates, described inside the database itself:
//   tables(name, kind, source)  kind: report | trace | metadata; source: the
//                               report table or part the rows come from
//   columns(table_name, position, name, sql_type, value_type, unit)
//                               value_type: the report's column type (INT64,
//                               FLOAT64, BOOL, STRING, JSON, INT64_LIST)
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "perfreport/sdk/failure.hpp"
#include "sql_text.hpp"
#include "sqlite_database.hpp"

namespace perfreport::sqlite_export {

// One column of a table the exporter creates.
struct SqlColumn {
    std::string name;
    std::string_view sql_type;         // INTEGER, REAL or TEXT
    std::string value_type;            // as the report types it (column_type_name)
    std::string unit;                  // "" when none
    std::string_view constraint = "";  // e.g. "PRIMARY KEY", "REFERENCES thread(id)"
};

class Catalog {
public:
    explicit Catalog(Database& db)
        : db_(&db),
          tables_(create(db, "tables", tables_columns())),
          columns_(create(db, "columns", columns_columns()))
    {
        record("tables", "metadata", "", tables_columns());
        record("columns", "metadata", "", columns_columns());
    }

    // Creates table `name`, records it, and returns the statement that
    // inserts one row (?1..?n in column order). A second table of the same
    // name (SQL names ignore case) is a Failure naming its source.
    Statement create_table(const std::string& name, std::string_view kind, std::string_view source,
                           const std::vector<SqlColumn>& columns)
    {
        record(name, kind, source, columns);
        return create(*db_, name, columns);
    }

private:
    static std::vector<SqlColumn> tables_columns()
    {
        return {{"name", "TEXT", "STRING", "", "PRIMARY KEY"},
                {"kind", "TEXT", "STRING", ""},
                {"source", "TEXT", "STRING", ""}};
    }

    static std::vector<SqlColumn> columns_columns()
    {
        return {{"table_name", "TEXT", "STRING", "", "REFERENCES tables(name)"},
                {"position", "INTEGER", "INT64", ""},
                {"name", "TEXT", "STRING", ""},
                {"sql_type", "TEXT", "STRING", ""},
                {"value_type", "TEXT", "STRING", ""},
                {"unit", "TEXT", "STRING", ""}};
    }

    static Statement create(Database& db, const std::string& name, const std::vector<SqlColumn>& columns)
    {
        std::string definition = "CREATE TABLE " + quoted(name) + " (";
        std::string insert = "INSERT INTO " + quoted(name) + " VALUES (";
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const SqlColumn& column = columns[i];
            if (i > 0) {
                definition += ", ";
                insert += ", ";
            }
            definition += quoted(column.name) + " " + std::string{column.sql_type};
            if (!column.constraint.empty()) definition += " " + std::string{column.constraint};
            insert += "?" + std::to_string(i + 1);
        }
        db.execute(definition + ")");
        return Statement{db.get(), insert + ")"};
    }

    void record(const std::string& name, std::string_view kind, std::string_view source,
                const std::vector<SqlColumn>& columns)
    {
        std::string folded = name;
        std::transform(folded.begin(), folded.end(), folded.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (!names_.insert(folded).second) {
            throw Failure(PR_ERR_INVALID_INPUT, "two tables would be called " + name + " in the database (the second from " +
                                                    std::string{source} + ")");
        }
        tables_.bind(1, std::string_view{name});
        tables_.bind(2, kind);
        tables_.bind(3, source);
        tables_.run();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            columns_.bind(1, std::string_view{name});
            columns_.bind(2, static_cast<std::int64_t>(i));
            columns_.bind(3, std::string_view{columns[i].name});
            columns_.bind(4, columns[i].sql_type);
            columns_.bind(5, std::string_view{columns[i].value_type});
            columns_.bind(6, std::string_view{columns[i].unit});
            columns_.run();
        }
    }

    Database* db_;
    std::set<std::string> names_;
    Statement tables_;
    Statement columns_;
};

}  // namespace perfreport::sqlite_export
