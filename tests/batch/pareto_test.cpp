// The Pareto front against a brute-force definition on random sweeps with
// ties, duplicates, missing values, failures and two phases.
#include <gtest/gtest.h>

#include <random>

#include "batch/pareto.hpp"

namespace perfreport {
namespace {

SummaryRow row(std::string phase, boost::json::value tps_per_chip, boost::json::value tpot,
               boost::json::value cost, bool ok = true)
{
    SummaryRow r = analyzed_row("r", "r.json", {}, ReportingReport{});
    r["phase"] = phase.empty() ? boost::json::value(nullptr) : boost::json::value(phase);
    r["tps_per_chip"] = tps_per_chip;
    r["tpot_ms"] = tpot;
    r["cost_per_million_tokens"] = cost;
    if (!ok) set_failed(r, "analyzer failed");
    return r;
}

// The definition, compared pairwise: a row takes part when it is ok and has
// all three values; it is on the front when no row of its phase is at least
// as good everywhere and better somewhere.
std::vector<bool> brute_force(const std::vector<SummaryRow>& rows)
{
    const auto values = [](const SummaryRow& r) -> std::optional<std::array<double, 3>> {
        if (r.at("status") != "ok") return std::nullopt;
        for (const char* key : {"tps_per_chip", "tpot_ms", "cost_per_million_tokens"}) {
            if (!r.at(key).is_number()) return std::nullopt;
        }
        return std::array<double, 3>{r.at("tps_per_chip").to_number<double>(), -r.at("tpot_ms").to_number<double>(),
                                     -r.at("cost_per_million_tokens").to_number<double>()};
    };
    std::vector<bool> front(rows.size(), false);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto a = values(rows[i]);
        if (!a) continue;
        bool dominated = false;
        for (std::size_t j = 0; j < rows.size() && !dominated; ++j) {
            const auto b = values(rows[j]);
            if (j == i || !b || rows[j].at("phase") != rows[i].at("phase")) continue;
            bool all_at_least = true;
            bool some_better = false;
            for (int k = 0; k < 3; ++k) {
                all_at_least = all_at_least && (*b)[k] >= (*a)[k];
                some_better = some_better || (*b)[k] > (*a)[k];
            }
            dominated = all_at_least && some_better;
        }
        front[i] = !dominated;
    }
    return front;
}

TEST(Pareto, MatchesTheBruteForceDefinitionOnRandomSweeps)
{
    std::mt19937 random(20240611);
    std::uniform_int_distribution<int> level(0, 5);  // few levels: many ties on one objective
    std::uniform_int_distribution<int> dice(0, 19);
    std::size_t flagged = 0;
    for (int sweep = 0; sweep < 200; ++sweep) {
        std::vector<SummaryRow> rows;
        const int size = 1 + sweep % 40;
        for (int i = 0; i < size; ++i) {
            const int roll = dice(random);
            if (roll == 0 && !rows.empty()) {
                rows.push_back(rows[static_cast<std::size_t>(i / 2)]);  // an exact duplicate
                continue;
            }
            const boost::json::value cost = roll == 1 ? boost::json::value(nullptr) : boost::json::value(level(random) * 10.0);
            rows.push_back(row(roll % 3 == 0 ? "prefill" : "decode", level(random) * 1.5, std::int64_t{level(random)},
                               cost, roll != 2));
        }
        const auto expected = brute_force(rows);
        EXPECT_EQ(pareto_front(rows, default_pareto_objectives()), expected) << "sweep " << sweep;
        flagged += static_cast<std::size_t>(std::count(expected.begin(), expected.end(), true));
    }
    EXPECT_GT(flagged, 200u);  // the fronts are not trivially empty
}

TEST(Pareto, DuplicatesShareTheirFateAndFailedRowsNeverCount)
{
    const std::vector<SummaryRow> rows = {
        row("decode", 10.0, 5.0, 1.0),  row("decode", 10.0, 5.0, 1.0),   // identical, both on the front
        row("decode", 10.0, 6.0, 1.0),                                     // worse tpot only: dominated
        row("decode", 99.0, 1.0, 0.1, false),                              // would dominate all, but failed
        row("decode", 5.0, 1.0, 2.0),                                      // faster, fewer tps: on the front
        row("prefill", 0.0, 0.0, 0.0),                                     // alone in its phase
        row("decode", 50.0, 0.5, nullptr),                                 // no cost: takes no part
    };
    EXPECT_EQ(pareto_front(rows, default_pareto_objectives()),
              (std::vector<bool>{true, true, false, false, true, true, false}));
}

TEST(Pareto, ObjectivesAreNumericColumnsWithASense)
{
    const auto objectives = parse_pareto_objectives("ttft_ms:min,mfu:max");
    ASSERT_EQ(objectives.size(), 2u);
    EXPECT_EQ(objectives[0].text(), "ttft_ms:min");
    EXPECT_TRUE(objectives[1].maximise);
    for (const char* wrong : {"ttft_ms", "ttft_ms:low", "model:max", "nonsense:min", "mfu:max,"}) {
        try {
            parse_pareto_objectives(wrong);
            ADD_FAILURE() << wrong;
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find("must be COLUMN:max or COLUMN:min with COLUMN one of chip_count, tp"),
                      std::string::npos)
                << e.what();
        }
    }
}

}  // namespace
}  // namespace perfreport
