#include "run_comparison.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "../pipeline/error_slot.hpp"

namespace perfreport {
namespace {

// A long text cut for a message line.
std::string excerpt(const std::string& text)
{
    constexpr std::size_t limit = 120;
    return text.size() <= limit ? text : text.substr(0, limit) + "...";
}

std::optional<std::string> text_difference(const std::string& what, const std::string& a, const std::string& b)
{
    if (a == b) return std::nullopt;
    return what + " differs: '" + excerpt(a) + "' against '" + excerpt(b) + "'";
}

std::optional<std::string> status_difference(PR_Status a_status, const std::string& a_message, PR_Status b_status,
                                             const std::string& b_message)
{
    if (a_status != b_status) {
        return "status " + std::to_string(a_status) + " (" + status_name(a_status) + ") against " +
               std::to_string(b_status) + " (" + status_name(b_status) + ")" +
               (b_message.empty() ? "" : ", '" + excerpt(b_message) + "'");
    }
    return text_difference("the error message", a_message, b_message);
}

// The bytes of one cell, or nullopt when it is null.
std::optional<std::string_view> cell(const PR_Column& column, uint64_t row)
{
    if (column.values == nullptr || (column.valid != nullptr && column.valid[row] == 0)) return std::nullopt;
    const auto* bytes = static_cast<const char*>(column.values);
    switch (column.type) {
    case PR_COLUMN_INT64: return std::string_view(bytes + row * sizeof(int64_t), sizeof(int64_t));
    case PR_COLUMN_FLOAT64: return std::string_view(bytes + row * sizeof(double), sizeof(double));
    case PR_COLUMN_BOOL: return std::string_view(bytes + row, 1);
    case PR_COLUMN_INT64_LIST:
        return std::string_view(bytes + column.offsets[row] * sizeof(int64_t),
                                (column.offsets[row + 1] - column.offsets[row]) * sizeof(int64_t));
    default: return std::string_view(bytes + column.offsets[row], column.offsets[row + 1] - column.offsets[row]);
    }
}

std::optional<std::string> table_difference(const Table& a, const Table& b)
{
    const std::string what = "table '" + a.name() + "'";
    if (a.name() != b.name()) return "table '" + a.name() + "' against table '" + b.name() + "'";
    if (a.row_count() != b.row_count()) {
        return what + " has " + std::to_string(a.row_count()) + " rows against " + std::to_string(b.row_count());
    }
    if (a.columns().size() != b.columns().size()) return what + " has another number of columns";
    for (std::size_t c = 0; c < a.columns().size(); ++c) {
        const PR_Column x = a.columns()[c].view();
        const PR_Column y = b.columns()[c].view();
        const std::string column = what + " column '" + a.columns()[c].name() + "'";
        if (a.columns()[c].name() != b.columns()[c].name() || x.type != y.type || x.flags != y.flags ||
            a.columns()[c].unit() != b.columns()[c].unit()) {
            return column + " has another name, type, unit or flags";
        }
        for (uint64_t row = 0; row < x.length; ++row) {
            if (cell(x, row) != cell(y, row)) return column + " differs in row " + std::to_string(row);
        }
    }
    return std::nullopt;
}

std::string diagnostic_text(const Diagnostic& d)
{
    return (d.level == Severity::error ? "error " : "warning ") + d.code + " " + d.where + " " + d.message;
}

std::string file_bytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

std::optional<std::string> run_difference(const AnalyzerRun& a, const AnalyzerRun& b)
{
    if (auto d = status_difference(a.status, a.error_message, b.status, b.error_message)) return d;
    if (a.diagnostics.size() != b.diagnostics.size()) {
        return std::to_string(a.diagnostics.size()) + " diagnostics against " + std::to_string(b.diagnostics.size());
    }
    for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
        if (auto d = text_difference("a diagnostic", diagnostic_text(a.diagnostics[i]), diagnostic_text(b.diagnostics[i])))
            return d;
    }
    if (a.section.has_value() != b.section.has_value()) return std::string("one gave a section, the other none");
    if (!a.section) return std::nullopt;
    if (auto d = text_difference("the summary", boost::json::serialize(a.section->summary),
                                 boost::json::serialize(b.section->summary)))
        return d;
    if (a.section->tables.size() != b.section->tables.size()) {
        return std::to_string(a.section->tables.size()) + " tables against " + std::to_string(b.section->tables.size());
    }
    for (std::size_t i = 0; i < a.section->tables.size(); ++i) {
        if (auto d = table_difference(a.section->tables[i], b.section->tables[i])) return d;
    }
    return std::nullopt;
}

std::optional<std::string> export_difference(const ExportOutcome& a, const std::filesystem::path& a_folder,
                                             const ExportOutcome& b, const std::filesystem::path& b_folder)
{
    if (auto d = status_difference(a.status, a.error_message, b.status, b.error_message)) return d;
    // Sorted: an exporter may commit its files from parallel tasks.
    const auto listed = [](std::vector<std::string> files) {
        std::sort(files.begin(), files.end());
        std::string text;
        for (const auto& file : files) text += (text.empty() ? "" : " ") + file;
        return text;
    };
    if (auto d = text_difference("the files written", listed(a.files), listed(b.files))) return d;
    for (const auto& file : a.files) {
        if (file_bytes(a_folder / file) != file_bytes(b_folder / file)) return "the bytes of " + file + " differ";
    }
    return std::nullopt;
}

std::optional<std::string> answer_difference(const PriceSourceAnswer& a, const PriceSourceAnswer& b)
{
    if (auto d = status_difference(a.status, a.error_message, b.status, b.error_message)) return d;
    return text_difference("the cost table", a.text, b.text);
}

}  // namespace perfreport
