// An array of row objects (the header's top_ops) as CSV: the columns known
// in advance, then any other key in the order it first appears; units are
// read from the key names.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include <boost/json/array.hpp>

#include "perfreport/sdk/csv_cell.hpp"
#include "csv_file.hpp"
#include "units.hpp"

namespace perfreport::csv_export {

inline void write_object_rows(const boost::json::array& rows, std::vector<std::string> keys,
                              const TimeUnit& time_unit, CsvFile& file)
{
    for (const auto& row : rows) {
        for (const auto& member : row.as_object()) {
            if (std::find(keys.begin(), keys.end(), member.key()) == keys.end()) keys.emplace_back(member.key());
        }
    }
    std::vector<ShownUnit> units;
    std::string& text = file.text();
    for (const std::string& key : keys) {
        units.push_back(time_unit.show(summary_field_unit(key)));
        if (units.size() > 1) text += ',';
        append_text_cell(text, header_name(key, units.back().unit));
    }
    file.end_row();
    for (const auto& row : rows) {
        const boost::json::object& object = row.as_object();
        for (std::size_t k = 0; k < keys.size(); ++k) {
            if (k > 0) text += ',';
            if (const auto* value = object.if_contains(keys[k])) append_value_cell(text, *value, units[k].divisor);
        }
        file.end_row();
    }
}

}  // namespace perfreport::csv_export
