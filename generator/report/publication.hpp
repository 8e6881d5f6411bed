// The publication rules of reports.md (statistical disclosure control), applied once to a report
// model: every public output (the site, the council letter, the transparency page) renders the
// published model, so that all of them show the same cells and none can show more.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kpi/kpi_definition.hpp"
#include "report/report_builder.hpp"
#include "report/report_model.hpp"

namespace ss {

/// Rules 1 and 2 for one figure: a count from 1 to 4; a share, mean or rate over fewer than 10; a
/// share whose numerator, or denominator minus numerator, is from 1 to 4; a rate whose count is
/// from 1 to 4 (populations are public, so the rate gives the count away).
Suppression primary_suppression(const Figure& f, KpiKind kind);

/// Marks the figure suppressed and forgets its value and counts.
void suppress(Figure& f, Suppression why);

/// Rule 3 for one table group: a total and the parts it is made of (a breakdown and its total, a
/// region and its municipalities, a provider and its rows). Applies rules 1-2 to each, then, while
/// exactly one cell of the group is suppressed, also suppresses the smallest shown part, so that
/// no suppressed cell is the total minus the others. `total` may be null (parts side by side that
/// add up to nothing shown). Returns whether it suppressed anything.
bool protect_group(Figure* total, const std::vector<Figure*>& parts, KpiKind kind);

/// Whether `part` is one of the rows `total` is made of in the transparency table (rule 3): a
/// provider's rows per intensity, an intensity's rows per provider, a provider-intensity row's
/// cells, a profile's cells. publish() and the audit form the table's groups with this.
bool transparency_part_of(const TransparencyRow& total, const TransparencyRow& part);

/// One KPI block as it may be published: its tables and trend protected, rule 4 applied. A
/// `forced` suppression of its value (decided in another table) is applied first.
void publish_block(KpiBlock& block, Suppression forced = Suppression::none);

/// Cells suppressed across pages, keyed `scope_code|kpi_id|breakdown` (the report quarter).
using PublicationDecisions = std::map<std::string, Suppression>;

/// Rule 3 for the tables that span pages: each region's municipalities side by side on every
/// headline KPI (the region report). A municipality cell suppressed there must be suppressed on
/// its own page and in its letter too, or the two pages together would give it back.
PublicationDecisions side_by_side_decisions(const ReportContext& context);

/// The model as it may be published: rules 1-4 applied to every figure of every table, chart and
/// sentence, the cross-page `decisions` applied to the scope's own figures, changes and statuses
/// removed where rule 4 says so, and `published` set.
ReportModel publish(ReportModel model, const PublicationDecisions& decisions = {});

/// Throws std::logic_error when a public renderer is handed a model that was not published: a
/// programming error that must never reach a web server.
void require_published(const ReportModel& model, const char* renderer);

} // namespace ss
