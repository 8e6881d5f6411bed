// Outputs real programs accept: every PDF passes qpdf --check with every font embedded and its
// text holds the figures of kpis.csv; every workbook opens in LibreOffice with kpis.csv's numbers.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>

#include "format/dutch.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

TEST_CASE("outputs: every PDF of a run passes qpdf, embeds its fonts, and shows kpis.csv's headline figures") {
    const auto& run = small_demo_run();
    int pdfs = 0;
    for (const auto& e : fs::recursive_directory_iterator(run.quarter_folder)) {
        if (e.path().extension() != ".pdf") continue;
        ++pdfs;
        CAPTURE(e.path());
        CHECK(std::system(("qpdf --check '" + e.path().string() + "' >/dev/null 2>&1").c_str()) == 0);
        std::istringstream fonts(run_cli_text("pdffonts '" + e.path().string() + "' | tail -n +3"));
        for (std::string line; std::getline(fonts, line);) CHECK_MESSAGE(line.find(" yes yes ") != std::string::npos, line);
        const std::string name = e.path().filename().string();
        if (name.rfind("samen-sturen", 0) != 0) continue;
        // The scope's own JH01 and JB01 (rate per 1,000, one decimal) are in the report's text.
        const std::string folder = e.path().parent_path().filename().string();
        const std::string code = folder.rfind("regio-", 0) == 0 ? folder.substr(6, folder.find('-', 6) - 6) : folder.substr(0, 6);
        const std::string text = pdf_text(e.path());
        for (const char* kpi : {"JH01", "JB01"}) {
            const double v = std::stod(kpis_csv_value(e.path().parent_path() / "kpis.csv", code, kpi));
            CHECK_MESSAGE(text.find(format_number(v, 1)) != std::string::npos, kpi << " " << format_number(v, 1));
        }
    }
    CHECK(pdfs >= 8);
}

namespace {

/// Field `n` of a CSV line whose text fields are quoted (commas inside quotes stay in the field).
std::string field(const std::string& line, size_t n) {
    size_t index = 0;
    bool quoted = false;
    std::string current;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        if (c == ',' && !quoted) {
            if (index++ == n) return current;
            current.clear();
        } else {
            current += c;
        }
    }
    return index == n ? current : "";
}

} // namespace

TEST_CASE("outputs: every workbook of a run opens in LibreOffice; the KPI sheets equal kpis.csv") {
    const auto& run = small_demo_run();
    TempDir dir;
    const std::vector<fs::path> workbooks = files_with_extension(run.quarter_folder, ".xlsx");
    REQUIRE(workbooks.size() >= 5);
    convert_with_libreoffice(workbooks, dir.path(), libreoffice_sheets_csv, 300);
    int checked = 0;
    for (const auto& e : fs::recursive_directory_iterator(run.quarter_folder)) {
        const std::string name = e.path().filename().string();
        if (e.path().extension() != ".xlsx" || name.rfind("samen-sturen", 0) != 0) continue;
        const fs::path sheet = dir / (e.path().stem().string() + "-KPI.csv");
        REQUIRE_MESSAGE(fs::exists(sheet), sheet);
        std::istringstream a(read_file(sheet)), b(read_file(e.path().parent_path() / "kpis.csv"));
        std::string x, y;
        int rows = 0;
        while (std::getline(b, y)) {
            REQUIRE(std::getline(a, x));
            if (rows++ == 0) continue;
            // The value column (the eighth; the sheet adds the Dutch indicator and breakdown after it),
            // rounded by the workbook to six decimals.
            const std::string expected = y.substr(y.rfind(',') + 1), shown = field(x, 7);
            CHECK(shown.find('"') == std::string::npos);
            if (!expected.empty())
                CHECK_MESSAGE(std::abs(std::stod(shown) - std::stod(expected)) <= 1e-6 * std::max(1.0, std::abs(std::stod(expected))), y);
        }
        ++checked;
    }
    CHECK(checked >= 4);
}
