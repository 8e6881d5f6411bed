// The analyst's settings for the council letters: per municipality the portfolio holder
// (portefeuillehouder), the contact person and the prefix of the letter's reference (kenmerk).
// A CSV file kept by the region (deploy/council-settings.example.csv); empty fields are left out
// of the letter, never invented.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace ss {

struct CouncilContact {
    std::string portfolio_holder; ///< "wethouder A. de Vries (Jeugd en Onderwijs)"
    std::string contact_name, contact_email, contact_phone;
    std::string kenmerk_prefix;   ///< the municipality's own reference prefix; empty: "SS"
};

/// By municipality code.
using CouncilSettings = std::map<std::string, CouncilContact>;

/// Columns (any order, a header required): municipality_code and any of portefeuillehouder,
/// contactpersoon, email, telefoon, kenmerk. Throws InputError naming file, line and column for an
/// unknown column, a missing municipality_code column or a code that repeats.
CouncilSettings parse_council_settings(std::string_view file_name, std::string_view text);
CouncilSettings load_council_settings(const std::filesystem::path& file);

} // namespace ss
