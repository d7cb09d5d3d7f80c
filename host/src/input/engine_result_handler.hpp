// The boost::json::basic_parser handler that reads an EngineResult in one pass:
// steps straight into the StepStore columns (no DOM of step_metrics),
// trace_meta, context and options as small DOMs, and every rule of SPEC 1.8
// checked on the way or at the end.
#pragma once

#include <perfreport/sdk/json_parse.hpp>

#include <boost/json/value_stack.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "diagnostic_collector.hpp"
#include "engine_result.hpp"
#include "engine_result_parser.hpp"
#include "input_schema.hpp"
#include "json_pointer.hpp"
#include "op_id_index.hpp"
#include "step_sums.hpp"

namespace perfreport {

class EngineResultHandler : public ExactNumberHandler<EngineResultHandler> {
public:
    static constexpr std::size_t max_object_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_array_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_key_size = static_cast<std::size_t>(-1);
    static constexpr std::size_t max_string_size = static_cast<std::size_t>(-1);

    EngineResultHandler(const ParseOptions& options, std::size_t size_hint);

    bool on_document_begin(boost::json::error_code&) { return true; }
    bool on_document_end(boost::json::error_code&) { return true; }
    bool on_object_begin(boost::json::error_code&);
    bool on_object_end(std::size_t size, boost::json::error_code&);
    bool on_array_begin(boost::json::error_code&);
    bool on_array_end(std::size_t size, boost::json::error_code&);
    bool on_key_part(boost::json::string_view piece, std::size_t, boost::json::error_code&);
    bool on_key(boost::json::string_view piece, std::size_t, boost::json::error_code&);
    bool on_string_part(boost::json::string_view piece, std::size_t, boost::json::error_code&);
    bool on_string(boost::json::string_view piece, std::size_t, boost::json::error_code&);
    bool on_number(const JsonNumber& number, boost::json::error_code&);
    bool on_bool(bool value, boost::json::error_code&);
    bool on_null(boost::json::error_code&);
    bool on_comment_part(boost::json::string_view, boost::json::error_code&) { return true; }
    bool on_comment(boost::json::string_view, boost::json::error_code&) { return true; }

    // The text is not JSON: E_PARSE where the parser was, and no end checks.
    void parse_failed(std::string message);
    // After the whole text: the end checks, then the outcome.
    ParseOutcome finish();

private:
    // Where the parser is. A "_value" state awaits the value of the key just read.
    enum class At {
        document,  // before the top-level value
        top,
        top_value,
        steps,  // in step_metrics, between steps
        step,
        step_value,
        meta,
        meta_value,
        chip_ids,  // in meta.chip_ids, between elements
        aggregates,
        aggregate_value,
        summary,  // in aggregates.bottleneck_summary
        summary_value,
        skip,  // in a value that is not read; depth_ counts its levels
        dom,   // in trace_meta, context or options; depth_ counts its levels
        after, // after the top-level value
    };

    // A value that is not a container, valid during the callback.
    struct Scalar {
        enum class Kind { string, number, boolean, null };
        Kind kind = Kind::null;
        std::string_view string;
        const JsonNumber* number = nullptr;
        bool boolean = false;
    };

    // Structure.
    void open(bool object);
    void close();
    void key(std::string_view text);
    void scalar(const Scalar& value);
    void skip_value(At resume);

    // Top level.
    void top_key(std::string_view text);
    void open_top_value(bool object);
    void top_scalar(const Scalar& value);
    void top_wrong(std::string_view actual);
    void dom_number(const JsonNumber& number);
    void dom_done();

    // Steps.
    void begin_element();
    void begin_step();
    void step_key(std::string_view text);
    [[gnu::cold]] void unknown_step_key(std::string_view text);
    void step_scalar(const Scalar& value);
    void end_step();
    void append_step();
    void append_empty_step();
    void end_steps();

    // Meta.
    void begin_meta();
    void meta_key(std::string_view text);
    void meta_scalar(const Scalar& value);
    void chip_id(const Scalar& value);

    // Aggregates.
    void aggregate_key(std::string_view text);
    void aggregate_scalar(const Scalar& value);
    void summary_key(std::string_view text);
    void summary_scalar(const Scalar& value);
    void end_aggregates();

