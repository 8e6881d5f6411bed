// Every child-protection measure of the database as compact rows, read once per run, for the
// measure KPIs counted in C++ (kpi/measure_kpis): their queries' look-ups per measure and GROUP
// BYs were most of what a trend quarter cost after the trajectory KPIs (docs/performance.md).
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/dates.hpp"
#include "kpi/places.hpp"

namespace ss {

struct MeasureHistory : Places {
    static constexpr std::int32_t open_end = std::numeric_limits<std::int32_t>::max();
    /// skj_valid_until when there is no case worker or no date: before any quarter's end.
    static constexpr std::int32_t never_valid = std::numeric_limits<std::int32_t>::min();

    /// The kinds the queries name; any other code counts only where a query takes every kind (JB06).
    enum class Kind : std::uint8_t { ots, vots, voogdij, uhp, jr, other };

    struct Measure {
        std::uint32_t child = 0;        ///< index into the children (not kept: only who is who)
        std::uint16_t municipality = 0; ///< index into municipalities
        std::uint16_t institution = 0;  ///< index into institutions
        Kind kind = Kind::other;
        std::int32_t start = 0;                   ///< days since 1970-01-01
        std::int32_t end = open_end;              ///< open_end while the measure runs
        std::int32_t skj_valid_until = never_valid; ///< its case worker's SKJ registration
        std::uint32_t extensions = 0;             ///< its first extension in extension_days
        std::uint32_t case_worker = no_case_worker; ///< a number per case worker id, in the order met
    };
    static constexpr std::uint32_t no_case_worker = std::numeric_limits<std::uint32_t>::max();

    std::vector<std::string> ids;          ///< measure ids, sorted: measures[i] is ids[i]
    std::vector<Measure> measures;         ///< in measure_id order
    std::vector<std::string> institutions; ///< the institutions of measures, in the order met
    std::uint32_t case_workers = 0;        ///< how many case workers the measures name
    /// Every measure's extension dates, ascending, from measures[i].extensions up to
    /// measures[i + 1].extensions (the last measure's: to the end).
    std::vector<std::int32_t> extension_days;
    /// Indices into measures grouped per child, each child's by start date; the children's
    /// groups start at child_begin[c] and end at child_begin[c + 1].
    std::vector<std::uint32_t> by_child;
    std::vector<std::uint32_t> child_begin;

    std::size_t children() const { return child_begin.empty() ? 0 : child_begin.size() - 1; }
    /// The extensions of measure `i` dated on or before `day`.
    std::uint32_t extensions_until(size_t i, std::int32_t day) const;
    /// The index of measure `id`, or -1.
    long index_of(std::string_view id) const;
};

/// Reads every measure, its case worker and their SKJ registration date, and its extension dates.
/// Throws DatabaseError.
MeasureHistory load_measure_history(SQLite::Database& db);

/// Whether a measure has a progress record for a quarter (DQ02) and what it says about contact
/// between parent and child (JB10), per measure of the history.
enum class ContactRecord : std::uint8_t { none, empty, yes, other };

/// Reads the progress records of `quarter`. Throws DatabaseError.
std::vector<ContactRecord> read_contact_records(SQLite::Database& db, const MeasureHistory& history, const Quarter& quarter);

/// The actual euros of a quarter's measure cost records per municipality and institution (JB09).
struct MeasureCostSum {
    std::uint16_t municipality = 0; ///< index into municipalities
    std::uint16_t institution = 0;  ///< index into institutions
    double actual_eur = 0;
};

/// Reads the quarter's sums from the temporary table quarter_measure_costs (kpi_engine fills it
/// per quarter) in the table's own order: the order JB09's query adds them up in, so that the
/// euros per scope are the same to the bit. Throws DatabaseError.
std::vector<MeasureCostSum> read_measure_cost_sums(SQLite::Database& db, const MeasureHistory& history);

} // namespace ss
