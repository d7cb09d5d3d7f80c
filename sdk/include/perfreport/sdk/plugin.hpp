// PERFREPORT_PLUGIN: the one line that turns plugin classes into a library entry.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>

#include "perfreport/abi.h"
#include "perfreport/sdk/analyzer.hpp"
#include "perfreport/sdk/exporter.hpp"
#include "perfreport/sdk/price_source.hpp"

namespace perfreport::detail {

template <class T>
concept PluginClass = (int{std::derived_from<T, IAnalyzer>} + int{std::derived_from<T, IExporter>} +
                       int{std::derived_from<T, IPriceSource>}) == 1;

// The descriptors of those Ts that derive from Base, in the order given.
template <class Base, class Descriptor, class... Ts>
constexpr auto descriptors_deriving_from()
{
    std::array<const Descriptor*, (std::size_t{std::derived_from<Ts, Base>} + ... + 0)> list{};
    std::size_t next = 0;
    (
        [&] {
            if constexpr (std::derived_from<Ts, Base>) list[next++] = descriptor_of<Ts>();
        }(),
        ...);
    return list;
}

template <class... Ts>
struct PluginClasses {
    static_assert(sizeof...(Ts) > 0, "a plugin provides at least one class");
    static_assert((PluginClass<Ts> && ...),
                  "each plugin class derives from exactly one of IAnalyzer, IExporter, IPriceSource");

    static constexpr auto analyzers = descriptors_deriving_from<IAnalyzer, PR_IAnalyzer, Ts...>();
    static constexpr auto exporters = descriptors_deriving_from<IExporter, PR_IExporter, Ts...>();
    static constexpr auto price_sources = descriptors_deriving_from<IPriceSource, PR_IPriceSource, Ts...>();
};

template <class Array>
constexpr auto data_or_null(const Array& list)
{
    return list.empty() ? nullptr : list.data();
}

template <class... Ts>
constexpr PR_PluginEntry make_entry(const char* name, const char* version)
{
    using Classes = PluginClasses<Ts...>;
    return PR_PluginEntry{
        sizeof(PR_PluginEntry),
        PR_ABI_VERSION_INIT,
        name,
        version,
        static_cast<std::uint32_t>(Classes::analyzers.size()),
        static_cast<std::uint32_t>(Classes::exporters.size()),
        static_cast<std::uint32_t>(Classes::price_sources.size()),
        0,
        data_or_null(Classes::analyzers),
        data_or_null(Classes::exporters),
        data_or_null(Classes::price_sources),
    };
}

}  // namespace perfreport::detail

// Defines the library's entry point for the plugin classes listed (any mix of
// analyzers, exporters and price sources), e.g.
//   PERFREPORT_PLUGIN("perfreport-roofline", "1.0.0", RooflineAnalyzer)
// Use it once per library, at namespace scope. Everything it returns is
// constant data, built at compile time.
#define PERFREPORT_PLUGIN(name, version, ...)                                                          \
    extern "C" PR_EXPORT const PR_PluginEntry* perfreport_plugin_entry(void) noexcept                 \
    {                                                                                                  \
        static constexpr PR_PluginEntry entry = ::perfreport::detail::make_entry<__VA_ARGS__>(name, version); \
        return &entry;                                                                                 \
    }
