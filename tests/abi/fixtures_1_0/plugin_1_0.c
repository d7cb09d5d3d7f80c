/* An old binary: a plugin built against the frozen ABI 1.0 headers beside
 * this file (include/), never against the current SDK. Every later 1.x host
 * must load it and run each of its parts; tests/host/old_binary_test.cpp and
 * the CLI tests check what it produces. Plain C, 1.0 fields only.
 *
 *   analyzer "abi_1_0"      summary {"steps", "total_ms", "ttft_ms",
 *                           "granularity"} and a table "ops" (op_id, t_total)
 *   exporter "abi-1-0"      abi_1_0.txt: the section ids, one per line, then
 *                           the report header
 *   price source "abi_1_0"  an SG2262 price of 3000 USD */
#include <perfreport/abi.h>

#include <stdio.h>
#include <string.h>

#if defined(FIXTURE_PINNED_TO_1_0) && (PR_ABI_VERSION_MAJOR != 1 || PR_ABI_VERSION_MINOR != 0)
#error "the old binary must be built against the frozen 1.0 headers in fixtures_1_0/include"
#endif

static PR_Status fail(PR_Error* error, PR_Status status, const char* message)
{
    error->set_message(error, message, strlen(message));
    return status;
}

static PR_Status analyze_1_0(const PR_IAnalyzer* self, const PR_AnalyzerInput* input,
                             const PR_SectionSink* sink, PR_Error* error)
{
    const PR_StepTable* steps = input->steps;
    const double* t_total = (const double*)steps->t_total.values;
    double total_ms = 0.0;
    uint64_t i;
    char summary[256];
    int length;
    PR_Column columns[2];
    PR_Table table;
    PR_Status status;
    (void)self;
    if (t_total == NULL) return fail(error, PR_ERR_INVALID_INPUT, "the input has no t_total");
    for (i = 0; i < steps->count; ++i) total_ms += t_total[i];
    length = snprintf(summary, sizeof summary,
                      "{\"steps\":%llu,\"total_ms\":%.17g,\"ttft_ms\":%.17g,\"granularity\":%d}",
                      (unsigned long long)steps->count, total_ms, input->aggregates->ttft_ms,
                      (int)input->granularity);
    if (length < 0 || (size_t)length >= sizeof summary) return fail(error, PR_ERR_INTERNAL, "summary too long");
    {
        const PR_StringView text = {summary, (uint64_t)length};
        status = sink->set_summary(sink, text, error);
    }
    if (status != PR_OK) return status;
    columns[0] = steps->op_id;
    columns[0].name = "op_id";
    columns[1] = steps->t_total;
    columns[1].name = "t_total";
    table.name = "ops";
    table.row_count = steps->count;
    table.column_count = 2;
    table.reserved = 0;
    table.columns = columns;
    return sink->append_table(sink, &table, error);
}

static PR_Status write_text(const PR_Host* host, PR_OutputFile* file, const char* data, uint64_t size,
                            PR_Error* error)
{
    return host->write_output(host, file, data, size, error);
}

static PR_Status export_1_0(const PR_IExporter* self, const PR_ReportView* report, PR_Error* error)
{
    const PR_Host* host = report->host;
    PR_OutputFile* file = NULL;
    PR_Status status;
    uint32_t i;
    (void)self;
    status = host->open_output(host, "abi_1_0.txt", &file, error);
    if (status != PR_OK) return status;
    for (i = 0; i < report->section_count && status == PR_OK; ++i) {
        const char* id = report->sections[i]->id;
        status = write_text(host, file, id, strlen(id), error);
        if (status == PR_OK) status = write_text(host, file, "\n", 1, error);
    }
    if (status == PR_OK) status = write_text(host, file, report->header_json.data, report->header_json.size, error);
    if (status != PR_OK) {
        host->abort_output(host, file);
        return status;
    }
    return host->commit_output(host, file, error);
}

static PR_Status cost_table_1_0(const PR_IPriceSource* self, const PR_Host* host, const PR_TextSink* out,
                                PR_Error* error)
{
    static const char table[] =
        "{\"source\":\"ABI 1.0 fixture\",\"as_of\":\"2024-01\",\"chip_prices\":{\"SG2262\":3000}}";
    (void)self;
    (void)host;
    return out->append(out, table, sizeof table - 1, error);
}

static const PR_IAnalyzer analyzer = {
    sizeof(PR_IAnalyzer), 0, "abi_1_0", "1.0.0", "built against the ABI 1.0 headers", NULL, NULL, analyze_1_0};
static const PR_IAnalyzer* const analyzers[] = {&analyzer};

static const PR_IExporter exporter = {
    sizeof(PR_IExporter), 0, "abi-1-0", "1.0.0", "built against the ABI 1.0 headers", NULL, export_1_0};
static const PR_IExporter* const exporters[] = {&exporter};

static const PR_IPriceSource price_source = {
    sizeof(PR_IPriceSource), 0, "abi_1_0", "1.0.0", "built against the ABI 1.0 headers", cost_table_1_0};
static const PR_IPriceSource* const price_sources[] = {&price_source};

static const PR_PluginEntry entry = {
    sizeof(PR_PluginEntry), PR_ABI_VERSION_INIT, "abi-1-0-fixture", "1.0.0", 1, 1, 1, 0,
    analyzers, exporters, price_sources};

PR_EXPORT const PR_PluginEntry* perfreport_plugin_entry(void);
PR_EXPORT const PR_PluginEntry* perfreport_plugin_entry(void)
{
    return &entry;
}
