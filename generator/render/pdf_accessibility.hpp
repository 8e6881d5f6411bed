// What Cairo 1.16 cannot write into a tagged PDF: the document's language (/Lang in the catalog)
// and each figure's text alternative (/Alt on its Figure structure element), added with qpdf so
// that a screen reader says the chart's sentence instead of its axis numbers.
#pragma once

#include <string>
#include <vector>

namespace ss {

/// `pdf` with /Lang `language` and, on its Figure structure elements in reading order, the
/// alternatives `figure_alts` (one per figure; a figure without one keeps none). Deterministic:
/// the same input gives the same bytes. Throws OutputError when the PDF cannot be read or the
/// number of figures differs from the alternatives given (a bug, not a data problem).
std::string add_accessibility(const std::string& pdf, const std::string& language, const std::vector<std::string>& figure_alts);

} // namespace ss
