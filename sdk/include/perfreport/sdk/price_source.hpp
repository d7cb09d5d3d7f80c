// perfreport::IPriceSource, and how a class derived from it becomes a PR_IPriceSource.
#pragma once

#include <concepts>

#include <boost/json/object.hpp>

#include "perfreport/abi.h"
#include "perfreport/sdk/boundary.hpp"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/host_call.hpp"
#include "perfreport/sdk/host_services.hpp"
#include "perfreport/sdk/json_writer.hpp"
#include "perfreport/sdk/plugin_class.hpp"

namespace perfreport {

// Derive, declare `static constexpr const char* id, version, description`,
// and return a cost table (SPEC 2.2 keys such as "chip_prices" and
// "interconnect", plus "source" and "as_of" for provenance). Runs concurrently.
class IPriceSource {
public:
    virtual ~IPriceSource() = default;
    virtual boost::json::object cost_table(const HostServices& host) const = 0;
};

namespace detail {

template <class T>
PR_Status cost_table_thunk(const PR_IPriceSource*, const PR_Host* host, const PR_TextSink* out,
                           PR_Error* error) noexcept
{
    return guarded_call(error, [&] {
        if (host == nullptr || out == nullptr) throw Failure(PR_ERR_INVALID_ARGUMENT, "cost_table: null argument");
        JsonWriter writer;
        writer.json(instance<T>().cost_table(HostServices{*host}));
        check_host_call("cost table", [&](PR_Error* append_error) {
            return out->append(out, writer.buffer().data(), writer.buffer().size(), append_error);
        });
    });
}

template <class T>
inline constexpr PR_IPriceSource price_source_descriptor{
    sizeof(PR_IPriceSource), 0, T::id, T::version, T::description, &cost_table_thunk<T>,
};

template <std::derived_from<IPriceSource> T>
constexpr const PR_IPriceSource* descriptor_of()
{
    static_assert(DescribedClass<T>, "a price source declares static constexpr id, version and description");
    static_assert(is_valid_id(T::id, true), "a price source id is [a-z0-9_-]+");
    return &price_source_descriptor<T>;
}

}  // namespace detail
}  // namespace perfreport
