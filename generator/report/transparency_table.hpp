// The transparency table as a reader takes it in: each provider on one line with the rows it is
// made of below it, and the region's rows per intensity and per profile in a table of their own.
#pragma once

#include <string>
#include <vector>

#include "report/report_model.hpp"

namespace ss {

/// A provider's line and its parts: per intensity, then per profile and intensity.
struct ProviderRows {
    const TransparencyRow* total = nullptr; ///< all its trajectories; null when the data has no such row
    std::string provider_name;
    std::vector<const TransparencyRow*> parts;
};

struct TransparencyTable {
    std::vector<ProviderRows> providers;        ///< by name
    std::vector<const TransparencyRow*> region; ///< all providers together: per intensity, then per profile
};

/// Groups `rows` (a model's transparency rows, in transparency_rows' order) by provider. The
/// pointers point into `rows`.
TransparencyTable transparency_table(const std::vector<TransparencyRow>& rows);

/// What a row below a provider, or a row of the region's table, is about: "profiel 3, intensief",
/// "alle profielen, perspectief", "geen profiel", "duurzaam". A provider's own line: its name.
std::string transparency_row_label(const TransparencyRow& row);

} // namespace ss
