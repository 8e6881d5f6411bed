#include "kpi/measure_history.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/errors.hpp"
#include "kpi/child_numbers.hpp"
#include "kpi/row_reader.hpp"

namespace ss {

namespace {

const std::string reading = "reading the measures for the measure KPIs";

std::int32_t days_of(std::string_view text, const char* table, std::string_view measure_id, const char* column) {
    return stored_days(text, table, "measure", measure_id, column);
}

MeasureHistory::Kind kind_of(std::string_view code) {
    using Kind = MeasureHistory::Kind;
    if (code == "ots") return Kind::ots;
    if (code == "vots") return Kind::vots;
    if (code == "voogdij") return Kind::voogdij;
    if (code == "uhp") return Kind::uhp;
    if (code == "jr") return Kind::jr;
    return Kind::other;
}

size_t measure_count(SQLite::Database& db) {
    RowReader count(db, "SELECT count(*) FROM measures", reading);
    count.next();
    return static_cast<size_t>(count.integer64(0));
}

void read_measures(SQLite::Database& db, MeasureHistory& history, ChildNumbers& children) {
    const MunicipalityNumbers municipalities(history);
    RowReader rows(db,
                   "SELECT m.measure_id, m.child_id, m.municipality_code, m.institution_id, m.kind, m.start_date, "
                   "m.end_date, cw.skj_valid_until, m.case_worker_id FROM measures m "
                   "LEFT JOIN case_workers cw ON cw.case_worker_id = m.case_worker_id ORDER BY m.measure_id",
                   reading);
    std::unordered_map<std::string, std::uint32_t> case_workers; // a few thousand
    while (rows.next()) {
        const std::string_view id = rows.text(0);
        MeasureHistory::Measure m;
        if (!rows.is_null(8))
            m.case_worker = case_workers.try_emplace(std::string(rows.text(8)), static_cast<std::uint32_t>(case_workers.size()))
                                .first->second;
        children.add(rows.text(1));
        m.municipality = municipalities.of(rows.text(2), "measures", "measure", id);
        const std::string_view institution = rows.text(3);
        // Few (tens): a look-up by scan.
        const auto known = std::find(history.institutions.begin(), history.institutions.end(), institution);
        if (known == history.institutions.end() && history.institutions.size() == 0xFFFF)
            throw DatabaseError("measures: more institutions than the measure KPIs can count (65,535)");
        m.institution = static_cast<std::uint16_t>(known - history.institutions.begin());
        if (known == history.institutions.end()) history.institutions.emplace_back(institution);
        m.kind = kind_of(rows.text(4));
        m.start = days_of(rows.text(5), "measures", id, "start_date");
        if (!rows.is_null(6)) m.end = days_of(rows.text(6), "measures", id, "end_date");
        if (!rows.is_null(7)) m.skj_valid_until = days_of(rows.text(7), "case_workers", id, "skj_valid_until");
        history.ids.emplace_back(id);
        history.measures.push_back(m);
    }
    history.case_workers = static_cast<std::uint32_t>(case_workers.size());
    const auto& child_of = children.numbers();
    for (size_t i = 0; i < history.measures.size(); ++i) history.measures[i].child = child_of[i];
}

/// The extension dates, read in key order (measure, date): each measure's run of them ascends.
void read_extensions(SQLite::Database& db, MeasureHistory& history) {
    RowReader rows(db, "SELECT measure_id, extension_date FROM measure_extensions ORDER BY measure_id, extension_date",
                   reading);
    std::vector<std::uint32_t> per_measure(history.measures.size() + 1, 0);
    while (rows.next()) {
        const long i = history.index_of(rows.text(0));
        if (i < 0) continue; // no measure to count it for; the queries start from the measures too
        history.extension_days.push_back(days_of(rows.text(1), "measure_extensions", rows.text(0), "extension_date"));
        ++per_measure[static_cast<size_t>(i) + 1];
    }
    std::uint32_t first = 0;
    for (size_t i = 0; i < history.measures.size(); ++i) {
        first += per_measure[i];
        history.measures[i].extensions = first;
    }
}

} // namespace

std::uint32_t MeasureHistory::extensions_until(size_t i, std::int32_t day) const {
    const auto begin = extension_days.begin() + measures[i].extensions;
    const auto end = i + 1 < measures.size() ? extension_days.begin() + measures[i + 1].extensions : extension_days.end();
    return static_cast<std::uint32_t>(std::upper_bound(begin, end, day) - begin);
}

long MeasureHistory::index_of(std::string_view id) const {
    const auto it = std::lower_bound(ids.begin(), ids.end(), id);
    return it != ids.end() && *it == id ? it - ids.begin() : -1;
}

MeasureHistory load_measure_history(SQLite::Database& db) {
    MeasureHistory history;
    static_cast<Places&>(history) = read_places(db);
    ChildNumbers children(measure_count(db));
    read_measures(db, history, children);
    read_extensions(db, history);
    group_by_child(history.measures, children.count(), history.child_begin, history.by_child);
    return history;
}

std::vector<ContactRecord> read_contact_records(SQLite::Database& db, const MeasureHistory& history, const Quarter& quarter) {
    std::vector<ContactRecord> records(history.measures.size(), ContactRecord::none);
    const std::string sql = "SELECT measure_id, parent_child_contact FROM measure_progress WHERE quarter = '" + quarter.code() + "'";
    RowReader rows(db, sql.c_str(), "reading the progress records of " + quarter.code() + " for the measure KPIs");
    while (rows.next()) {
        const long i = history.index_of(rows.text(0));
        if (i < 0) continue;
        records[static_cast<size_t>(i)] =
            rows.is_null(1) ? ContactRecord::empty : rows.text(1) == "yes" ? ContactRecord::yes : ContactRecord::other;
    }
    return records;
}

std::vector<MeasureCostSum> read_measure_cost_sums(SQLite::Database& db, const MeasureHistory& history) {
    std::vector<MeasureCostSum> sums;
    RowReader rows(db, "SELECT municipality_code, institution_id, actual_eur FROM temp.quarter_measure_costs",
                   "reading the quarter's measure costs for JB09");
    while (rows.next()) {
        // The table joins the cost records to the measures: every place and institution is one of theirs.
        const auto municipality = std::lower_bound(history.municipalities.begin(), history.municipalities.end(), rows.text(0));
        const auto institution = std::find(history.institutions.begin(), history.institutions.end(), rows.text(1));
        if (municipality == history.municipalities.end() || *municipality != rows.text(0) || institution == history.institutions.end())
            throw DatabaseError("quarter_measure_costs: " + std::string(rows.text(0)) + " " + std::string(rows.text(1)) +
                                " is not a place and institution of the measures read before");
        sums.push_back({static_cast<std::uint16_t>(municipality - history.municipalities.begin()),
                        static_cast<std::uint16_t>(institution - history.institutions.begin()), rows.real(2)});
    }
    return sums;
}

} // namespace ss
