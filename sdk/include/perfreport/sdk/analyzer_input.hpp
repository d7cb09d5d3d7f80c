// What an analyzer reads: the PR_AnalyzerInput of one call, typed.
#pragma once

#include <cstdint>
#include <string_view>

#include <boost/json/value.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/host_json.hpp"
#include "perfreport/sdk/host_services.hpp"
#include "perfreport/sdk/json_lookup.hpp"
#include "perfreport/sdk/step_table.hpp"

namespace perfreport {

enum class Granularity : std::int32_t {
    chip = PR_GRANULARITY_CHIP,
    core = PR_GRANULARITY_CORE,
    lane = PR_GRANULARITY_LANE,
};

// Borrowed for one analyze call. The context and options texts are parsed
// once, here, so the analyzer (and its parallel tasks) read plain objects.
class AnalyzerInput {
public:
    explicit AnalyzerInput(const PR_AnalyzerInput& input)
        : input_(&input),
          context_(parse_host_json(input.context_json, "context_json", boost::json::kind::object)),
          options_(parse_host_json(input.options_json, "options_json", boost::json::kind::object))
    {
    }

    const PR_Aggregates& aggregates() const noexcept { return *input_->aggregates; }
    Granularity granularity() const noexcept { return static_cast<Granularity>(input_->granularity); }
    StepTable steps() const noexcept { return StepTable{*input_->steps}; }
    HostServices host() const noexcept { return HostServices{*input_->host}; }

    // SPEC 1.6, fallbacks applied, with the input's trace_meta under "trace_meta".
    const boost::json::object& context() const noexcept { return context_.get_object(); }
    // SPEC 1.7, resolved: this analyzer's options are under its id.
    const boost::json::object& options() const noexcept { return options_.get_object(); }

    // A required context value, e.g. context_value<double>("/hardware/compute_tflops");
    // PR_ERR_MISSING_CONTEXT when absent, PR_ERR_INVALID_INPUT when of another
    // type, naming the pointer.
    template <class T>
    T context_value(std::string_view pointer) const
    {
        return require_at<T>(context_, pointer, "context value", PR_ERR_MISSING_CONTEXT, PR_ERR_INVALID_INPUT);
    }

    // An option, e.g. option<double>("/roofline/ai_min"). The host checks the
    // types and fills the defaults of the options schema, so a missing or
    // mistyped option is a malformed call: PR_ERR_INVALID_ARGUMENT.
    template <class T>
    T option(std::string_view pointer) const
    {
        return require_at<T>(options_, pointer, "option", PR_ERR_INVALID_ARGUMENT, PR_ERR_INVALID_ARGUMENT);
    }

    const PR_AnalyzerInput& raw() const noexcept { return *input_; }

private:
    const PR_AnalyzerInput* input_;
    boost::json::value context_;
    boost::json::value options_;
};

}  // namespace perfreport
