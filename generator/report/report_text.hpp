// Texts every output of a report shares: the cover lines that name the quarter, its dates and the
// delivery date, the scope's name, and the words for a change and a target status.
#pragma once

#include <string>
#include <vector>

#include "report/figure_text.hpp"
#include "report/report_model.hpp"

namespace ss {

/// "Gemeente Dordrecht", "Regio Zuid-Holland Zuid".
std::string scope_title(const Scope& scope);
/// "Samen Sturen 3e kwartaal 2025 – Gemeente Dordrecht".
std::string document_title(const ReportModel& model);
/// The quarter, its dates, the delivery date and the scope's region: so nobody mistakes the period.
/// "leveringen 1 tot en met 3", "levering 1", "leveringen 1, 2 en 5"; "" for none.
std::string deliveries_text(const std::vector<std::int64_t>& ids);
/// "Gegevens aangeleverd op 1 februari 2026 (leveringen 1 tot en met 3)": the data the figures rest on.
std::string delivered_text(const ReportModel& model);
/// What the summary table shows and how to read its judgement (PDF and page alike).
std::string summary_intro(const ReportModel& model);
/// "De cijfers komen uit … aanleverden op 20 januari 2026.": where the figures come from.
std::string account_of_data(const ReportModel& model);
std::vector<std::string> cover_lines(const ReportModel& model);

/// The development table's agreements as every format lists them: Afspraak, Eigenaar, Gepland, Status.
std::vector<std::string> agreements_header();
std::vector<std::vector<std::string>> agreement_rows(const ReportModel& model);
/// The explanations of the report as a whole (no KPI), each as "Toelichting van de ontwikkeltafel: …".
std::vector<std::string> report_explanations(const ReportModel& model);
/// The explanations of `block`'s KPI, shown with the first block of that KPI only (a KPI may have a
/// total and a breakdown block): "Toelichting van de ontwikkeltafel: …".
std::vector<std::string> block_explanations(const ReportModel& model, const KpiBlock& block);
/// "stijgt", "daalt", "gelijk", or "–" without a comparison.
std::string change_text(const ReportModel& model, const KpiBlock& block);
/// "op doel", "bijna op doel", "niet op doel", or "–" without a target.
std::string status_text(const ReportModel& model, const KpiBlock& block);
/// The target as text, or "–".
std::string target_text(const KpiBlock& block);
/// "beter", "slechter", "gelijk" (templates/labels.json "judgement"), or "–".
std::string judgement_text(const ReportModel& model, const KpiBlock& block);
/// The figure as the audience may see it.
std::string figure_text(const KpiBlock& block, const Figure& f);
/// "Teller 123, noemer 4.567" (internal outputs).
std::string counts_text(const KpiBlock& block, const Figure& f);
/// The summary table's header and rows, shared by PDF and HTML.
std::vector<std::string> summary_header(const ReportModel& model);
std::vector<std::vector<std::string>> summary_rows(const ReportModel& model);
/// The column of summary_rows() that holds the judgement (beter, slechter, gelijk).
inline constexpr size_t summary_judgement_column = 4;
/// A short trend table: a row per series, a column per quarter.
std::vector<std::string> trend_header(const ReportModel& model);
std::vector<std::vector<std::string>> trend_rows(const ReportModel& model, const KpiBlock& block);
/// A breakdown table: a row per code with the scope (and the region).
std::vector<std::string> breakdown_header(const ReportModel& model, const KpiBlock& block);
std::vector<std::vector<std::string>> breakdown_rows(const ReportModel& model, const KpiBlock& block);
/// The side-by-side table of a comparison: one row per municipality, then the region.
std::vector<std::vector<std::string>> comparison_rows(const ReportModel& model, const Comparison& cmp);
/// The transparency table: its header and the row of a cell (always with the small-number rules:
/// the table is meant for publication).
std::vector<std::string> transparency_header(const ReportModel& model);
std::vector<std::string> transparency_cells(const TransparencyRow& row);
/// The figures alone (n, drop-out, youth, parent, the four goals, cost), for tables whose rows say
/// by their label which provider, profile and intensity they are about.
std::vector<std::string> transparency_value_header(const ReportModel& model);
std::vector<std::string> transparency_values(const TransparencyRow& row);
/// Whether a cell rests on enough ended trajectories for its shares and means to be shown.
bool transparency_publishable(const TransparencyRow& row);
/// "Maatregel", "Soort", "Begonnen", "Signaal" rows of the signals (internal only).
/// A measure's signals in words, "; " between them.
std::string signals_text(const ReportModel& model, const SignalledMeasure& measure);
/// One row per signalled measure: id, kind, start, all its signals.
std::vector<std::vector<std::string>> signal_rows(const ReportModel& model);
/// "14 maatregelen hebben een signaal (4 × escalatie: …; 11 × stagnatie: …); de lijst staat in de bijlage"
std::string signal_counts_text(const ReportModel& model);

} // namespace ss
