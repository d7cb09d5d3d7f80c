// EngineResultHandler, part 5: the checks that need the whole document
// (SPEC 1.8: missing keys, num_steps, sums, pp_stage against a later context).
#include "engine_result_handler.hpp"

#include "handler_support.hpp"
#include "message_text.hpp"

namespace perfreport {

using namespace handler;

namespace {

// context.deployment.pp, 1 when absent; nullopt when it is not a valid degree
// (an E_TYPE says so already).
std::optional<std::int64_t> deployment_pp(const boost::json::object& context)
{
    const auto* deployment = context.if_contains("deployment");
    if (!deployment || !deployment->is_object()) return 1;
    const auto* pp = deployment->get_object().if_contains("pp");
    if (!pp) return 1;
    if (pp->is_int64() && pp->get_int64() >= 1) return pp->get_int64();
    if (pp->is_double() && pp->get_double() >= 1 && pp->get_double() < 9.2e18 &&
        std::floor(pp->get_double()) == pp->get_double()) {
        return static_cast<std::int64_t>(pp->get_double());
    }
    return std::nullopt;
}

}  // namespace

void EngineResultHandler::parse_failed(std::string message)
{
    parse_failed_ = true;
    report(Severity::error, "E_PARSE", [&] { return current_pointer(); }, [&] { return std::move(message); });
}

ParseOutcome EngineResultHandler::finish()
{
    // The steps read before a parse error are whole: their op_ids can be compared.
    check_duplicate_op_ids();
    if (!parse_failed_ && document_is_object_) {
        check_missing_top_keys();
        check_aggregates_against_steps();
        check_pp_stages();
    }
    ParseOutcome outcome;
    if (!diagnostics_.has_errors()) {
        resolve_bottleneck_counts();
        outcome.result = std::move(result_);
    }
    outcome.diagnostics = diagnostics_.take();
    return outcome;
}

void EngineResultHandler::check_missing_top_keys()
{
    for (const Top key : {Top::format, Top::schema_version, Top::granularity, Top::step_metrics, Top::aggregates}) {
        if ((seen_top_ & bit(key)) != 0) continue;
        diagnostics_.add({end_of_document, 0, 0}, Severity::error, "E_MISSING", [&] { return "/" + name_of(key); },
                         [&] { return "required key " + name_of(key) + " is missing"; });
    }
}

InputPosition EngineResultHandler::at_key(Aggregate key) const
{
    return {aggregates_member_, 0, aggregate_events_[index(key)]};
}

void EngineResultHandler::check_aggregates_against_steps()
{
    if (!aggregates_object_) return;
    const PR_Aggregates& a = result_.aggregates;
    const auto valid = [&](Aggregate key) { return (valid_aggregates_ & bit(key)) != 0; };
    const auto add = [&](Aggregate key, Severity level, std::string_view code, auto&& message) {
        diagnostics_.add(at_key(key), level, code, [&] { return "/aggregates/" + name_of(key); }, message);
    };
    const std::uint64_t steps = step_elements_;

    if (steps > 0 && valid(Aggregate::num_steps) && static_cast<std::uint64_t>(a.num_steps) != steps) {
        add(Aggregate::num_steps, Severity::error, "E_NUM_STEPS", [&] {
            return "num_steps is " + std::to_string(a.num_steps) + " but step_metrics has " + std::to_string(steps) +
                   " steps";
        });
    }
    const bool has_summary = (seen_aggregates_ & bit(Aggregate::bottleneck_summary)) != 0;
    if (has_summary && summary_valid_ && valid(Aggregate::num_steps)) {
        std::int64_t total = 0;
        bool overflow = false;
        for (const std::int64_t count : summary_counts_) overflow |= __builtin_add_overflow(total, count, &total);
        if (overflow || total != a.num_steps) {
            add(Aggregate::bottleneck_summary, Severity::error, "E_BOTTLENECK_SUM", [&] {
                return "the bottleneck_summary counts add up to " + (overflow ? "more than 2^63" : std::to_string(total)) +
                       ", but num_steps is " + std::to_string(a.num_steps);
            });
        }
    }
    if (steps == 0) return;

    // W_AGG_MISMATCH; total_time is never checked (U's G5 path takes it from the wall clock).
    const auto check_time = [&](Aggregate key, double total, double sum, std::string_view field) {
        if (!valid(key) || approx(total, sum)) return;
        add(key, Severity::warning, "W_AGG_MISMATCH", [&] {
            return name_of(key) + " " + format_number(total) + " ms differs from the sum of the steps' " +
                   std::string(field) + ", " + format_number(sum) + " ms";
        });
    };
    check_time(Aggregate::total_compute_time, a.total_compute_time_ms, sums_.compute, "t_compute");
    check_time(Aggregate::total_comm_time, a.total_comm_time_ms, sums_.comm, "t_comm");
    check_time(Aggregate::total_wait_time, a.total_wait_time_ms, sums_.wait, "t_wait");
    const auto check_count = [&](Aggregate key, std::int64_t total, std::int64_t sum, bool overflow,
                                 std::string_view field) {
        if (!valid(key) || (!overflow && total == sum)) return;
        add(key, Severity::warning, "W_AGG_MISMATCH", [&] {
            return name_of(key) + " " + std::to_string(total) + " differs from the sum of the steps' " +
                   std::string(field) + ", " + (overflow ? "more than 2^63" : std::to_string(sum));
        });
    };
    check_count(Aggregate::total_flops, a.total_flops, sums_.flops, sums_.flops_overflow, "flops");
    check_count(Aggregate::total_bytes, a.total_bytes, sums_.bytes, sums_.bytes_overflow, "bytes_read + bytes_write");
    if (has_summary && summary_valid_ && step_tags_valid_ && summary_counts_ != sums_.tags) {
        add(Aggregate::bottleneck_summary, Severity::warning, "W_AGG_MISMATCH", [&] {
            std::string message = "bottleneck_summary differs from the steps' tags:";
            for (std::size_t i = 0; i < schema::bottleneck_tags.size(); ++i) {
                message += (i == 0 ? " " : ", ") + std::string(schema::bottleneck_tags[i]) + " " +
                           std::to_string(summary_counts_[i]) + " vs " + std::to_string(sums_.tags[i]);
            }
            return message;
        });
    }
}

// pp_stage < pp needs context.deployment.pp, which may come after the steps:
// checked once everything is read, and sorted back to the step.
void EngineResultHandler::check_pp_stages()
{
    const auto pp = deployment_pp(result_.context);
    if (!pp) return;
    const StepStore& steps = result_.steps;
    for (std::uint64_t row = 0; row < steps.size(); ++row) {
        const auto stage = steps.meta_int(MetaInt::pp_stage, row);
        if (!stage || *stage < *pp) continue;
        diagnostics_.add(
            {steps_member_, row, last_event}, Severity::error, "E_META",
            [&] { return "/step_metrics/" + std::to_string(row) + "/meta/pp_stage"; },
            [&] {
                return "meta.pp_stage " + std::to_string(*stage) + " is outside [0, pp) with pp = " + std::to_string(*pp) +
                       " (context.deployment.pp, default 1)";
            });
    }
}

void EngineResultHandler::check_duplicate_op_ids()
{
    const StepStore& steps = result_.steps;
    for (const auto& duplicate : op_ids_.take_duplicates(steps)) {
        diagnostics_.add(
            {steps_member_, duplicate.row, last_event}, Severity::warning, "W_DUPLICATE_OP_ID",
            [&] { return "/step_metrics/" + std::to_string(duplicate.row) + "/op_id"; },
            [&] {
                return "op_id " + in_quotes(steps.op_id(duplicate.row)) + " is also the op_id of step " +
                       std::to_string(duplicate.first) + " (both steps are kept)";
            });
    }
}

void EngineResultHandler::resolve_bottleneck_counts()
{
    result_.has_bottleneck_summary = (seen_aggregates_ & bit(Aggregate::bottleneck_summary)) != 0;
    const auto& counts = result_.has_bottleneck_summary ? summary_counts_ : sums_.tags;
    PR_Aggregates& a = result_.aggregates;
    a.compute_bound_count = counts[PR_BOTTLENECK_COMPUTE_BOUND];
    a.bw_bound_count = counts[PR_BOTTLENECK_BW_BOUND];
    a.latency_bound_count = counts[PR_BOTTLENECK_LATENCY_BOUND];
    a.unknown_count = counts[PR_BOTTLENECK_UNKNOWN];
}

}  // namespace perfreport
