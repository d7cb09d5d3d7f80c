// One analyzer's part of the report: a summary object and named tables.
#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <vector>

#include "table.hpp"

namespace perfreport {

struct Section {
    std::string id;
    boost::json::object summary;
    std::vector<Table> tables;  // in creation order
};

}  // namespace perfreport
