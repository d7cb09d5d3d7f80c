// SPEC 1.9 "Resolved phase": the phase a step belongs to, for gantt, traffic
// and the trace.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include <boost/json/object.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/contains.hpp"
#include "perfreport/sdk/step_table.hpp"

namespace perfreport {

class PhaseResolver {
public:
    // `context` is the analyzer's context (deployment.is_prefill is read).
    PhaseResolver(const StepTable& steps, const boost::json::object& context)
        : op_ids_(steps.op_id()), phases_(steps.meta_phase())
    {
        if (const auto* deployment = context.if_contains("deployment"); deployment && deployment->is_object()) {
            if (const auto* flag = deployment->get_object().if_contains("is_prefill"); flag && flag->is_bool()) {
                is_prefill_ = flag->get_bool();
            }
        }
    }

    // PR_PHASE_PREFILL or PR_PHASE_DECODE: meta.phase; else the op_id names
    // prefill or decode; else deployment.is_prefill; else prefill.
    int64_t operator()(std::size_t row) const
    {
        if (const auto phase = phases_[row]) return *phase;
        const std::string_view op_id = op_ids_[row];
        if (contains(op_id, "prefill")) return PR_PHASE_PREFILL;
        if (contains(op_id, "decode")) return PR_PHASE_DECODE;
        if (is_prefill_) return *is_prefill_ ? PR_PHASE_PREFILL : PR_PHASE_DECODE;
        return PR_PHASE_PREFILL;
    }

private:
    StringColumn op_ids_;
    NullableInt64Column phases_;
    std::optional<bool> is_prefill_;
};

// "prefill" or "decode".
inline const char* phase_name(int64_t phase)
{
    return phase == PR_PHASE_DECODE ? "decode" : "prefill";
}

}  // namespace perfreport
