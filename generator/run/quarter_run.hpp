// A quarter's run: reads the database once, then builds and renders every scope's folder
// (PDF, HTML, Excel, kpis.csv) in parallel workers, and the quarter's index page.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "core/dates.hpp"

namespace ss {

struct RunOptions {
    std::string db;
    Quarter quarter;
    std::filesystem::path out;       ///< the output root; the run writes <out>/<quarter>/
    std::filesystem::path queries;   ///< queries/
    std::filesystem::path templates; ///< templates/
    int jobs = 1;
    std::vector<std::string> only;   ///< scope codes to render; empty: all
};

struct RunSummary {
    int scopes = 0;
    int files = 0;
    double sql_seconds = 0;
    double render_seconds = 0;
    std::filesystem::path folder; ///< <out>/<quarter>
};

/// Renders the quarter. Throws the first error of any scope (naming the scope) after the other
/// workers have stopped.
RunSummary run_quarter(const RunOptions& options, std::ostream& log);

} // namespace ss
