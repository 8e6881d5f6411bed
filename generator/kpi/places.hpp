// The municipalities and regions the fast-path KPIs count per, numbered in code order: a
// municipality's index, its region's index and each region's members.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace ss {

struct Places {
    std::vector<std::string> municipalities;         ///< codes, sorted
    std::vector<std::string> regions;                ///< codes, sorted
    std::vector<std::uint16_t> region_of;            ///< per municipality, index into regions
    std::vector<std::vector<size_t>> region_members; ///< per region, its municipalities
};

/// Reads the municipalities and regions. Throws DatabaseError for a municipality whose region is
/// not in regions, or more municipalities than an index holds.
Places read_places(SQLite::Database& db);

/// The index of each municipality code, for reading rows that name one.
class MunicipalityNumbers {
public:
    explicit MunicipalityNumbers(const Places& places);
    /// The index of `code`. Throws DatabaseError naming the row (`table`: `subject` `id`) when no
    /// municipality has that code: a database the import did not write.
    std::uint16_t of(std::string_view code, const char* table, const char* subject, std::string_view id) const;

private:
    std::unordered_map<std::string, std::uint16_t> numbers_;
};

} // namespace ss
