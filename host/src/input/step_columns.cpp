#include "step_columns.hpp"

namespace perfreport {

PR_Column make_column(const char* name, const char* unit, std::int32_t type, std::uint64_t length,
                      const void* values, const std::uint64_t* offsets, const std::uint8_t* valid)
{
    PR_Column column{};
    column.name = name;
    column.unit = unit;
    column.type = type;
    column.length = length;
    column.values = values;
    column.offsets = offsets;
    column.valid = valid;
    return column;
}

}  // namespace perfreport
