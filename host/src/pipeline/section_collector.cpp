#include "section_collector.hpp"

#include <perfreport/sdk/json_parse.hpp>

#include <stdexcept>

#include "callback_guard.hpp"

namespace perfreport {
namespace {

SectionCollector& self_of(const PR_SectionSink* sink)
{
    return *static_cast<SectionCollector*>(sink->host_data);
}

PR_Status refuse(PR_Error* error, PR_Status status, const std::string& message)
{
    if (error != nullptr && error->set_message != nullptr) {
        error->set_message(error, message.data(), message.size());
    }
    return status;
}

}  // namespace

SectionCollector::SectionCollector(std::string analyzer_id)
{
    section_.id = std::move(analyzer_id);
    sink_.struct_size = sizeof(PR_SectionSink);
    sink_.host_data = this;
    sink_.set_summary = &SectionCollector::set_summary;
    sink_.append_table = &SectionCollector::append_table;
    sink_.diagnostic = &SectionCollector::diagnostic;
}

PR_Status SectionCollector::set_summary(const PR_SectionSink* sink, PR_StringView json, PR_Error* error)
{
    return guard_status(error, [&] { return self_of(sink).take_summary(json, error); });
}

PR_Status SectionCollector::take_summary(PR_StringView json, PR_Error* error)
{
    if (json.data == nullptr) return refuse(error, PR_ERR_INVALID_ARGUMENT, "summary: no text");
    std::string problem;
    auto value = parse_json(std::string_view(json.data, json.size), problem);
    if (!value) return refuse(error, PR_ERR_INVALID_ARGUMENT, "summary is not JSON: " + problem);
    if (!value->is_object()) return refuse(error, PR_ERR_INVALID_ARGUMENT, "summary is not a JSON object");
    section_.summary = std::move(value->as_object());
    has_summary_ = true;
    return PR_OK;
}

PR_Status SectionCollector::append_table(const PR_SectionSink* sink, const PR_Table* rows, PR_Error* error)
{
    return guard_status(error, [&] { return self_of(sink).take_rows(rows, error); });
}

PR_Status SectionCollector::take_rows(const PR_Table* rows, PR_Error* error)
{
    if (rows == nullptr || rows->name == nullptr || *rows->name == '\0') {
        return refuse(error, PR_ERR_INVALID_ARGUMENT, "append_table: the table has no name");
    }
    // Table names become file names (gantt.tasks.csv) and places in the
    // summary ("gantt_chart.tasks"): plain words joined by single dots.
    const std::string_view name = rows->name;
    bool word_start = true;
    for (const char c : name) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!letter && !(c == '.' && !word_start)) {
            return refuse(error, PR_ERR_INVALID_ARGUMENT,
                          "table name '" + std::string(name) + "' must be words of a-z, 0-9 and _ joined by dots");
        }
        word_start = c == '.';
    }
    if (word_start) {
        return refuse(error, PR_ERR_INVALID_ARGUMENT, "table name '" + std::string(name) + "' ends with a dot");
    }
    try {
        Table* table = nullptr;
        for (auto& existing : section_.tables) {
            if (existing.name() == rows->name) table = &existing;
        }
        if (table == nullptr) table = &section_.tables.emplace_back(rows->name);
        table->append(*rows);
    } catch (const std::invalid_argument& e) {
        return refuse(error, PR_ERR_INVALID_ARGUMENT, e.what());
    }
    return PR_OK;
}

void SectionCollector::diagnostic(const PR_SectionSink* sink, int32_t level, const char* code,
                                  const char* where, const char* message)
{
    guard_void([&] {
        auto& self = self_of(sink);
        self.diagnostics_.push_back({level >= PR_LEVEL_ERROR ? Severity::error : Severity::warning,
                                     code != nullptr ? code : "", self.section_.id,
                                     where != nullptr ? where : "", message != nullptr ? message : ""});
    });
}

Section SectionCollector::take_section()
{
    if (!has_summary_) throw std::invalid_argument("the analyzer returned no summary");
    for (const auto& table : section_.tables) {
        if (section_.summary.contains(table.name())) {
            throw std::invalid_argument("table '" + table.name() + "' has the name of a summary key");
        }
    }
    return std::move(section_);
}

}  // namespace perfreport
