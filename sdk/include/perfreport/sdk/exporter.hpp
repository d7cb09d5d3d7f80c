// perfreport::IExporter, and how a class derived from it becomes a PR_IExporter.
#pragma once

#include <concepts>

#include "perfreport/abi.h"
#include "perfreport/sdk/boundary.hpp"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/plugin_class.hpp"
#include "perfreport/sdk/report_view.hpp"

namespace perfreport {

// Derive, declare the static members, implement export_report:
//   static constexpr const char* id, version, description;   required
//   static constexpr const char* options_schema = R"({...})";  optional
// Files are written only through report.host().open_output (OutputFile) or,
// for a library that opens files by name, open_output_path (OutputPath).
// export_report must not keep state between calls: it runs concurrently.
class IExporter {
public:
    virtual ~IExporter() = default;
    virtual void export_report(const ReportView& report) const = 0;
};

namespace detail {

template <class T>
PR_Status export_thunk(const PR_IExporter*, const PR_ReportView* report, PR_Error* error) noexcept
{
    return guarded_call(error, [&] {
        if (report == nullptr) throw Failure(PR_ERR_INVALID_ARGUMENT, "export_report: null report");
        instance<T>().export_report(ReportView{*report});
    });
}

template <class T>
inline constexpr PR_IExporter exporter_descriptor{
    sizeof(PR_IExporter), 0, T::id, T::version, T::description, options_schema_of<T>(), &export_thunk<T>,
};

template <std::derived_from<IExporter> T>
constexpr const PR_IExporter* descriptor_of()
{
    static_assert(DescribedClass<T>, "an exporter declares static constexpr id, version and description");
    static_assert(is_valid_id(T::id, true), "an exporter id is [a-z0-9_-]+");
    return &exporter_descriptor<T>;
}

}  // namespace detail
}  // namespace perfreport
