// The in-memory report: what every renderer (PDF, HTML, Excel) shows, built once per scope from
// the KPI values. Renderers format these numbers; they never compute or look anything up.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "kpi/assessment.hpp"
#include "kpi/kpi_definition.hpp"
#include "kpi/kpi_engine.hpp"
#include "report/report_definition.hpp"
#include "report/texts.hpp"
#include "schema/scope.hpp"

namespace ss {

/// Why a published figure is not shown (reports.md "Publication rules"; report/publication.cpp).
enum class Suppression {
    none,
    small_count, ///< rule 1: a count from 1 to 4, shown as `<5`
    small_base,  ///< rule 2: a share, mean or rate over too few, shown as `*`
    secondary,   ///< rule 3: would let a suppressed cell of its table be computed back, shown as `*`
};

/// A KPI's value with the counts it follows from (kpis.md "Long form").
struct Figure {
    std::optional<double> value;
    std::optional<double> numerator;
    std::optional<double> denominator;
    bool provisional = false; ///< a cost figure while not all invoices are in: no status, no rise or fall
    /// Set only in a published model: then value, numerator and denominator are gone as well.
    Suppression suppression = Suppression::none;
};

struct BreakdownRow {
    std::string breakdown; ///< segment=4
    std::string label;     ///< Specialistisch ambulant
    Figure scope;
    Figure region;
    std::vector<Figure> trend; ///< the scope's value per quarter of ReportModel::quarters
};

/// One item of a section: a KPI, its total or breakdown, with its trend and judgement.
struct KpiBlock {
    ReportItem item;
    std::string name; ///< the KPI's name from its query file
    KpiKind kind = KpiKind::count;
    Figure value;     ///< this quarter, the scope (for a region-level KPI: the region)
    Figure region;    ///< this quarter, the scope's region (empty in a region's own report)
    Figure year_ago;  ///< the same quarter a year before
    std::optional<Target> target;
    std::optional<TargetStatus> status;
    std::optional<Change> change;
    std::optional<Judgement> judgement; ///< the change seen from the desired direction (target or template)
    std::optional<double> control_lower, control_upper; ///< the limits of the seven quarters before
    std::optional<bool> notable_rise;   ///< set when Q lies outside them: true above, false below
    std::vector<Figure> trend;        ///< per quarter of ReportModel::quarters
    std::vector<Figure> region_trend; ///< idem, the region (empty in a region's own report)
    std::vector<BreakdownRow> rows;   ///< breakdown items only
};

struct Section {
    std::string id;
    std::string title;
    std::string intro;
    std::vector<KpiBlock> blocks;
    bool signals = false;
};

/// A case-level signal: only in internal outputs, only for the scope's own measures.
struct Signal {
    std::string kind;       ///< stagnation, escalation, skj_expired
    std::string measure_id; ///< a pseudonymous measure id
    std::string measure_kind;
    std::string start_date;
};

/// A measure with case-level signals, listed once with all of them (reports.md: never twice).
struct SignalledMeasure {
    std::string measure_id;
    std::string measure_kind;
    std::string start_date;
    std::vector<std::string> signals; ///< signal kinds, in the order of the signals query
};

/// The signals grouped per measure, in measure id order.
std::vector<SignalledMeasure> signalled_measures(const std::vector<Signal>& signals);

/// One municipality's figure beside the others (the region report).
struct ScopeFigure {
    std::string code;
    std::string name;
    Figure figure;
};

/// A headline KPI for every municipality of a region, sorted from high to low (missing last).
struct Comparison {
    ReportItem item;
    KpiKind kind = KpiKind::count;
    std::vector<ScopeFigure> municipalities;
    Figure region;
};

/// The rows of the provider transparency table, in the order a reader meets them: each provider,
/// then per provider each intensity, then the profiles and intensities over all providers, and
/// last every provider x profile x intensity cell (kpis.md, "Provider transparency table").
enum class TransparencyLevel { provider, provider_intensity, profile, intensity, cell };

/// One row of the provider transparency table (TR01-TR04 over the two years ending the quarter,
/// crisis care left out), with the number of ended trajectories it rests on.
struct TransparencyRow {
    TransparencyLevel level = TransparencyLevel::cell;
    std::string provider_id;   ///< "" on profile and intensity rows
    std::string provider_name;
    std::string profile;       ///< "" when not part of the row, or for trajectories without a profile
    bool has_profile = false;  ///< the row is about one profile (`profile=` included)
    std::string intensity;     ///< "" when not part of the row
    Figure ended;              ///< n: the ended trajectories (TR02's denominator), a count
    Figure dropout;            ///< TR02 total: its denominator is the number of ended trajectories
    Figure youth;              ///< TR01 respondent=youth
    Figure parent;             ///< TR01 respondent=parent
    std::vector<Figure> goals; ///< TR03 per goal, in the order of goal_keys()
    Figure cost;               ///< TR04: euros per ended trajectory
};

/// The UI03 goals in table order.
const std::vector<std::string>& goal_keys();

/// A note of the development table (notes.csv): an explanation of a figure or of the report, or an
/// agreement with its owner, due quarter and status. Internal: public outputs never show notes.
struct Note {
    std::string id, scope_code, quarter, kpi_id;
    std::string kind; ///< toelichting or afspraak
    std::string text, owner, due_quarter;
    std::string status; ///< open, done, dropped; empty counts as open
};

/// The letterhead of a council letter: the date and reference are made by the run; the portfolio
/// holder and contact come from the analyst's settings file (empty when not given: left out).
struct CouncilDetails {
    std::string date;    ///< ISO date of the run
    std::string kenmerk; ///< the reference, e.g. SS/2025-K4/GM0505
    std::string portfolio_holder;
    std::string contact; ///< name, e-mail and telephone as one line
};

struct ReportModel {
    /// Made by publish(): the publication rules are applied to every figure, and public renderers
    /// accept only such a model.
    bool published = false;
    std::string kind; ///< samen-sturen
    std::string title;
    std::string subtitle;
    Scope scope;
    Quarter quarter;
    std::string delivered_on;           ///< ISO date the data was delivered
    std::vector<std::int64_t> delivery_ids; ///< the deliveries in the database the figures rest on
    std::vector<Quarter> quarters;      ///< the trend: eight quarters ending with `quarter`
    std::vector<Section> sections;
    std::vector<SignalledMeasure> signalled; ///< municipality reports: its measures with a signal
    std::vector<KpiValue> long_form;    ///< kpis.csv and the Excel KPI sheet: the rows of this folder
    std::map<std::string, std::string> kpi_names; ///< every KPI's name (its query header), by id: the KPI sheet's indicator
    const CodeLabels* labels = nullptr; ///< Dutch labels of codes, statuses and signals
    DataNames names;                    ///< providers' and municipalities' names, for breakdowns in words
    const Texts* texts = nullptr;       ///< the fixed texts (templates/texts.json)
    std::string author;                 ///< document metadata: the region
    std::vector<Comparison> comparisons;        ///< region reports: the municipalities side by side
    std::vector<TransparencyRow> transparency;  ///< region reports: the provider transparency table
    SentencePatterns sentences;         ///< council letters: the sentence patterns
    std::vector<Note> agreements;       ///< the scope's agreements shown this quarter (the learning cycle)
    std::vector<Note> explanations;     ///< the scope's explanations of this quarter, of a KPI or the report
    LetterDefinition letter;            ///< council letters: the sections and fixed texts
    CouncilDetails council;             ///< council letters: date, kenmerk, portfolio holder, contact
};

/// The headline blocks of a report, in order: the summary table of every output.
std::vector<const KpiBlock*> headline_blocks(const ReportModel& model);

/// Each KPI's first block, in report order (a KPI may have a total and a breakdown block): where its
/// definition and the development table's explanation of it belong.
std::vector<const KpiBlock*> first_block_per_kpi(const ReportModel& model);

/// The region is shown beside the scope only when the scope is not the region itself.
inline bool compares_with_region(const ReportModel& model) { return model.scope.type == ScopeType::municipality; }

/// "K3 2025": the short quarter label of chart axes and table headers.
std::string short_quarter_label(const Quarter& q);

} // namespace ss
