#include "options_resolver.hpp"

#include <perfreport/sdk/json_parse.hpp>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "../input/closest_key.hpp"
#include "presets.hpp"

namespace perfreport {
namespace json = boost::json;
namespace {

constexpr const char* core_schema = R"({
  "top_n": {"type": "integer", "default": 5, "minimum": 0},
  "include_step_metrics": {"type": "boolean", "default": true}
})";

bool is_integral(const json::value& v)
{
    if (v.is_int64()) return true;
    if (v.is_uint64()) return v.get_uint64() <= static_cast<uint64_t>(INT64_MAX);
    return v.is_double() && std::isfinite(v.get_double()) && std::floor(v.get_double()) == v.get_double();
}

std::string shown(const json::value& v)
{
    return json::serialize(v);
}

// What is wrong with `value` for an option declared by `spec`, or "".
std::string problem_with(const json::object& spec, const json::value& value)
{
    const json::value* type = spec.if_contains("type");
    const std::string wanted = type != nullptr && type->is_string() ? std::string(type->get_string()) : "";
    if (wanted == "number" && !value.is_number()) return "must be a number";
    if (wanted == "integer" && !is_integral(value)) return "must be an integer";
    if (wanted == "boolean" && !value.is_bool()) return "must be true or false";
    if (wanted == "string" && !value.is_string()) return "must be a string";
    if (const json::value* minimum = spec.if_contains("minimum"); minimum != nullptr && value.is_number()) {
        if (value.to_number<double>() < minimum->to_number<double>()) {
            return "must be at least " + shown(*minimum);
        }
    }
    if (const json::value* values = spec.if_contains("values"); values != nullptr && values->is_array()) {
        for (const auto& allowed : values->get_array()) {
            if (allowed == value) return "";
        }
        return "must be one of " + shown(*values);
    }
    return "";
}

std::vector<std::string> keys_of(const json::object& object)
{
    std::vector<std::string> keys;
    for (const auto& item : object) keys.emplace_back(item.key());
    return keys;
}

class Resolver {
public:
    Resolver(const std::vector<OptionSchema>& schemas, Diagnostics& diagnostics)
        : diagnostics_(diagnostics)
    {
        schemas_["summary"] = parse_json(core_schema).as_object();
        for (const auto& schema : schemas) {
            if (schema.schema_json.empty()) {
                schemas_[schema.section] = json::object{};
                continue;
            }
            std::string problem;
            auto parsed = parse_json(schema.schema_json, problem);
            if (!parsed || !parsed->is_object()) {
                error("", "the options schema of '" + schema.section + "' is not a JSON object: " + problem);
                continue;
            }
            schemas_[schema.section] = std::move(parsed->as_object());
        }
    }

    // Checks the options of one source; `pointer` prefixes JSON pointers for
    // the input, `flag` names the command line ("--option").
    void check(const json::object& options, const std::string& pointer, const std::string& flag)
    {
        for (const auto& [key, value] : options) {
            const std::string name(key);
            const std::string where = pointer.empty() ? "" : pointer + "/" + name;
            const std::string label = flag.empty() ? "option " + name : flag + " " + name;
            if (name == "preset") {
                check_preset(value, where, label);
                continue;
            }
            const auto schema = schemas_.find(name);
            if (schema == schemas_.end()) {
                if (!is_known_section(name)) {
                    warning(where, "unknown " + label + did_you_mean(name, section_names()));
                }
                continue;
            }
            if (!value.is_object()) {
                error(where, label + " must be an object of options");
                continue;
            }
            for (const auto& [option, option_value] : value.get_object()) {
                const std::string option_name(option);
                const std::string option_where = where.empty() ? "" : where + "/" + option_name;
                const std::string option_label =
                    (flag.empty() ? "option " : flag + " ") + name + "." + option_name;
                const json::value* spec = schema->second.if_contains(option_name);
                if (spec == nullptr || !spec->is_object()) {
                    warning(option_where,
                            "unknown " + option_label + did_you_mean(option_name, keys_of(schema->second)));
                    continue;
                }
                const std::string problem = problem_with(spec->get_object(), option_value);
                if (!problem.empty()) error(option_where, option_label + " " + problem + ", got " + shown(option_value));
            }
        }
    }

    // Adds every declared default that no source set.
    void fill_defaults(json::object& options) const
    {
        for (const auto& [section, schema] : schemas_) {
            json::value& target = options[section];
            if (!target.is_object()) target = json::object{};
            for (const auto& [key, spec] : schema) {
                const json::value* fallback = spec.is_object() ? spec.get_object().if_contains("default") : nullptr;
                if (fallback != nullptr && !target.get_object().contains(key)) target.get_object()[key] = *fallback;
            }
        }
    }

private:
    void check_preset(const json::value& value, const std::string& where, const std::string& label)
    {
        if (!value.is_string() || preset_options(value.get_string()) == nullptr) {
            std::string known;
            for (const auto& name : preset_names()) known += (known.empty() ? "" : ", ") + name;
            error(where, label + " " + shown(value) + " is not a known preset (known: " + known + ")");
        }
    }

    bool is_known_section(const std::string& name) const
    {
        const auto& known = known_option_sections();
        return std::find(known.begin(), known.end(), name) != known.end();
    }

    std::vector<std::string> section_names() const
    {
        std::vector<std::string> names = known_option_sections();
        for (const auto& item : schemas_) names.push_back(item.first);
        names.push_back("preset");
        return names;
    }

    void error(const std::string& where, const std::string& message)
    {
        diagnostics_.push_back({Severity::error, "E_TYPE", "input", where, message});
    }

    void warning(const std::string& where, const std::string& message)
    {
        diagnostics_.push_back({Severity::warning, "W_UNKNOWN_KEY", "input", where, message});
    }

