// Where an analyzer writes its section: summary, tables, diagnostics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/host_call.hpp"
#include "perfreport/sdk/json_writer.hpp"
#include "perfreport/sdk/string_view.hpp"
#include "perfreport/sdk/table_builder.hpp"

namespace perfreport {

// Wraps the PR_SectionSink of one analyze call. Like the sink, it serves one
// thread at a time: compute in parallel, then write from one thread.
class SectionWriter {
public:
    static constexpr std::size_t default_chunk_rows = 65536;

    explicit SectionWriter(const PR_SectionSink& sink) : sink_(&sink) {}
    SectionWriter(const SectionWriter&) = delete;
    SectionWriter& operator=(const SectionWriter&) = delete;

    // The section's summary object; numbers follow JsonWriter's rules.
    void summary(const boost::json::object& object)
    {
        JsonWriter writer;
        writer.json(object);
        detail::check_host_call("summary", [&](PR_Error* error) {
            return sink_->set_summary(sink_, to_pr_string_view(writer.buffer()), error);
        });
        has_summary_ = true;
    }

    // A new table; tables appear in the report in the order they are created.
    TableBuilder& table(std::string name, std::vector<ColumnSpec> columns,
                        std::size_t chunk_rows = default_chunk_rows)
    {
        for (const auto& existing : tables_) {
            if (existing.name() == name) throw std::logic_error("table " + name + " created twice");
        }
        return tables_.emplace_back(*sink_, std::move(name), std::move(columns), chunk_rows);
    }

    // `where` is a JSON pointer into the input, or "" when none applies.
    void warning(std::string_view code, std::string_view where, std::string_view message)
    {
        diagnostic(PR_LEVEL_WARNING, code, where, message);
    }

    void error(std::string_view code, std::string_view where, std::string_view message)
    {
        diagnostic(PR_LEVEL_ERROR, code, where, message);
    }

    // Hands over the rows still buffered, and an empty summary when analyze
    // set none (a section always has one); the SDK calls it when analyze returns.
    void finish()
    {
        for (auto& table : tables_) table.flush();
        if (!has_summary_) summary({});
    }

private:
    void diagnostic(std::int32_t level, std::string_view code, std::string_view where,
                    std::string_view message)
    {
        // The ABI takes NUL-terminated strings.
        const std::string code_text{code}, where_text{where}, message_text{message};
        sink_->diagnostic(sink_, level, code_text.c_str(), where_text.c_str(), message_text.c_str());
    }

    const PR_SectionSink* sink_;
    std::deque<TableBuilder> tables_;  // a deque keeps returned references valid
    bool has_summary_ = false;
};

}  // namespace perfreport
