// One analyze call through the C ABI, with a fake host and a recording sink.
#pragma once

#include <string>
#include <vector>

#include "fake_host.hpp"
#include "perfreport/abi.h"
#include "perfreport/sdk/host_call.hpp"
#include "recording_sink.hpp"
#include "step_table.hpp"

namespace perfreport::fakes {

// Set the steps, context and options, then run(); the sink and the error
// message show what the analyzer handed back.
class AnalyzerCall {
public:
    AnalyzerCall(const std::vector<StepRow>& steps, std::string context_json, std::string options_json)
        : steps_(steps), context_(std::move(context_json)), options_(std::move(options_json))
    {
        aggregates_.struct_size = sizeof(PR_Aggregates);
        aggregates_.num_steps = static_cast<std::int64_t>(steps.size());
    }

    PR_Status run(const PR_IAnalyzer& analyzer)
    {
        const PR_AnalyzerInput input{sizeof(PR_AnalyzerInput), PR_GRANULARITY_CHIP, host.get(), &aggregates_,
                                     &steps_.get(), {context_.data(), context_.size()},
                                     {options_.data(), options_.size()}};
        return analyzer.analyze(&analyzer, &input, sink.get(), error_.get());
    }

    const std::string& error_message() const { return error_.message(); }

    FakeHost host;
    RecordingSink sink;

private:
    OwnedStepTable steps_;
    PR_Aggregates aggregates_{};
    std::string context_;
    std::string options_;
    perfreport::detail::ErrorCapture error_;  // a correct PR_Error; the host side needs nothing more
};

}  // namespace perfreport::fakes
