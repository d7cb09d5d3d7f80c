// What every plugin class declares, and the one instance the SDK keeps of it.
#pragma once

#include <concepts>

namespace perfreport::detail {

// `static constexpr const char* id, version, description`.
template <class T>
concept DescribedClass = requires {
    { T::id } -> std::convertible_to<const char*>;
    { T::version } -> std::convertible_to<const char*>;
    { T::description } -> std::convertible_to<const char*>;
};

// Optional `static constexpr const char* options_schema` (format in abi/analyzer.h).
template <class T>
concept HasOptionsSchema = requires {
    { T::options_schema } -> std::convertible_to<const char*>;
};

template <class T>
constexpr const char* options_schema_of()
{
    if constexpr (HasOptionsSchema<T>) {
        return T::options_schema;
    } else {
        return nullptr;
    }
}

// Ids are report keys and command-line names: [a-z0-9_]+, and '-' where allowed.
constexpr bool is_valid_id(const char* id, bool allow_dash)
{
    if (id == nullptr || *id == '\0') return false;
    for (; *id != '\0'; ++id) {
        const char c = *id;
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (allow_dash && c == '-');
        if (!ok) return false;
    }
    return true;
}

// Plugin classes are stateless: one const instance serves every call and
// every thread, which is what makes the C entry points reentrant.
template <class T>
const T& instance()
{
    static const T plugin;
    return plugin;
}

}  // namespace perfreport::detail
