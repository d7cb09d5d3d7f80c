// The report's scalars, beside its tables:
//   metadata(key, value)            the header's schema_version, timestamp,
//                                   granularity and config, the provenance's
//                                   producer, host_version and abi_version,
//                                   and provenance and diagnostics whole
//   summary(part, key, value, unit) every member of the header's performance
//                                   and bottleneck and of each section's
//                                   summary, in report order
// A value keeps its JSON type: integers INTEGER, other numbers REAL, strings
// TEXT, true/false 1/0, null NULL; objects and arrays are JSON text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <boost/json/value.hpp>

#include "catalog.hpp"
#include "perfreport/sdk/field_units.hpp"
#include "perfreport/sdk/json_writer.hpp"
#include "perfreport/sdk/report_view.hpp"
#include "sqlite_database.hpp"

namespace perfreport::sqlite_export {
namespace detail {

// `scratch` holds the JSON text of an object or array until the row is inserted.
inline void bind_json_value(Statement& insert, int index, const boost::json::value& value, std::string& scratch)
{
    switch (value.kind()) {
    case boost::json::kind::null: return insert.bind_null(index);
    case boost::json::kind::bool_: return insert.bind(index, std::int64_t{value.get_bool()});
    case boost::json::kind::int64: return insert.bind(index, value.get_int64());
    case boost::json::kind::uint64: {
        const std::uint64_t number = value.get_uint64();
        if (number <= static_cast<std::uint64_t>(INT64_MAX)) return insert.bind(index, static_cast<std::int64_t>(number));
        return insert.bind(index, static_cast<double>(number));
    }
    case boost::json::kind::double_: return insert.bind(index, value.get_double());
    case boost::json::kind::string: return insert.bind(index, std::string_view{value.get_string()});
    case boost::json::kind::array:
    case boost::json::kind::object: {
        JsonWriter json;
        json.json(value);
        scratch = std::move(json.buffer());
        return insert.bind(index, std::string_view{scratch});
    }
    }
}

template <class UnitOf>
void insert_members(Statement& insert, std::string_view part, const boost::json::object& object, UnitOf unit_of)
{
    std::string scratch;
    for (const auto& member : object) {
        const bool nested = member.value().is_object() || member.value().is_array();
        insert.bind(1, part);
        insert.bind(2, std::string_view{member.key()});
        bind_json_value(insert, 3, member.value(), scratch);
        insert.bind(4, nested ? std::string_view{""} : unit_of(member.key()));
        insert.run();
    }
}

}  // namespace detail

inline void write_metadata(Catalog& catalog, const ReportView& report)
{
    Statement insert = catalog.create_table("metadata", "metadata", "header, provenance, diagnostics",
                                            {{"key", "TEXT", "STRING", "", "PRIMARY KEY"},
                                             {"value", "", "JSON", ""}});
    std::string scratch;
    const auto add = [&](std::string_view key, const boost::json::value& value) {
        insert.bind(1, key);
        detail::bind_json_value(insert, 2, value, scratch);
        insert.run();
    };
    for (const char* key : {"schema_version", "timestamp", "granularity", "config"}) {
        add(key, member(report.header(), key, "the report header"));
    }
    for (const char* key : {"producer", "host_version", "abi_version"}) {
        add(key, member(report.provenance(), key, "the report's provenance"));
    }
    add("provenance", report.provenance());
    add("diagnostics", report.diagnostics());
}

inline void write_summaries(Catalog& catalog, const ReportView& report)
{
    Statement insert = catalog.create_table("summary", "metadata", "header performance and bottleneck, section summaries",
                                            {{"part", "TEXT", "STRING", ""},
                                             {"key", "TEXT", "STRING", ""},
                                             {"value", "", "JSON", ""},
                                             {"unit", "TEXT", "STRING", ""}});
    const boost::json::object& header = report.header();
    detail::insert_members(insert, "performance", object_at(header, "performance", "the report header"),
                           performance_field_unit);
    detail::insert_members(insert, "bottleneck", object_at(header, "bottleneck", "the report header"),
                           summary_field_unit);
    for (const SectionView& section : report.sections()) {
        detail::insert_members(insert, section.id(), section.summary(), summary_field_unit);
    }
}

}  // namespace perfreport::sqlite_export
