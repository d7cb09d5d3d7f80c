// perfreport::IAnalyzer, and how a class derived from it becomes a PR_IAnalyzer.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "perfreport/abi.h"
#include "perfreport/sdk/analyzer_input.hpp"
#include "perfreport/sdk/boundary.hpp"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/plugin_class.hpp"
#include "perfreport/sdk/section_writer.hpp"

namespace perfreport {

// Derive, declare the static members, implement analyze:
//   static constexpr const char* id, version, description;       required
//   static constexpr std::array required_context{"/hardware/..."}; optional
//   static constexpr const char* options_schema = R"({...})";      optional (abi/analyzer.h)
//   static constexpr bool needs_raw_meta = true;                   optional
// analyze must not keep state between calls: it runs concurrently.
class IAnalyzer {
public:
    virtual ~IAnalyzer() = default;
    virtual void analyze(const AnalyzerInput& input, SectionWriter& out) const = 0;
};

namespace detail {

template <class T>
concept HasRequiredContext = requires { std::size(T::required_context); T::required_context[0]; };
template <class T>
concept HasNeedsRawMeta = requires {
    { T::needs_raw_meta } -> std::convertible_to<bool>;
};

// T::required_context with the NULL the ABI expects at its end.
template <class T>
constexpr auto null_terminated_required_context()
{
    std::array<const char*, std::size(T::required_context) + 1> list{};
    for (std::size_t i = 0; i < std::size(T::required_context); ++i) list[i] = T::required_context[i];
    return list;
}

template <HasRequiredContext T>
inline constexpr auto required_context_list = null_terminated_required_context<T>();

template <class T>
constexpr const char* const* required_context_of()
{
    if constexpr (HasRequiredContext<T>) {
        return required_context_list<T>.data();
    } else {
        return nullptr;
    }
}

template <class T>
constexpr std::uint32_t analyzer_flags_of()
{
    if constexpr (HasNeedsRawMeta<T>) {
        return T::needs_raw_meta ? PR_ANALYZER_NEEDS_RAW_META : 0u;
    } else {
        return 0u;
    }
}

template <class T>
PR_Status analyze_thunk(const PR_IAnalyzer*, const PR_AnalyzerInput* input, const PR_SectionSink* sink,
                        PR_Error* error) noexcept
{
    return guarded_call(error, [&] {
        if (input == nullptr || sink == nullptr) throw Failure(PR_ERR_INVALID_ARGUMENT, "analyze: null argument");
        const AnalyzerInput in{*input};
        SectionWriter out{*sink};
        instance<T>().analyze(in, out);
        out.finish();
    });
}

template <class T>
inline constexpr PR_IAnalyzer analyzer_descriptor{
    sizeof(PR_IAnalyzer), analyzer_flags_of<T>(), T::id, T::version, T::description,
    required_context_of<T>(), options_schema_of<T>(), &analyze_thunk<T>,
};

template <std::derived_from<IAnalyzer> T>
constexpr const PR_IAnalyzer* descriptor_of()
{
    static_assert(DescribedClass<T>, "an analyzer declares static constexpr id, version and description");
    static_assert(is_valid_id(T::id, false), "an analyzer id is [a-z0-9_]+");
    return &analyzer_descriptor<T>;
}

}  // namespace detail
}  // namespace perfreport
