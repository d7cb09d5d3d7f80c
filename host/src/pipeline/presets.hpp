// Named option presets (SPEC 6.1): one switch for a family of variants.
#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace perfreport {

// The options a preset stands for, or nullptr for an unknown name. "seed" is
// the defaults themselves (it undoes an input's preset from the command line);
// "tier6" selects every upstream variant at once.
const boost::json::object* preset_options(std::string_view name);

std::vector<std::string> preset_names();

}  // namespace perfreport
