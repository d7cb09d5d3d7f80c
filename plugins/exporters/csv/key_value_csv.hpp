// A summary object as CSV lines of `key,value,unit`, one per member.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "perfreport/sdk/csv_cell.hpp"
#include "csv_file.hpp"
#include "units.hpp"

namespace perfreport::csv_export {

// `first_header` names the key column ("metric" or "key"); `unit_of` gives
// a member's unit from its key. Nested objects and arrays go in the value
// cell as compact JSON, with no unit.
template <class UnitOf>
void write_key_values(const boost::json::object& object, std::string_view first_header, UnitOf unit_of,
                      const TimeUnit& time_unit, CsvFile& file)
{
    std::string& text = file.text();
    text.append(first_header).append(",value,unit");
    file.end_row();
    for (const auto& member : object) {
        const bool nested = member.value().is_object() || member.value().is_array();
        const ShownUnit shown = nested ? ShownUnit{} : time_unit.show(unit_of(member.key()));
        append_text_cell(text, member.key());
        text += ',';
        append_value_cell(text, member.value(), shown.divisor);
        text += ',';
        append_text_cell(text, shown.unit);
        file.end_row();
    }
}

}  // namespace perfreport::csv_export
