// abi.h matches sdk/abi/perfreport_abi_1.json: every struct's size and
// alignment, every field's offset, size and type, every constant's value,
// compiled as C11 and as C++20. A layout change fails here until the
// manifest records it (sdk/abi/README.md says how).
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "abi_facts.h"
#include "abi_manifest_checks.h"
#include "version.hpp"

namespace {

using FactsFunction = std::size_t (*)(PerfreportAbiFact*, std::size_t);

std::vector<PerfreportAbiFact> facts(FactsFunction compute)
{
    std::vector<PerfreportAbiFact> out(compute(nullptr, 0));
    compute(out.data(), out.size());
    return out;
}

void expect_manifest_holds(FactsFunction compute, const char* language)
{
    const auto all = facts(compute);
    ASSERT_FALSE(all.empty());
    for (const auto& fact : all) {
        EXPECT_EQ(fact.actual, fact.expected) << language << ": " << fact.what;
    }
}

TEST(AbiManifest, LayoutAsCMatchesTheManifest)
{
    expect_manifest_holds(&perfreport_abi_facts_in_c, "C11");
}

TEST(AbiManifest, LayoutAsCxxMatchesTheManifest)
{
    expect_manifest_holds(&perfreport_abi_facts_in_cxx, "C++20");
}

TEST(AbiManifest, CAndCxxCheckTheSameFacts)
{
    EXPECT_EQ(facts(&perfreport_abi_facts_in_c).size(), facts(&perfreport_abi_facts_in_cxx).size());
}

TEST(AbiManifest, DescribesTheAbiTheHostImplements)
{
    EXPECT_EQ(std::string(PERFREPORT_ABI_MANIFEST_VERSION), perfreport::version_text(perfreport::host_abi));
}

}  // namespace
