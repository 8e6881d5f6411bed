// Builds the report model of one scope from the KPI values of a run: a pure function of its
// inputs, so every output of a scope shows the same numbers, and tests need no database.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kpi/assessment.hpp"
#include "kpi/kpi_definition.hpp"
#include "report/council_settings.hpp"
#include "report/kpi_table.hpp"
#include "report/report_definition.hpp"
#include "report/report_model.hpp"

namespace ss {

/// Everything the builder reads that is the same for every scope of a run.
struct ReportContext {
    const ReportDefinition* definition = nullptr;
    const CodeLabels* labels = nullptr;
    const Texts* texts = nullptr; ///< templates/texts.json
    std::map<std::string, KpiDefinition> kpis; ///< by id: name and kind
    const KpiTable* values = nullptr;          ///< the report quarter and the seven before it
    Targets targets;                           ///< of the report quarter's year
    Quarter quarter;
    std::string delivered_on;
    std::vector<std::int64_t> delivery_ids;
    const std::vector<Scope>* scopes = nullptr;       ///< every scope: a region's municipalities
    std::map<std::string, std::string> provider_names; ///< institution id -> name
    std::string run_date;                              ///< ISO date of the run: the council letter's date
    const CouncilSettings* council_settings = nullptr; ///< portfolio holders and contacts; none: left out
    const std::vector<Note>* notes = nullptr;          ///< every note of the database (notes.csv)
};

/// The notes a scope's report of `quarter` shows (reports.md, "The learning cycle"): its agreements
/// made up to `quarter` that are open, or done or dropped but not yet past their due quarter (or
/// made in `quarter` when they have none); and its explanations made in `quarter`. In note order.
void select_notes(const std::vector<Note>& notes, const std::string& scope_code, const Quarter& quarter,
                  std::vector<Note>& agreements, std::vector<Note>& explanations);

/// An open agreement whose due quarter lies before `quarter`.
bool overdue(const Note& agreement, const Quarter& quarter);

/// The letterhead of `scope`'s council letter: the run's date, its reference and, from the
/// settings, its portfolio holder and contact.
CouncilDetails council_details(const ReportContext& context, const Scope& scope);

/// Splits a TR breakdown (`provider=P,intensity=intensief,goal=education`) into the row it belongs
/// to (`provider=P,intensity=intensief`) and the KPI's own key (`goal=education`, or "").
void split_transparency_key(const std::string& breakdown, std::string& row, std::string& own);

/// The transparency row a row key names: its provider, profile, intensity and level, the
/// provider's name from `provider_names` (else its id); no figures yet.
TransparencyRow transparency_row_of(const std::string& key, const std::map<std::string, std::string>& provider_names = {});

/// The report quarter's figure of `item` for every municipality of the region, in scope order:
/// the region report's side-by-side table.
std::vector<ScopeFigure> municipality_figures(const ReportContext& context, const std::string& region_code,
                                              const ReportItem& item);

/// The transparency cells of a region's long-form rows (breakdowns `provider=…,profile=…,intensity=…`).
std::vector<TransparencyRow> transparency_rows(const std::vector<KpiValue>& region_rows,
                                               const std::map<std::string, std::string>& provider_names);

/// The eight quarters of a trend, oldest first, ending with `q`.
std::vector<Quarter> trend_quarters(const Quarter& q);

/// The report of `scope`. `signals` and `long_form` are passed through as they are.
/// Throws InputError when the definition names a KPI that has no query file.
ReportModel build_report(const ReportContext& context, const Scope& scope, std::vector<Signal> signals,
                         std::vector<KpiValue> long_form);

} // namespace ss