    std::map<std::string, json::object> schemas_;
    Diagnostics& diagnostics_;
};

// Key by key: sections merge, values replace.
void merge_into(json::object& target, const json::object& source)
{
    for (const auto& [key, value] : source) {
        json::value& slot = target[key];
        if (slot.is_object() && value.is_object()) {
            merge_into(slot.get_object(), value.get_object());
        } else {
            slot = value;
        }
    }
}

json::object as_options(const std::vector<CommandLineOption>& command_line)
{
    json::object options;
    for (const auto& option : command_line) {
        if (option.section.empty()) {
            options[option.key] = option.value;
            continue;
        }
        json::value& section = options[option.section];
        if (!section.is_object()) section = json::object{};
        section.get_object()[option.key] = option.value;
    }
    return options;
}

const json::value* preset_of(const json::object& options)
{
    const json::value* preset = options.if_contains("preset");
    return preset != nullptr && preset->is_string() ? preset : nullptr;
}

}  // namespace

std::vector<std::string> options_schema_problems(std::string_view schema_json)
{
    std::string parse_problem;
    const auto parsed = parse_json(schema_json, parse_problem);
    if (!parsed || !parsed->is_object()) return {"is not a JSON object" + (parse_problem.empty() ? "" : ": " + parse_problem)};
    static const std::vector<std::string> types = {"number", "integer", "boolean", "string"};
    static const std::vector<std::string> keys = {"type", "default", "values", "minimum", "description"};
    std::vector<std::string> problems;
    for (const auto& [name, spec] : parsed->get_object()) {
        const std::string option = "option '" + std::string(name) + "'";
        if (!spec.is_object()) {
            problems.push_back(option + " is not an object");
            continue;
        }
        const json::object& fields = spec.get_object();
        for (const auto& field : fields) {
            if (std::find(keys.begin(), keys.end(), field.key()) == keys.end()) {
                problems.push_back(option + " has an unknown key '" + std::string(field.key()) + "'" +
                                   did_you_mean(std::string(field.key()), keys));
            }
        }
        const json::value* type = fields.if_contains("type");
        if (type == nullptr || !type->is_string() ||
            std::find(types.begin(), types.end(), type->get_string()) == types.end()) {
            problems.push_back(option + ": \"type\" must be one of \"number\", \"integer\", \"boolean\", \"string\"");
            continue;
        }
        if (const json::value* minimum = fields.if_contains("minimum"); minimum != nullptr && !minimum->is_number()) {
            problems.push_back(option + ": \"minimum\" must be a number");
        }
        const json::value* values = fields.if_contains("values");
        if (values != nullptr && (!values->is_array() || values->get_array().empty())) {
            problems.push_back(option + ": \"values\" must be a non-empty array");
        }
        if (const json::value* fallback = fields.if_contains("default")) {
            const std::string problem = problem_with(fields, *fallback);
            if (!problem.empty()) problems.push_back(option + ": its default " + shown(*fallback) + " " + problem);
        }
    }
    return problems;
}

std::vector<OptionSchema> option_schemas(const PluginCatalog& catalog)
{
    std::vector<OptionSchema> schemas;
    for (const auto& analyzer : catalog.analyzers.all()) schemas.push_back({analyzer.id, analyzer.options_schema});
    for (const auto& exporter : catalog.exporters.all()) {
        std::string section = exporter.id;
        std::replace(section.begin(), section.end(), '-', '_');
        schemas.push_back({section, exporter.options_schema});
    }
    return schemas;
}

const std::vector<std::string>& known_option_sections()
{
    static const std::vector<std::string> sections = {
        "summary", "cost", "memory", "roofline", "gantt", "traffic", "compat",
        "json", "csv", "chrome_trace", "sqlite", "text", "html"};
    return sections;
}

CommandLineOption parse_command_line_option(std::string_view text)
{
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos || equals == 0) {
        throw std::invalid_argument("--option " + std::string(text) + ": expected KEY=VALUE, e.g. roofline.num_points=50");
    }
    CommandLineOption option;
    const std::string_view key = text.substr(0, equals);
    const std::size_t dot = key.find('.');
    if (dot == std::string_view::npos) {
        option.key = key;
    } else {
        option.section = key.substr(0, dot);
        option.key = key.substr(dot + 1);
        if (option.section.empty() || option.key.empty() || option.key.find('.') != std::string::npos) {
            throw std::invalid_argument("--option " + std::string(text) + ": KEY is section.name, e.g. roofline.num_points");
        }
    }
    const std::string_view value = text.substr(equals + 1);
    std::string problem;
    auto parsed = parse_json(value, problem);
    option.value = parsed ? std::move(*parsed) : json::value(json::string(value));
    return option;
}

ResolvedOptions resolve_options(const json::object& input_options,
                                const std::vector<CommandLineOption>& command_line,
                                const std::vector<OptionSchema>& schemas)
{
    ResolvedOptions resolved;
    Resolver resolver(schemas, resolved.diagnostics);
    const json::object cli = as_options(command_line);
    resolver.check(input_options, "/options", "");
    resolver.check(cli, "", "--option");
    if (has_errors(resolved.diagnostics)) return resolved;

    const json::value* preset = preset_of(cli);
    if (preset == nullptr) preset = preset_of(input_options);
    if (preset != nullptr) merge_into(resolved.options, *preset_options(preset->get_string()));
    merge_into(resolved.options, input_options);
    merge_into(resolved.options, cli);
    resolver.fill_defaults(resolved.options);

    const json::object& summary = resolved.options.at("summary").get_object();
    resolved.core.top_n = summary.at("top_n").to_number<int64_t>();
    resolved.core.include_step_metrics = summary.at("include_step_metrics").get_bool();
    return resolved;
}

}  // namespace perfreport
