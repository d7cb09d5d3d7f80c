// Names as SQL writes them: quoted identifiers and the SQL name of a report table.
#pragma once

#include <string>
#include <string_view>

namespace perfreport::sqlite_export {

// "name" with inner quotes doubled: any column name, keywords such as `end`
// included, is a valid identifier.
inline std::string quoted(std::string_view identifier)
{
    std::string text = "\"";
    for (const char c : identifier) {
        text += c;
        if (c == '"') text += '"';
    }
    return text + '"';
}

// A report table's SQL name: `<section>_<table>` (`gantt_tasks`,
// `compat_gantt_chart_tasks`) with '.' and '-' read as '_', so that it needs
// no quotes; the core table keeps its name, `step_metrics`.
inline std::string sql_table_name(std::string_view section, std::string_view table)
{
    std::string name{section};
    if (!name.empty()) name += '_';
    name += table;
    for (char& c : name) {
        if (c == '.' || c == '-') c = '_';
    }
    return name;
}

}  // namespace perfreport::sqlite_export
