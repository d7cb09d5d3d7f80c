// EngineResultHandler, part 2: the steps and their meta, straight into the
// step table (SPEC 1.2, 1.3).
#include "engine_result_handler.hpp"

#include "handler_support.hpp"
#include "message_text.hpp"

namespace perfreport {

using namespace handler;

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
               return lower(x) == lower(y);
           });
}

MetaInt meta_int_column(Meta key) { return static_cast<MetaInt>(index(key) - index(Meta::comm_bytes)); }

}  // namespace

// ---------------------------------------------------------------- steps

void EngineResultHandler::begin_element()
{
    step_ = step_elements_++;
    event_ = 0;
}

void EngineResultHandler::begin_step()
{
    record_.clear();
    seen_step_keys_ = 0;
    seen_meta_keys_ = 0;
    step_times_valid_ = true;
    at_ = At::step;
}

void EngineResultHandler::step_key(std::string_view text)
{
    at_ = At::step_value;
    const auto found = schema::step_index.find(text);
    step_key_ = found ? std::optional<Step>(static_cast<Step>(*found)) : std::nullopt;
    if (step_key_) {
        first_time(seen_step_keys_, index(*step_key_), text);
    } else {
        unknown_step_key(text);
    }
}

// Once per key: a producer that adds a key adds it to every step.
void EngineResultHandler::unknown_step_key(std::string_view text)
{
    if (unknown_step_keys_.contains(text)) return;
    unknown_step_keys_.emplace(text);
    unknown_key(text, "step ", step_pointer() + "/" + pointer_token(text), schema::step_keys);
}

void EngineResultHandler::step_scalar(const Scalar& value)
{
    if (!step_key_) return;
    const auto set_time = [&](double& field) {
        if (const auto time = read_non_negative(value)) {
            field = *time;
        } else {
            step_times_valid_ = false;
        }
    };
    const auto set_integer = [&](std::int64_t& field) {
        if (const auto n = read_integer(value, "E_TYPE", "E_NEGATIVE")) field = *n;
    };
    switch (*step_key_) {
    case Step::op_id:
        if (value.kind != Scalar::Kind::string) break;
        record_.op_id.assign(value.string);
        if (value.string.empty()) {
            report(Severity::error, "E_EMPTY_OP_ID", [&] { return value_pointer(at_); },
                   [] { return std::string("op_id is empty"); });
        }
        return;
    case Step::t_compute: set_time(record_.t_compute); return;
    case Step::t_comm: set_time(record_.t_comm); return;
    case Step::t_wait: set_time(record_.t_wait); return;
    case Step::t_total: set_time(record_.t_total); return;
    case Step::bottleneck_tag:
        if (value.kind != Scalar::Kind::string) {
            step_tags_valid_ = false;
            break;
        }
        if (const auto tag = schema::bottleneck_tag_index.find(value.string)) {
            record_.bottleneck = static_cast<std::int64_t>(*tag);
        } else {
            step_tags_valid_ = false;
            report(Severity::error, "E_BOTTLENECK", [&] { return value_pointer(at_); }, [&] {
                return "bottleneck_tag " + in_quotes(value.string) +
                       " is not one of COMPUTE_BOUND, BW_BOUND, LATENCY_BOUND, UNKNOWN";
            });
        }
        return;
    case Step::flops: set_integer(record_.flops); return;
    case Step::bytes_read: set_integer(record_.bytes_read); return;
    case Step::bytes_write: set_integer(record_.bytes_write); return;
    case Step::meta: break;
    }
    wrong_type("E_TYPE", step_expectation(*step_key_), describe(value));
}

