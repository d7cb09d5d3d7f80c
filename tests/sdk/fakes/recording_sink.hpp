// A PR_SectionSink that copies everything it receives, as a host would.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cell_table.hpp"
#include "perfreport/abi.h"

namespace perfreport::fakes {

struct RecordedDiagnostic {
    std::int32_t level;
    std::string code;
    std::string where;
    std::string message;
};

class RecordingSink {
public:
    RecordingSink()
        : sink_{sizeof(PR_SectionSink), 0, this, &RecordingSink::set_summary, &RecordingSink::append_table,
                &RecordingSink::diagnostic}
    {
    }
    RecordingSink(const RecordingSink&) = delete;
    RecordingSink& operator=(const RecordingSink&) = delete;

    const PR_SectionSink* get() const { return &sink_; }

    const CellTable& table(std::string_view name) const
    {
        for (const auto& t : tables) {
            if (t.name == name) return t;
        }
        throw std::out_of_range("no table " + std::string{name});
    }

    std::optional<std::string> summary;
    std::vector<CellTable> tables;                      // in creation order
    std::vector<std::vector<std::uint64_t>> appends;    // rows per append_table call, per table
    std::vector<RecordedDiagnostic> diagnostics;

private:
    static RecordingSink& self(const PR_SectionSink* sink) { return *static_cast<RecordingSink*>(sink->host_data); }

    static PR_Status set_summary(const PR_SectionSink* sink, PR_StringView json_object, PR_Error*)
    {
        self(sink).summary.emplace(json_object.data, json_object.size);
        return PR_OK;
    }

    // Later chunks must carry the columns of the first, as the ABI requires.
    static PR_Status append_table(const PR_SectionSink* sink, const PR_Table* rows, PR_Error* error)
    {
        RecordingSink& me = self(sink);
        std::size_t index = 0;
        while (index < me.tables.size() && me.tables[index].name != rows->name) ++index;
        if (index == me.tables.size()) {
            me.tables.emplace_back();
            me.appends.emplace_back();
        } else if (!same_columns(me.tables[index], *rows)) {
            const std::string message = std::string{"columns of table "} + rows->name + " changed";
            error->set_message(error, message.data(), message.size());
            return PR_ERR_INVALID_ARGUMENT;
        }
        append_rows(*rows, me.tables[index]);
        me.appends[index].push_back(rows->row_count);
        return PR_OK;
    }

    static bool same_columns(const CellTable& table, const PR_Table& rows)
    {
        if (table.columns.size() != rows.column_count) return false;
        for (std::uint32_t c = 0; c < rows.column_count; ++c) {
            const PR_Column& column = rows.columns[c];
            if (table.columns[c].name != column.name || table.columns[c].unit != column.unit ||
                table.columns[c].type != column.type) {
                return false;
            }
        }
        return true;
    }

    static void diagnostic(const PR_SectionSink* sink, std::int32_t level, const char* code, const char* where,
                           const char* message)
    {
        self(sink).diagnostics.push_back({level, code, where, message});
    }

    PR_SectionSink sink_;
};

}  // namespace perfreport::fakes
