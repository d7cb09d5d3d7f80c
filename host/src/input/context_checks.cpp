#include "context_checks.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <string_view>

#include "json_pointer.hpp"
#include "message_text.hpp"

namespace perfreport {

namespace {

enum class Domain {
    string,
    boolean,
    object,
    array,
    string_array,
    positive_integer,  // > 0
    count,             // integer >= 0
    degree,            // integer >= 1
    positive_number,   // > 0
    non_negative_number,
    dtype_bytes,  // 0.5, 1, 2 or 4
};

struct Rule {
    std::string_view key;
    Domain domain;
};

constexpr Rule model_rules[] = {
    {"name", Domain::string},
    {"hidden_size", Domain::positive_integer},
    {"num_layers", Domain::positive_integer},
    {"num_heads", Domain::positive_integer},
    {"num_attention_heads", Domain::positive_integer},
    {"head_dim", Domain::positive_integer},
    {"num_kv_heads", Domain::positive_integer},
    {"num_key_value_heads", Domain::positive_integer},
    {"intermediate_size", Domain::positive_integer},
    {"vocab_size", Domain::positive_integer},
    {"weight_dtype", Domain::string},
    {"dtype_bytes", Domain::dtype_bytes},
    {"activation_dtype", Domain::string},
    {"num_dense_layers", Domain::count},
    {"num_moe_layers", Domain::count},
    {"moe", Domain::object},
    {"mla", Domain::object},
};

constexpr Rule hardware_rules[] = {
    {"chip_type", Domain::string},
    {"chip_count", Domain::positive_integer},
    {"compute_tflops", Domain::positive_number},
    {"memory_bandwidth_gbps", Domain::positive_number},
    {"memory_capacity_gb", Domain::positive_number},
};

constexpr Rule deployment_rules[] = {
    {"tp", Domain::degree},
    {"pp", Domain::degree},
    {"dp", Domain::degree},
    {"ep", Domain::degree},
    {"moe_tp", Domain::degree},
    {"batch_size", Domain::positive_integer},
    {"input_seq_length", Domain::degree},
    {"output_seq_length", Domain::degree},
    {"is_prefill", Domain::boolean},
    {"kv_seq_len", Domain::degree},
    {"q_seq_len", Domain::degree},
};

constexpr Rule topology_rules[] = {
    {"pods", Domain::array},
    {"device_ids", Domain::string_array},
    {"interconnect", Domain::object},
};

constexpr Rule link_rules[] = {
    {"bandwidth_gbps", Domain::positive_number},
    {"latency_us", Domain::non_negative_number},
};

constexpr Rule context_rules[] = {
    {"model", Domain::object},      {"hardware", Domain::object}, {"deployment", Domain::object},
    {"topology", Domain::object},   {"cost", Domain::object},     {"run_config", Domain::object},
};

std::string_view expectation(Domain domain)
{
    switch (domain) {
    case Domain::string: return "a string";
    case Domain::boolean: return "true or false";
    case Domain::object: return "an object";
    case Domain::array: return "an array";
    case Domain::string_array: return "an array of strings";
    case Domain::positive_integer: return "an integer > 0";
    case Domain::count: return "an integer >= 0";
    case Domain::degree: return "an integer >= 1";
    case Domain::positive_number: return "a number > 0";
    case Domain::non_negative_number: return "a number >= 0";
    case Domain::dtype_bytes: return "0.5, 1, 2 or 4";
    }
    return "";
}

bool is_integral(double value) { return std::floor(value) == value && std::fabs(value) < 9.2233720368547758e18; }

bool fits(const boost::json::value& value, Domain domain)
{
    if (value.is_number()) {
        const double number = value.to_number<double>();
        const bool integer = value.is_int64() || value.is_uint64() || is_integral(number);
        switch (domain) {
        case Domain::positive_integer: return integer && number > 0;
        case Domain::count: return integer && number >= 0;
        case Domain::degree: return integer && number >= 1;
        case Domain::positive_number: return number > 0;
        case Domain::non_negative_number: return number >= 0;
        case Domain::dtype_bytes: return number == 0.5 || number == 1 || number == 2 || number == 4;
        default: return false;
        }
    }
    switch (domain) {
    case Domain::string: return value.is_string();
    case Domain::boolean: return value.is_bool();
    case Domain::object: return value.is_object();
    case Domain::array: return value.is_array();
    case Domain::string_array:
        if (!value.is_array()) return false;
        for (const auto& element : value.get_array()) {
            if (!element.is_string()) return false;
        }
        return true;
    default: return false;
    }
}

class Checker {
public:
    Checker(DiagnosticCollector& out, InputPosition at) : out_(out), at_(at) {}

