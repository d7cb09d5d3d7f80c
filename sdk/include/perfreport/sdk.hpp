// The C++ SDK for perfreport plugins: header-only, over the C ABI in abi.h.
//
// A plugin author derives a class from IAnalyzer, IExporter or IPriceSource,
// implements its one method, and registers it with PERFREPORT_PLUGIN. The SDK
// turns every exception into a status and message at the C boundary
// (throw perfreport::Failure to choose the status).
#pragma once

#include "perfreport/abi.h"
#include "perfreport/sdk/analyzer.hpp"
#include "perfreport/sdk/analyzer_input.hpp"
#include "perfreport/sdk/bottleneck.hpp"
#include "perfreport/sdk/columns.hpp"
#include "perfreport/sdk/contains.hpp"
#include "perfreport/sdk/csv_cell.hpp"
#include "perfreport/sdk/exporter.hpp"
#include "perfreport/sdk/failure.hpp"
#include "perfreport/sdk/field_units.hpp"
#include "perfreport/sdk/host_services.hpp"
#include "perfreport/sdk/json_lookup.hpp"
#include "perfreport/sdk/json_parse.hpp"
#include "perfreport/sdk/json_writer.hpp"
#include "perfreport/sdk/layer_index.hpp"
#include "perfreport/sdk/output_file.hpp"
#include "perfreport/sdk/output_path.hpp"
#include "perfreport/sdk/plugin.hpp"
#include "perfreport/sdk/pp_stage.hpp"
#include "perfreport/sdk/price_source.hpp"
#include "perfreport/sdk/report_view.hpp"
#include "perfreport/sdk/resolved_phase.hpp"
#include "perfreport/sdk/round4.hpp"
#include "perfreport/sdk/section_line.hpp"
#include "perfreport/sdk/section_writer.hpp"
#include "perfreport/sdk/step_table.hpp"
#include "perfreport/sdk/table_builder.hpp"
#include "perfreport/sdk/table_view.hpp"
#include "perfreport/sdk/text_summary.hpp"