void EngineResultHandler::end_step()
{
    at_ = At::steps;
    ++event_;
    if ((seen_step_keys_ & bit(Step::op_id)) == 0) {
        report(Severity::error, "E_MISSING", [&] { return step_pointer() + "/op_id"; },
               [] { return std::string("required key op_id is missing"); });
    }
    // t_total absent or exactly 0 means the sum (SPEC 1.2), as U does.
    const double sum = record_.t_compute + record_.t_comm + record_.t_wait;
    const bool t_total_given = (seen_step_keys_ & bit(Step::t_total)) != 0;
    if (!t_total_given || record_.t_total == 0) {
        record_.t_total = sum;
    } else if (step_times_valid_ && !approx(record_.t_total, sum)) {
        report(Severity::error, "E_T_TOTAL", [&] { return step_pointer() + "/t_total"; }, [&] {
            return "t_total " + format_number(record_.t_total) + " ms differs from t_compute+t_comm+t_wait = " +
                   format_number(sum) + " ms";
        });
    }
    sums_.add(record_);
    const std::uint64_t row = result_.steps.size();
    append_step();
    if (!record_.op_id.empty()) op_ids_.add(row, OpIdIndex::hash(record_.op_id));
}

void EngineResultHandler::append_step()
{
    result_.steps.append(record_);
    if (options_.keep_raw_meta) result_.raw_meta.end_step();
}

// A step that is not an object still takes its row, so that rows and
// step_metrics indices stay the same.
void EngineResultHandler::append_empty_step()
{
    record_.clear();
    append_step();
}

void EngineResultHandler::end_steps()
{
    at_ = At::top;
    step_ = 0;
    if (step_elements_ > 0) return;
    report(Severity::warning, "W_NO_STEPS", [] { return std::string("/step_metrics"); },
           [] { return std::string("step_metrics is empty: the step-based sections will be empty"); });
}

// ---------------------------------------------------------------- meta

void EngineResultHandler::begin_meta()
{
    at_ = At::meta;
    if (!options_.keep_raw_meta) return;
    recording_meta_ = true;
    result_.raw_meta.begin_object();
}

void EngineResultHandler::meta_key(std::string_view text)
{
    at_ = At::meta_value;
    const auto found = schema::meta_index.find(text);
    meta_key_ = found ? std::optional<Meta>(static_cast<Meta>(*found)) : std::nullopt;
    if (meta_key_) first_time(seen_meta_keys_, index(*meta_key_), text);
}

void EngineResultHandler::meta_scalar(const Scalar& value)
{
    // Other meta keys are carried raw; null means absent (SPEC 1.3).
    if (!meta_key_ || value.kind == Scalar::Kind::null) return;
    const Meta key = *meta_key_;
    switch (key) {
    case Meta::chip_ids: break;
    case Meta::phase:
        if (value.kind != Scalar::Kind::string) break;
        if (equals_ignoring_case(value.string, "prefill")) {
            record_.integer(MetaInt::phase) = PR_PHASE_PREFILL;
            return;
        }
        if (equals_ignoring_case(value.string, "decode")) {
            record_.integer(MetaInt::phase) = PR_PHASE_DECODE;
            return;
        }
        break;
    case Meta::comm_bytes:
    case Meta::pp_stage:
    case Meta::layer_index:
    case Meta::token_index: {
        // comm_bytes is a byte count (E_NEGATIVE); the others are indices, whose range is part of their type.
        const std::string_view negative_code = key == Meta::comm_bytes ? "E_NEGATIVE" : "E_META";
        if (const auto n = read_integer(value, "E_META", negative_code); n && *n >= 0) {
            record_.integer(meta_int_column(key)) = *n;
        }
        return;
    }
    default:  // the string keys
        if (value.kind != Scalar::Kind::string) break;
        auto& text = record_.text(static_cast<MetaText>(index(key)));
        text.value.assign(value.string);
        text.present = true;
        return;
    }
    wrong_type("E_META", meta_expectation(key), describe(value));
}

void EngineResultHandler::chip_id(const Scalar& value)
{
    if (const auto n = read_integer(value, "E_META", "E_META"); n && *n >= 0) record_.chip_ids.values.push_back(*n);
    ++chip_index_;
}

}  // namespace perfreport