    // Checks the members of `object` that `rules` name, in the input's order.
    void check_all(const boost::json::object& object, std::span<const Rule> rules, const std::string& pointer)
    {
        for (const auto& member : object) check(object, member.key(), rules, pointer);
    }

    // Checks member `key` of `object` if `rules` name it.
    void check(const boost::json::object& object, std::string_view key, std::span<const Rule> rules,
               const std::string& pointer)
    {
        for (const Rule& rule : rules) {
            if (rule.key == key) check_value(object.at(key), rule.domain, pointer + "/" + pointer_token(key));
        }
    }

    void check_value(const boost::json::value& value, Domain domain, const std::string& pointer)
    {
        // An infinity stands for a number already reported as E_NONFINITE.
        if (value.is_double() && !std::isfinite(value.get_double())) return;
        if (fits(value, domain)) return;
        const bool negative = value.is_number() && value.to_number<double>() < 0;
        out_.add(at_, Severity::error, negative ? "E_NEGATIVE" : "E_TYPE", [&] { return pointer; }, [&] {
            std::string name = pointer.substr(1);  // "context.deployment.tp"
            std::replace(name.begin(), name.end(), '/', '.');
            return name + " must be " + std::string(expectation(domain)) + ", not " + describe(value);
        });
    }

private:
    static std::string describe(const boost::json::value& value)
    {
        switch (value.kind()) {
        case boost::json::kind::null: return "null";
        case boost::json::kind::object: return "an object";
        case boost::json::kind::array: return "an array";
        case boost::json::kind::string: return in_quotes(value.get_string());
        case boost::json::kind::double_: return format_number(value.get_double());
        default: return boost::json::serialize(value);  // an integer or a bool
        }
    }

    DiagnosticCollector& out_;
    InputPosition at_;
};

const boost::json::object* object_at(const boost::json::object& object, std::string_view key)
{
    const auto* value = object.if_contains(key);
    return value ? value->if_object() : nullptr;
}

void check_topology(Checker& checker, const boost::json::object& topology)
{
    checker.check_all(topology, topology_rules, "/context/topology");
    const auto* interconnect = object_at(topology, "interconnect");
    const auto* links = interconnect ? interconnect->if_contains("links") : nullptr;
    if (!links) return;
    const std::string pointer = "/context/topology/interconnect/links";
    checker.check_value(*links, Domain::object, pointer);
    if (!links->is_object()) return;
    // Any level name is allowed (SPEC 1.6); each is an object of link properties.
    for (const auto& level : links->get_object()) {
        const std::string level_pointer = pointer + "/" + pointer_token(level.key());
        checker.check_value(level.value(), Domain::object, level_pointer);
        if (const auto* properties = level.value().if_object()) checker.check_all(*properties, link_rules, level_pointer);
    }
}

}  // namespace

// One pass in the input's order: each section's own type, then its members.
void check_context(const boost::json::object& context, DiagnosticCollector& out, InputPosition at)
{
    Checker checker(out, at);
    for (const auto& section : context) {
        checker.check(context, section.key(), context_rules, "/context");
        const auto* object = section.value().if_object();
        if (!object) continue;
        const std::string pointer = "/context/" + pointer_token(section.key());
        if (section.key() == "model") checker.check_all(*object, model_rules, pointer);
        if (section.key() == "hardware") checker.check_all(*object, hardware_rules, pointer);
        if (section.key() == "deployment") checker.check_all(*object, deployment_rules, pointer);
        if (section.key() == "topology") check_topology(checker, *object);
    }
}

void check_options(const boost::json::object& options, DiagnosticCollector& out, InputPosition at)
{
    const auto* preset = options.if_contains("preset");
    if (!preset || (preset->is_string() && preset->get_string() == "tier6")) return;
    out.add(at, Severity::error, "E_TYPE", [] { return std::string("/options/preset"); }, [&] {
        const std::string value = preset->is_string() ? in_quotes(preset->get_string()) : boost::json::serialize(*preset);
        return "options.preset " + number_text(value) + " is not a known preset (known: \"tier6\")";
    });
}

}  // namespace perfreport
