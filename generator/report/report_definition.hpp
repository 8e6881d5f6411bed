// A report kind as data (templates/<kind>.json): its sections, the KPIs each shows, with which
// chart and which explanation. Read at run time, so adding a KPI to a report needs no code.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "format/value_style.hpp"
#include "kpi/assessment.hpp"
#include "schema/scope.hpp"

namespace ss {

/// How a KPI item is drawn. Every renderer supports every kind.
enum class ChartKind {
    none,          ///< a table only
    trend,         ///< eight quarters, the scope's line with the region and the target
    bars,          ///< horizontal bars per breakdown code, scope beside region
    columns,       ///< vertical columns per breakdown code, scope beside region
    stacked_trend, ///< eight quarters as stacked columns, one stack part per breakdown code
    funnel,        ///< GI benchmark: each GI's share against its denominator, with control limits
};

struct ReportItem {
    std::string kpi;         ///< JH01
    std::string title;       ///< shown as the item's heading; default: the KPI's name
    std::string breakdown;   ///< "" for the total, else the dimension: segment, kind, referrer, …
    std::string select;      ///< one breakdown row shown as the figure (`kind=ots`); "" for the total
    ChartKind chart = ChartKind::trend;
    ValueStyle style = ValueStyle::number;
    int decimals = 1;
    std::string unit;        ///< "per 1.000 jongeren", "dagen", …
    std::string explanation; ///< one or two sentences: what the figure means
    std::string subject;     ///< the council letter's sentence subject: "Het aantal jongeren met jeugdhulp"
    std::string unit_one;    ///< the unit after exactly 1 ("maatregel"); `unit` otherwise
    bool headline = false;   ///< listed in the summary table
    bool region_level = false; ///< the KPI exists for regions only (WL01): a municipality shows its region's
    bool region_report_only = false; ///< shown in the region's report only (the allocation key AK01-AK04)
    /// Bars: the PDF draws only the `pdf_top` highest rows (0: all), with `pdf_top_note` under them
    /// ({shown}, {all}); a region's forty providers filled a page. The HTML and workbook show all.
    int pdf_top = 0;
    std::string pdf_top_note;
    /// Which way is better when no target says so ("desired": "lower" or "higher"): the summary's
    /// judgement of a change. None: a change is not judged.
    std::optional<Direction> desired;
};

struct ReportSection {
    std::string id;    ///< used for anchors, sheet names and bookmarks
    std::string title;
    std::string intro;
    std::vector<ReportItem> items;
    bool signals = false; ///< also lists the case-level signals (internal outputs only)
};

/// The council letter's sentence patterns (templates/council.json, "sentences"): placeholders
/// {subject}, {now}, {before}, {unit}, {region}, {region_name}.
struct SentencePatterns {
    std::string rises, falls, same, no_history, no_history_note, missing, suppressed, region, provisional;
    std::string zero;                      ///< the figure is nil now and a year ago
    std::string better, worse;             ///< after a rise or fall: what it means, given the desired direction
    std::string on_target, near_target, off_target; ///< the target ({target}) and whether it is met
};

/// A section of a council letter (reports.md, "Council letter"): fixed paragraphs, and where the
/// generated part goes (the key message, the figures table, what the figures mean).
struct LetterSection {
    enum class Content { none, key_message, figures, meaning };
    std::string title;
    std::vector<std::string> paragraphs; ///< may name {municipality}, {region_name}, {quarter}
    Content content = Content::none;
};

struct LetterDefinition {
    std::string salutation;
    std::vector<LetterSection> sections;
    std::vector<std::string> closing; ///< lines after the last section
    std::string contact_sentence;     ///< after the last section's paragraphs when a contact is known: {contact}
    /// The key message's line openings: "Beter dan een jaar eerder", "Slechter …", "Ongeveer gelijk", "Voorlopig".
    std::string key_better, key_worse, key_same, key_provisional;
};

struct ReportDefinition {
    std::string kind;  ///< samen-sturen
    std::string title; ///< Samen Sturen
    std::string subtitle;
    std::string file;  ///< for messages
    std::vector<ReportSection> sections;
    SentencePatterns sentences; ///< council letters only
    LetterDefinition letter;    ///< council letters only
};

/// Dutch labels of codes per dimension, in the order reports list them (templates/labels.json):
/// labels.at("segment") = {{"1", "Hoogspecialistisch"}, …}.
using CodeLabels = std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

/// Parses a report definition. Throws InputError naming the file and what is wrong.
ReportDefinition parse_report_definition(std::string_view file_name, std::string_view json_text);
ReportDefinition load_report_definition(const std::filesystem::path& file);

/// The KPIs whose figures a report shows for the quarters before its own: every item without a
/// breakdown (its eight-quarter table and trend, its change against a year ago) and every stacked
/// trend. The other KPIs (breakdowns shown for the report quarter only) are not computed for the
/// seven quarters before it.
std::set<std::string> kpis_shown_over_time(const std::vector<const ReportDefinition*>& definitions);

CodeLabels parse_code_labels(std::string_view file_name, std::string_view json_text);
CodeLabels load_code_labels(const std::filesystem::path& file);

/// Names the data gives to codes that templates/labels.json does not list.
struct DataNames {
    const std::map<std::string, std::string>* providers = nullptr;      ///< institution id -> name
    const std::vector<Scope>* scopes = nullptr;                      ///< the municipalities' names
};
/// A breakdown in words, for a reader beside the machine key (the workbook's `uitsplitsing`): a
/// provider or municipality by its name, a profile as "profiel 6" (or "geen profiel"), another code
/// by its label; a key of several parts (`provider=P,profile=6,intensity=duurzaam,goal=education`)
/// part by part, each labelled code with its dimension: "Naam; profiel 6; intensiteit: Duurzaam;
/// doel: Onderwijs".
std::string breakdown_words(const CodeLabels& labels, const DataNames& names, const std::string& breakdown);
/// The label of `code` in `dimension` (`target_status`, `on_target`), or the code itself.
std::string code_label(const CodeLabels& labels, const std::string& dimension, const std::string& code);
/// Where `breakdown` stands in its dimension's list (unknown codes after the known ones).
size_t breakdown_order(const CodeLabels& labels, const std::string& breakdown);

ChartKind parse_chart_kind(std::string_view text);

} // namespace ss
