// EngineResultHandler, part 1: the parser's callbacks, the document's
// structure, the top-level members, and where a finding is.
#include "engine_result_handler.hpp"

#include <limits>

#include "context_checks.hpp"
#include "exact_integer.hpp"
#include "handler_support.hpp"
#include "message_text.hpp"

namespace perfreport {

using namespace handler;

namespace {

// U's steps take 200 to 600 bytes of JSON; reserving for 128 errs on the large
// side, which costs address space only (pages are touched as rows arrive).
constexpr std::size_t bytes_per_step_estimate = 128;

std::string_view to_std(boost::json::string_view s) { return {s.data(), s.size()}; }

}  // namespace

EngineResultHandler::EngineResultHandler(const ParseOptions& options, std::size_t size_hint)
    : options_(options), diagnostics_(options.max_errors_per_code)
{
    result_.steps.reserve(size_hint / bytes_per_step_estimate);
    result_.aggregates.struct_size = sizeof(PR_Aggregates);
}

// ---------------------------------------------------------------- callbacks

bool EngineResultHandler::on_object_begin(boost::json::error_code&)
{
    if (recording_meta_) result_.raw_meta.begin_object();
    if (at_ == At::skip) {
        ++depth_;
    } else if (at_ == At::dom) {
        dom_path_.value();
        dom_path_.open_object();
        ++depth_;
    } else {
        open(true);
    }
    return true;
}

bool EngineResultHandler::on_object_end(std::size_t size, boost::json::error_code&)
{
    if (recording_meta_) result_.raw_meta.end_object();
    if (at_ == At::skip) {
        if (--depth_ == 0) at_ = resume_;
    } else if (at_ == At::dom) {
        dom_.push_object(size);
        dom_path_.close();
        if (--depth_ == 0) dom_done();
    } else {
        close();
    }
    return true;
}

bool EngineResultHandler::on_array_begin(boost::json::error_code&)
{
    if (recording_meta_) result_.raw_meta.begin_array();
    if (at_ == At::skip) {
        ++depth_;
    } else if (at_ == At::dom) {
        dom_path_.value();
        dom_path_.open_array();
        ++depth_;
    } else {
        open(false);
    }
    return true;
}

bool EngineResultHandler::on_array_end(std::size_t size, boost::json::error_code&)
{
    if (recording_meta_) result_.raw_meta.end_array();
    if (at_ == At::skip) {
        if (--depth_ == 0) at_ = resume_;
    } else if (at_ == At::dom) {
        dom_.push_array(size);
        dom_path_.close();
        if (--depth_ == 0) dom_done();
    } else {
        close();
    }
    return true;
}

bool EngineResultHandler::on_key_part(boost::json::string_view piece, std::size_t, boost::json::error_code&)
{
    key_text_.append(to_std(piece));
    return true;
}

bool EngineResultHandler::on_key(boost::json::string_view piece, std::size_t, boost::json::error_code&)
{
    const std::string_view text = key_text_.complete(to_std(piece));
    if (recording_meta_) result_.raw_meta.key(text);
    if (at_ == At::dom) {
        dom_.push_key({text.data(), text.size()});
        dom_path_.key(text);
    } else if (at_ != At::skip) {
        key(text);
    }
    return true;
}

bool EngineResultHandler::on_string_part(boost::json::string_view piece, std::size_t, boost::json::error_code&)
{
    string_text_.append(to_std(piece));
    return true;
}

bool EngineResultHandler::on_string(boost::json::string_view piece, std::size_t, boost::json::error_code&)
{
    const std::string_view text = string_text_.complete(to_std(piece));
    if (recording_meta_) result_.raw_meta.string(text);
    if (at_ == At::dom) {
        dom_path_.value();
        dom_.push_string({text.data(), text.size()});
    } else if (at_ != At::skip) {
        Scalar value;
        value.kind = Scalar::Kind::string;
        value.string = text;
        scalar(value);
    }
    return true;
}

bool EngineResultHandler::on_number(const JsonNumber& number, boost::json::error_code&)
{
    if (recording_meta_) result_.raw_meta.number(number.text);
    if (at_ == At::dom) {
        dom_path_.value();
        dom_number(number);
    } else if (at_ != At::skip) {
        Scalar value;
        value.kind = Scalar::Kind::number;
        value.number = &number;
        scalar(value);
    }
    return true;
}

bool EngineResultHandler::on_bool(bool b, boost::json::error_code&)
{
    if (recording_meta_) result_.raw_meta.boolean(b);
    if (at_ == At::dom) {
        dom_path_.value();
        dom_.push_bool(b);
    } else if (at_ != At::skip) {
        Scalar value;
        value.kind = Scalar::Kind::boolean;
        value.boolean = b;
        scalar(value);
    }
    return true;
}

bool EngineResultHandler::on_null(boost::json::error_code&)
{
    if (recording_meta_) result_.raw_meta.null();
    if (at_ == At::dom) {
        dom_path_.value();
        dom_.push_null();
    } else if (at_ != At::skip) {
        scalar(Scalar{});
    }
    return true;
}

// ---------------------------------------------------------------- structure

void EngineResultHandler::open(bool object)
{
    ++event_;
    switch (at_) {
    case At::document:
        if (object) {
            document_is_object_ = true;
            at_ = At::top;
            return;
        }
        report(Severity::error, "E_TYPE", [] { return std::string(); },
               [] { return std::string("the document must be a JSON object, not an array"); });
        skip_value(At::after);
        return;
    case At::top_value: open_top_value(object); return;
    case At::steps:
        begin_element();
        if (object) {
            begin_step();
            return;
        }
        wrong_type("E_TYPE", "an object", "an array");
        append_empty_step();
        skip_value(At::steps);
        return;
    case At::step_value:
        if (step_key_ == Step::meta && object) {
            begin_meta();
            return;
        }
        if (step_key_) wrong_type("E_TYPE", step_expectation(*step_key_), container_name(object));
        skip_value(At::step);
        return;
    case At::meta_value:
        if (meta_key_ == Meta::chip_ids && !object) {
            record_.chip_ids.present = true;
            record_.chip_ids.values.clear();
            chip_index_ = 0;
            at_ = At::chip_ids;
            return;
        }
        if (meta_key_) wrong_type("E_META", meta_expectation(*meta_key_), container_name(object));
        skip_value(At::meta);
        return;
    case At::chip_ids:
        wrong_type("E_META", "an integer >= 0", container_name(object));
        ++chip_index_;
        skip_value(At::chip_ids);
        return;
    case At::aggregate_value:
        if (aggregate_key_ == Aggregate::bottleneck_summary && object) {
            at_ = At::summary;
            return;
        }
        if (aggregate_key_) {
            wrong_type("E_TYPE", aggregate_expectation(*aggregate_key_), container_name(object));
            if (aggregate_key_ == Aggregate::bottleneck_summary) summary_valid_ = false;
        }
        skip_value(At::aggregates);
        return;
    case At::summary_value:
        if (summary_tag_) wrong_type("E_TYPE", "an integer", container_name(object));
        summary_valid_ = false;
        skip_value(At::summary);
        return;
    default: return;  // the parser sends values only where a value may stand
    }
}

void EngineResultHandler::close()
{
    switch (at_) {
    case At::top: at_ = At::after; return;
    case At::steps: end_steps(); return;
    case At::step: end_step(); return;
    case At::meta:
        recording_meta_ = false;
        at_ = At::step;
        return;
    case At::chip_ids: at_ = At::meta; return;
    case At::aggregates: end_aggregates(); return;
    case At::summary: at_ = At::aggregates; return;
    default: return;
    }
}

void EngineResultHandler::key(std::string_view text)
{
    switch (at_) {
    case At::top: top_key(text); return;
    case At::step:
        ++event_;
        step_key(text);
        return;
    case At::meta:
        ++event_;
        meta_key(text);
        return;
    case At::aggregates:
        ++event_;
        aggregate_key(text);
        return;
    case At::summary:
        ++event_;
        summary_key(text);
        return;
    default: return;
    }
}

void EngineResultHandler::scalar(const Scalar& value)
{
    switch (at_) {
    case At::document:
        report(Severity::error, "E_TYPE", [] { return std::string(); },
               [&] { return "the document must be a JSON object, not " + describe(value); });
        at_ = At::after;
        return;
    case At::top_value:
        top_scalar(value);
        at_ = At::top;
        return;
    case At::steps:
        begin_element();
        wrong_type("E_TYPE", "an object", describe(value));
        append_empty_step();
        return;
    case At::step_value:
        step_scalar(value);
        at_ = At::step;
        return;
    case At::meta_value:
        meta_scalar(value);
        at_ = At::meta;
        return;
    case At::chip_ids: chip_id(value); return;
    case At::aggregate_value:
        aggregate_scalar(value);
        at_ = At::aggregates;
        return;
    case At::summary_value:
        summary_scalar(value);
        at_ = At::summary;
        return;
    default: return;
    }
}

void EngineResultHandler::skip_value(At resume)
{
    resume_ = resume;
    at_ = At::skip;
    depth_ = 1;
}

// ---------------------------------------------------------------- top level

void EngineResultHandler::top_key(std::string_view text)
{
    ++member_;
    step_ = 0;
    event_ = 0;
    at_ = At::top_value;
    const auto found = schema::top_index.find(text);
    top_key_ = found ? std::optional<Top>(static_cast<Top>(*found)) : std::nullopt;
    if (top_key_) {
        first_time(seen_top_, index(*top_key_), text);
    } else {
        unknown_key(text, "", "/" + pointer_token(text), schema::top_keys);
    }
}

void EngineResultHandler::open_top_value(bool object)
{
    if (!top_key_) {
        skip_value(At::top);
        return;
    }
    switch (*top_key_) {
    case Top::step_metrics:
        if (object) break;
        steps_member_ = member_;
        at_ = At::steps;
        return;
    case Top::aggregates:
        if (!object) break;
        aggregates_object_ = true;
        aggregates_member_ = member_;
        at_ = At::aggregates;
        return;
    case Top::trace_meta:
    case Top::context:
    case Top::options:
        dom_.reset();
        dom_path_.reset(top_pointer());
        object ? dom_path_.open_object() : dom_path_.open_array();
        at_ = At::dom;
        depth_ = 1;
        return;
    default: break;
    }
    top_wrong(container_name(object));
    skip_value(At::top);
}

void EngineResultHandler::top_scalar(const Scalar& value)
{
    if (!top_key_) return;
    const bool is_string = value.kind == Scalar::Kind::string;
    switch (*top_key_) {
    case Top::format:
        if (is_string && value.string == "engine_result") return;
        break;
    case Top::schema_version:
        if (value.kind == Scalar::Kind::number) {
            const ExactInteger version = exact_integer(*value.number);
            if (version.status == ExactInteger::Status::ok && version.value == 1) return;
        }
        break;
    case Top::granularity:
        if (!is_string) break;
        if (const auto code = schema::granularity_index.find(value.string)) {
            result_.granularity = static_cast<std::int32_t>(*code);
            result_.granularity_name = std::string(value.string);
            return;
        }
        break;
    case Top::producer:
        if (!is_string) break;
        result_.producer = std::string(value.string);
        return;
    default: break;
    }
    top_wrong(describe(value));
}

void EngineResultHandler::top_wrong(std::string_view actual)
{
    const auto [code, expected] = top_expectation(*top_key_);
    report(Severity::error, code, [&] { return top_pointer(); },
           [&] { return name_of(*top_key_) + " must be " + std::string(expected) + ", not " + std::string(actual); });
}

void EngineResultHandler::dom_number(const JsonNumber& number)
{
    switch (number.kind) {
    case JsonNumber::Kind::int64: dom_.push_int64(number.int64); return;
    case JsonNumber::Kind::uint64: dom_.push_uint64(number.uint64); return;
    case JsonNumber::Kind::real: break;
    }
    if (const auto value = exact_double(number.text)) {
        dom_.push_double(*value);
        return;
    }
    report(Severity::error, "E_NONFINITE", [&] { return dom_path_.pointer(); },
           [&] { return "the number " + number_text(number.text) + " does not fit a double"; });
    // Stands for the number in the DOM, so the type checks do not report it again.
    dom_.push_double(number.text.starts_with('-') ? -std::numeric_limits<double>::infinity()
                                                  : std::numeric_limits<double>::infinity());
}

void EngineResultHandler::dom_done()
{
    boost::json::value value = dom_.release();
    at_ = At::top;
    if (!value.is_object()) {
        top_wrong(container_name(false));
        return;
    }
    boost::json::object& object = value.get_object();
    const InputPosition after_members{member_, 0, last_event};
    switch (*top_key_) {
    case Top::trace_meta: result_.trace_meta = std::move(object); return;
    case Top::context:
        check_context(object, diagnostics_, after_members);
        result_.context = std::move(object);
        return;
    case Top::options:
        check_options(object, diagnostics_, after_members);
        result_.options = std::move(object);
        return;
    default: return;
    }
}

// ---------------------------------------------------------------- places

std::string EngineResultHandler::top_pointer() const { return top_key_ ? "/" + name_of(*top_key_) : ""; }

std::string EngineResultHandler::step_pointer() const { return "/step_metrics/" + std::to_string(step_); }

std::string EngineResultHandler::value_pointer(At state) const
{
    switch (state) {
    case At::top_value: return top_pointer();
    case At::steps: return step_pointer();
    case At::step_value: return step_pointer() + (step_key_ ? "/" + name_of(*step_key_) : "");
    case At::meta_value: return step_pointer() + "/meta" + (meta_key_ ? "/" + name_of(*meta_key_) : "");
    case At::chip_ids: return step_pointer() + "/meta/chip_ids/" + std::to_string(chip_index_);
    case At::aggregate_value: return "/aggregates" + (aggregate_key_ ? "/" + name_of(*aggregate_key_) : "");
    case At::summary_value:
        return "/aggregates/bottleneck_summary" +
               (summary_tag_ ? "/" + std::string(schema::bottleneck_tags[*summary_tag_]) : "");
    default: return "";
    }
}

// For E_PARSE: the innermost place the parser knows.
std::string EngineResultHandler::current_pointer() const
{
    switch (at_) {
    case At::dom: return dom_path_.pointer();
    case At::skip:
        // A skipped value belongs to the key last read in the container it returns to.
        switch (resume_) {
        case At::top: return value_pointer(At::top_value);
        case At::step: return value_pointer(At::step_value);
        case At::meta: return value_pointer(At::meta_value);
        case At::aggregates: return value_pointer(At::aggregate_value);
        case At::summary: return value_pointer(At::summary_value);
        default: return value_pointer(resume_);
        }
    case At::steps: return "/step_metrics";
    case At::step: return step_pointer();
    case At::meta: return step_pointer() + "/meta";
    case At::chip_ids: return step_pointer() + "/meta/chip_ids";
    case At::aggregates: return "/aggregates";
    case At::summary: return "/aggregates/bottleneck_summary";
    default: return value_pointer(at_);
    }
}

// The value being read, as messages name it.
std::string EngineResultHandler::value_name() const
{
    switch (at_) {
    case At::top_value: return top_key_ ? name_of(*top_key_) : "";
    case At::steps: return "step " + std::to_string(step_);
    case At::step_value: return step_key_ ? name_of(*step_key_) : "";
    case At::meta_value: return "meta." + (meta_key_ ? name_of(*meta_key_) : "");
    case At::chip_ids: return "meta.chip_ids[" + std::to_string(chip_index_) + "]";
    case At::aggregate_value: return aggregate_key_ ? name_of(*aggregate_key_) : "";
    case At::summary_value:
        return "bottleneck_summary." + (summary_tag_ ? std::string(schema::bottleneck_tags[*summary_tag_]) : "");
    default: return "";
    }
}

}  // namespace perfreport
