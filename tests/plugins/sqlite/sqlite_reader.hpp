// profiler.db read the two ways a user reads it: SQLite's C API (opened
// read-only, cells with their storage class) and the sqlite3 shell
// (`sqlite3 -json`), whose output is parsed as JSON.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <boost/json/value.hpp>

#include "command_runner.hpp"
#include "file_text.hpp"
#include "temp_dir.hpp"

namespace perfreport::test {

// A cell as sqlite3_column_* gives it: NULL, INTEGER, REAL or TEXT.
using SqlCell = std::variant<std::monostate, std::int64_t, double, std::string>;
using SqlRow = std::vector<SqlCell>;

inline bool is_null(const SqlCell& cell) { return std::holds_alternative<std::monostate>(cell); }

class SqliteFile {
public:
    explicit SqliteFile(const std::filesystem::path& file)
    {
        if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw std::runtime_error("cannot open " + file.string() + ": " + message);
        }
    }
    SqliteFile(const SqliteFile&) = delete;
    SqliteFile& operator=(const SqliteFile&) = delete;
    ~SqliteFile() { sqlite3_close(db_); }

    std::vector<SqlRow> query(const std::string& sql) const
    {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            throw std::runtime_error("cannot prepare " + sql + ": " + sqlite3_errmsg(db_));
        }
        std::vector<SqlRow> rows;
        int status = SQLITE_ROW;
        while ((status = sqlite3_step(statement)) == SQLITE_ROW) {
            SqlRow& row = rows.emplace_back();
            for (int c = 0; c < sqlite3_column_count(statement); ++c) row.push_back(cell(statement, c));
        }
        sqlite3_finalize(statement);
        if (status != SQLITE_DONE) throw std::runtime_error("cannot run " + sql + ": " + sqlite3_errmsg(db_));
        return rows;
    }

    // The one value a query returns.
    SqlCell value(const std::string& sql) const
    {
        const std::vector<SqlRow> rows = query(sql);
        if (rows.size() != 1 || rows[0].size() != 1) throw std::runtime_error(sql + " gave no single value");
        return rows[0][0];
    }

    std::int64_t count(const std::string& table) const
    {
        return std::get<std::int64_t>(value("SELECT COUNT(*) FROM \"" + table + "\""));
    }

    // The first column of every row, as text.
    std::vector<std::string> texts(const std::string& sql) const
    {
        std::vector<std::string> out;
        for (const SqlRow& row : query(sql)) out.push_back(std::get<std::string>(row.at(0)));
        return out;
    }

private:
    static SqlCell cell(sqlite3_stmt* statement, int c)
    {
        switch (sqlite3_column_type(statement, c)) {
        case SQLITE_INTEGER: return sqlite3_column_int64(statement, c);
        case SQLITE_FLOAT: return sqlite3_column_double(statement, c);
        case SQLITE_TEXT: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
            return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, c)));
        }
        case SQLITE_NULL: return std::monostate{};
        default: throw std::runtime_error("a BLOB cell: profiler.db stores none");
        }
    }

    sqlite3* db_ = nullptr;
};

// `sqlite3 -readonly -json FILE SQL`: the rows as JSON objects ([] when none).
inline boost::json::array shell_json(const std::filesystem::path& file, const std::string& sql)
{
    const TempDir scratch;
    const std::string command = "sqlite3 -readonly -json " + shell_quote(file.string()) + " " + shell_quote(sql) +
                                " > " + shell_quote((scratch / "out.json").string());
    if (std::system(command.c_str()) != 0) {
        ADD_FAILURE() << "the sqlite3 shell failed: " << command;
        return {};
    }
    const std::string text = read_text(scratch / "out.json");
    if (text.find_first_not_of(" \n") == std::string::npos) return {};
    return parse_json(text).as_array();
}

// The single value of a one-row, one-column shell query.
inline boost::json::value shell_value(const std::filesystem::path& file, const std::string& sql)
{
    const boost::json::array rows = shell_json(file, sql);
    if (rows.size() != 1 || rows[0].as_object().size() != 1) {
        ADD_FAILURE() << sql << " gave no single value";
        return nullptr;
    }
    return rows[0].as_object().begin()->value();
}

}  // namespace perfreport::test
