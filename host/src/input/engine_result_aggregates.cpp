// EngineResultHandler, part 3: the aggregates (SPEC 1.4).
#include "engine_result_handler.hpp"

#include "handler_support.hpp"
#include "json_pointer.hpp"
#include "message_text.hpp"

namespace perfreport {

using namespace handler;

void EngineResultHandler::aggregate_key(std::string_view text)
{
    at_ = At::aggregate_value;
    const auto found = schema::aggregate_index.find(text);
    aggregate_key_ = found ? std::optional<Aggregate>(static_cast<Aggregate>(*found)) : std::nullopt;
    if (!aggregate_key_) {
        unknown_key(text, "aggregates ", "/aggregates/" + pointer_token(text), schema::aggregate_keys);
        return;
    }
    if (first_time(seen_aggregates_, index(*aggregate_key_), text)) aggregate_events_[index(*aggregate_key_)] = event_;
}

void EngineResultHandler::aggregate_scalar(const Scalar& value)
{
    if (!aggregate_key_) return;
    const Aggregate key = *aggregate_key_;
    PR_Aggregates& a = result_.aggregates;
    if (key == Aggregate::bottleneck_summary) {
        wrong_type("E_TYPE", "an object", describe(value));
        summary_valid_ = false;
        return;
    }
    if (schema::is_integer(key)) {
        const auto n = read_integer(value, "E_TYPE", "E_NEGATIVE");
        if (!n || *n < 0) return;
        switch (key) {
        case Aggregate::memory_peak: a.memory_peak_bytes = *n; break;
        case Aggregate::total_flops: a.total_flops = *n; break;
        case Aggregate::total_bytes: a.total_bytes = *n; break;
        default: a.num_steps = *n; break;
        }
    } else {
        const auto x = read_non_negative(value);
        if (!x || *x < 0) return;
        switch (key) {
        case Aggregate::ttft: a.ttft_ms = *x; break;
        case Aggregate::tpot: a.tpot_ms = *x; break;
        case Aggregate::tps: a.tps = *x; break;
        case Aggregate::mfu: a.mfu = *x; break;
        case Aggregate::mbu: a.mbu = *x; break;
        case Aggregate::total_time: a.total_time_ms = *x; break;
        case Aggregate::total_compute_time: a.total_compute_time_ms = *x; break;
        case Aggregate::total_comm_time: a.total_comm_time_ms = *x; break;
        default: a.total_wait_time_ms = *x; break;
        }
        if ((key == Aggregate::mfu || key == Aggregate::mbu) && *x > 1) {
            report(Severity::warning, "W_MFU_GT_1", [&] { return value_pointer(at_); }, [&] {
                return name_of(key) + " " + number_text(value.number->text) +
                       " is above 1: the run would exceed the hardware's peak";
            });
        }
    }
    valid_aggregates_ |= bit(key);
}

void EngineResultHandler::summary_key(std::string_view text)
{
    at_ = At::summary_value;
    summary_tag_ = schema::bottleneck_tag_index.find(text);
    if (summary_tag_) {
        first_time(seen_summary_, *summary_tag_, text);
        return;
    }
    summary_valid_ = false;
    report(Severity::error, "E_BOTTLENECK", [&] { return "/aggregates/bottleneck_summary/" + pointer_token(text); },
           [&] {
               return "bottleneck_summary key " + in_quotes(text) +
                      " is not one of COMPUTE_BOUND, BW_BOUND, LATENCY_BOUND, UNKNOWN";
           });
}

void EngineResultHandler::summary_scalar(const Scalar& value)
{
    if (!summary_tag_) return;
    const auto n = read_integer(value, "E_TYPE", "E_NEGATIVE");
    if (!n || *n < 0) {
        summary_valid_ = false;
        return;
    }
    summary_counts_[*summary_tag_] = *n;
}

void EngineResultHandler::end_aggregates()
{
    at_ = At::top;
    ++event_;
    for (std::size_t i = 0; i < schema::aggregate_keys.size(); ++i) {
        const auto key = static_cast<Aggregate>(i);
        if (key == Aggregate::bottleneck_summary || (seen_aggregates_ & bit(key)) != 0) continue;
        report(Severity::error, "E_MISSING", [&] { return "/aggregates/" + name_of(key); },
               [&] { return "required key aggregates." + name_of(key) + " is missing"; });
    }
}

}  // namespace perfreport