    // Reading typed values, reporting what is wrong with them.
    std::optional<double> read_non_negative(const Scalar& value);
    std::optional<std::int64_t> read_integer(const Scalar& value, std::string_view type_code,
                                             std::string_view negative_code);
    // The error paths stay out of line, so the reading paths stay short.
    enum class NumberProblem { negative, too_large_for_double, too_large_for_int64 };
    [[gnu::cold]] void number_problem(NumberProblem problem, std::string_view code, std::string_view text);
    [[gnu::cold]] void wrong_type(std::string_view code, std::string_view expected, std::string_view actual);
    [[gnu::cold]] void duplicate_key(std::string_view key);
    template <class Where, class Message>
    void report(Severity level, std::string_view code, Where&& where, Message&& message);
    // Marks `position` seen; false (and E_DUPLICATE_KEY) when it was already.
    bool first_time(std::uint32_t& seen, std::size_t position, std::string_view key)
    {
        const std::uint32_t mask = std::uint32_t{1} << position;
        if ((seen & mask) != 0) {
            duplicate_key(key);
            return false;
        }
        seen |= mask;
        return true;
    }
    void unknown_key(std::string_view key, std::string_view object, std::string pointer,
                     std::span<const std::string_view> known);
    static std::string describe(const Scalar& value);

    // End checks.
    void check_missing_top_keys();
    void check_aggregates_against_steps();
    void check_pp_stages();
    void check_duplicate_op_ids();
    void resolve_bottleneck_counts();

    // Places.
    InputPosition here() const { return {member_, step_, event_}; }
    InputPosition at_key(schema::Aggregate key) const;
    std::string top_pointer() const;
    std::string step_pointer() const;
    std::string value_pointer(At state) const;
    std::string current_pointer() const;
    std::string value_name() const;

    ParseOptions options_;
    DiagnosticCollector diagnostics_;
    EngineResult result_;
    bool parse_failed_ = false;

    At at_ = At::document;
    At resume_ = At::document;  // where a skipped or DOM value returns to
    std::size_t depth_ = 0;
    JsonTextAccumulator key_text_;
    JsonTextAccumulator string_text_;

    std::uint32_t member_ = 0;  // ordinals for InputPosition
    std::uint64_t step_ = 0;
    std::uint32_t event_ = 0;

    bool document_is_object_ = false;
    std::uint32_t seen_top_ = 0;
    std::optional<schema::Top> top_key_;

    std::uint32_t steps_member_ = 0;
    std::uint64_t step_elements_ = 0;
    StepRecord record_;
    std::uint32_t seen_step_keys_ = 0;
    std::optional<schema::Step> step_key_;
    bool step_times_valid_ = true;
    bool step_tags_valid_ = true;  // every step's bottleneck_tag was readable
    std::set<std::string, std::less<>> unknown_step_keys_;  // reported once each
    OpIdIndex op_ids_;
    StepSums sums_;

    std::uint32_t seen_meta_keys_ = 0;
    std::optional<schema::Meta> meta_key_;
    std::uint64_t chip_index_ = 0;
    bool recording_meta_ = false;

    bool aggregates_object_ = false;
    std::uint32_t aggregates_member_ = 0;
    std::uint32_t seen_aggregates_ = 0;
    std::uint32_t valid_aggregates_ = 0;
    std::array<std::uint32_t, schema::aggregate_keys.size()> aggregate_events_{};
    std::optional<schema::Aggregate> aggregate_key_;
    std::uint32_t seen_summary_ = 0;
    bool summary_valid_ = true;
    std::array<std::int64_t, schema::bottleneck_tags.size()> summary_counts_{};
    std::optional<std::size_t> summary_tag_;

    boost::json::value_stack dom_;
    JsonPointerTracker dom_path_;
};

template <class Where, class Message>
void EngineResultHandler::report(Severity level, std::string_view code, Where&& where, Message&& message)
{
    diagnostics_.add(here(), level, code, std::forward<Where>(where), std::forward<Message>(message));
}

}  // namespace perfreport
