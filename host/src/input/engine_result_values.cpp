// EngineResultHandler, part 4: reading typed values and saying what is wrong with them.
#include "engine_result_handler.hpp"

#include "closest_key.hpp"
#include "exact_integer.hpp"
#include "handler_support.hpp"
#include "message_text.hpp"

namespace perfreport {

using namespace handler;

std::optional<double> EngineResultHandler::read_non_negative(const Scalar& value)
{
    if (value.kind != Scalar::Kind::number) {
        wrong_type("E_TYPE", "a number", describe(value));
        return std::nullopt;
    }
    const auto x = value.number->to_double();
    if (!x) {
        number_problem(NumberProblem::too_large_for_double, "E_NONFINITE", value.number->text);
        return std::nullopt;
    }
    if (*x < 0) number_problem(NumberProblem::negative, "E_NEGATIVE", value.number->text);
    return x;
}

std::optional<std::int64_t> EngineResultHandler::read_integer(const Scalar& value, std::string_view type_code,
                                                              std::string_view negative_code)
{
    if (value.kind != Scalar::Kind::number) {
        wrong_type(type_code, "an integer", describe(value));
        return std::nullopt;
    }
    const JsonNumber& number = *value.number;
    if (!number.to_double()) {
        number_problem(NumberProblem::too_large_for_double, "E_NONFINITE", number.text);
        return std::nullopt;
    }
    const ExactInteger n = exact_integer(number);
    switch (n.status) {
    case ExactInteger::Status::fractional:
        wrong_type(type_code, "an integer", number_text(number.text));
        return std::nullopt;
    case ExactInteger::Status::too_large:
        if (number.text.starts_with('-')) {
            number_problem(NumberProblem::negative, negative_code, number.text);
        } else {
            number_problem(NumberProblem::too_large_for_int64, type_code, number.text);
        }
        return std::nullopt;
    case ExactInteger::Status::ok: break;
    }
    if (n.value < 0) number_problem(NumberProblem::negative, negative_code, number.text);
    return n.value;
}

void EngineResultHandler::number_problem(NumberProblem problem, std::string_view code, std::string_view text)
{
    report(Severity::error, code, [&] { return value_pointer(at_); }, [&] {
        switch (problem) {
        case NumberProblem::negative: return value_name() + " must not be negative, is " + number_text(text);
        case NumberProblem::too_large_for_double: break;
        case NumberProblem::too_large_for_int64:
            return value_name() + " " + number_text(text) + " does not fit a 64-bit integer (at most 2^63-1)";
        }
        return value_name() + " " + number_text(text) + " does not fit a double";
    });
}

void EngineResultHandler::wrong_type(std::string_view code, std::string_view expected, std::string_view actual)
{
    report(Severity::error, code, [&] { return value_pointer(at_); },
           [&] { return value_name() + " must be " + std::string(expected) + ", not " + std::string(actual); });
}

// Objects that are streamed cannot take "the last one wins": a repeated key is an error.
void EngineResultHandler::duplicate_key(std::string_view key)
{
    report(Severity::error, "E_DUPLICATE_KEY", [&] { return value_pointer(at_); },
           [&] { return "key " + in_quotes(key) + " appears more than once in the same object"; });
}

void EngineResultHandler::unknown_key(std::string_view key, std::string_view object, std::string pointer,
                                      std::span<const std::string_view> known)
{
    report(Severity::warning, "W_UNKNOWN_KEY", [&] { return std::move(pointer); }, [&] {
        std::string message = "unknown " + std::string(object) + "key " + in_quotes(key);
        if (const auto suggestion = closest_key(key, known)) message += " (did you mean " + in_quotes(*suggestion) + "?)";
        message += ", ignored";
        if (object == "step ") message += "; reported at its first step only";
        return message;
    });
}

std::string EngineResultHandler::describe(const Scalar& value)
{
    switch (value.kind) {
    case Scalar::Kind::string: return in_quotes(value.string);
    case Scalar::Kind::number: return number_text(value.number->text);
    case Scalar::Kind::boolean: return value.boolean ? "true" : "false";
    case Scalar::Kind::null: break;
    }
    return "null";
}

}  // namespace perfreport
