// A SQLite connection and its prepared statements, failing as perfreport
// Failures that carry SQLite's own message.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <sqlite3.h>

#include "perfreport/sdk/failure.hpp"

namespace perfreport::sqlite_export {

// A statement prepared once and run once per row: bind, step, and it resets
// itself for the next row. Bound text is not copied: it must stay valid
// until step() (report columns live for the whole export).
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql) : db_(db)
    {
        if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                               &statement_, nullptr) != SQLITE_OK) {
            throw Failure(PR_ERR_INTERNAL,
                          std::string{"SQLite cannot prepare "} + std::string{sql} + ": " + sqlite3_errmsg(db));
        }
    }
    Statement(Statement&& other) noexcept
        : db_(other.db_), statement_(std::exchange(other.statement_, nullptr))
    {
    }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;
    ~Statement() { sqlite3_finalize(statement_); }

    // Parameters count from 1, as in SQL's ?1, ?2, ...
    void bind_null(int index) { check(sqlite3_bind_null(statement_, index)); }
    void bind(int index, std::int64_t value) { check(sqlite3_bind_int64(statement_, index, value)); }
    void bind(int index, double value) { check(sqlite3_bind_double(statement_, index, value)); }
    // Text, never NULL: an empty view is the empty string.
    void bind(int index, std::string_view text)
    {
        const char* data = text.data() != nullptr ? text.data() : "";
        check(sqlite3_bind_text64(statement_, index, data, text.size(), SQLITE_STATIC, SQLITE_UTF8));
    }

    // Runs the statement to completion, then readies it for new bindings.
    void run()
    {
        const int status = sqlite3_step(statement_);
        sqlite3_reset(statement_);
        if (status != SQLITE_DONE) fail(status);
    }

private:
    void check(int status) const
    {
        if (status != SQLITE_OK) fail(status);
    }

    [[noreturn]] void fail(int status) const
    {
        throw Failure(PR_ERR_IO, std::string{"SQLite: "} + sqlite3_errstr(status) + " (" + sqlite3_errmsg(db_) +
                                     ") in " + sqlite3_sql(statement_));
    }

    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
};

// One connection to a database file, used by one thread.
class Database {
public:
    explicit Database(const std::string& path)
    {
        const int status = sqlite3_open_v2(path.c_str(), &db_,
                                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                                           nullptr);
        if (status != SQLITE_OK) {
            const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(status);
            sqlite3_close(db_);
            throw Failure(PR_ERR_IO, "SQLite cannot open " + path + ": " + message);
        }
    }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database() { sqlite3_close_v2(db_); }

    sqlite3* get() const noexcept { return db_; }

    // Runs SQL without parameters (schema, pragmas, transactions).
    void execute(const std::string& sql)
    {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
            const std::string text = message != nullptr ? message : sqlite3_errmsg(db_);
            sqlite3_free(message);
            throw Failure(PR_ERR_IO, "SQLite: " + text + " in " + sql);
        }
    }

    // Closes the file, so that it is complete on disk; every statement must
    // be finalized first.
    void close()
    {
        if (sqlite3_close(db_) != SQLITE_OK) {
            throw Failure(PR_ERR_IO, std::string{"SQLite cannot close the database: "} + sqlite3_errmsg(db_));
        }
        db_ = nullptr;
    }

private:
    sqlite3* db_ = nullptr;
};

}  // namespace perfreport::sqlite_export
