// An example price source: prices of chips the built-in cost presets do not
// know, each with where the figure comes from and when. Copy this file, put
// your own quotes in, and load the library with --plugin-dir.
//
// The figures are public list prices and press estimates: good enough to try
// the cost analyzer, not to buy hardware with.
#include <boost/json/object.hpp>

#include "perfreport/sdk.hpp"

namespace chip_prices {

class ChipPrices final : public perfreport::IPriceSource {
public:
    static constexpr const char* id = "chip-prices";
    static constexpr const char* version = "1.0.0";
    static constexpr const char* description = "example chip prices (public list prices and press estimates)";

    // A cost table of SPEC 2.2's keys. A price is a number in USD, or an
    // object with its own "source" and "as_of"; the table's "source" and
    // "as_of" cover the prices that have none. The report shows them in
    // cost.origins, e.g. "price source chip-prices (Intel ..., 2024-06)".
    boost::json::object cost_table(const perfreport::HostServices&) const override
    {
        return {
            {"source", "perfreport example price list"},
            {"as_of", "2024-06"},
            {"chip_prices",
             {
                 {"Gaudi3",
                  {{"usd", 15625},
                   {"source", "Intel, Computex 2024: 8 Gaudi 3 accelerators on a baseboard list at 125000 USD"},
                   {"as_of", "2024-06"}}},
                 {"H100-SXM",
                  {{"usd", 25000},
                   {"source", "press reports of analyst estimates, 25000 to 30000 USD per GPU"},
                   {"as_of", "2024-01"}}},
                 {"MI300X",
                  {{"usd", 15000},
                   {"source", "press reports of analyst estimates, 10000 to 15000 USD per GPU"},
                   {"as_of", "2024-01"}}},
             }},
        };
    }
};

}  // namespace chip_prices

PERFREPORT_PLUGIN("perfreport-example-chip-prices", "1.0.0", chip_prices::ChipPrices)
