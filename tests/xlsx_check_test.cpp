// Every workbook opens in LibreOffice (headless) and converts to CSV: the KPI sheet holds the
// numbers of kpis.csv as numbers (never text), dates are dates, and a sheet per section exists;
// printed to PDF by LibreOffice, every chart is whole on one page.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include "csv/csv_reader.hpp"
#include "render/xlsx_support.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

/// Converts every sheet of `xlsx` to `<out>/<stem>-<sheet>.csv`.
void convert_sheets_to_csv(const fs::path& xlsx, const fs::path& out) {
    convert_with_libreoffice({xlsx}, out, libreoffice_sheets_csv);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> fields_of(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        if (c == ',' && !quoted) {
            fields.push_back(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.push_back(field);
    return fields;
}

/// The workbook rounds a few digits past what it shows (float noise goes), so numbers agree with
/// kpis.csv to within `tolerance` (relative).
bool same_number(const std::string& a, const std::string& b, double tolerance = 1e-12) {
    if (a.empty() || b.empty()) return a == b;
    const double x = std::stod(a), y = std::stod(b);
    return std::abs(x - y) <= tolerance * std::max(1.0, std::abs(y));
}

/// A page printed to a grey image (pdftoppm -gray: a binary PGM).
struct GreyPage {
    int width = 0, height = 0;
    std::string pixels;
    bool dark(int x, int y) const {
        return x >= 0 && y >= 0 && x < width && y < height && static_cast<unsigned char>(pixels[static_cast<size_t>(y * width + x)]) < 245;
    }
};

GreyPage read_pgm(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string magic;
    int maximum = 0;
    GreyPage page;
    in >> magic >> page.width >> page.height >> maximum;
    in.get(); // the one whitespace before the pixels
    REQUIRE_MESSAGE(magic == "P5", file);
    page.pixels.resize(static_cast<size_t>(page.width * page.height));
    in.read(page.pixels.data(), static_cast<std::streamsize>(page.pixels.size()));
    return page;
}

struct Frame {
    int left, top, right, bottom;
};

/// The chart frames printed whole on a page: a rectangle of thin lines at least 60 px each way,
/// its top and bottom line of one length and its sides drawn all the way between them. A chart
/// cut by a page break has a side that runs into the page's edge and no second line: not a frame.
std::vector<Frame> whole_frames(const GreyPage& page) {
    struct Line {
        int y, left, right;
    };
    std::vector<Line> lines;
    for (int y = 0; y < page.height; ++y)
        for (int x = 0; x < page.width;) {
            if (!page.dark(x, y)) { ++x; continue; }
            const int left = x;
            while (page.dark(x, y)) ++x;
            if (x - left >= 60) lines.push_back({y, left, x - 1});
        }
    const auto side = [&](int x, int top, int bottom) {
        for (int y = top; y <= bottom; ++y)
            if (!page.dark(x, y) && !page.dark(x - 1, y) && !page.dark(x + 1, y)) return false;
        return true;
    };
    std::vector<Frame> frames;
    for (const Line& top : lines) {
        const bool seen = std::any_of(frames.begin(), frames.end(), [&](const Frame& f) {
            return std::abs(f.top - top.y) <= 3 && std::abs(f.left - top.left) <= 3;
        });
        if (seen) continue;
        for (const Line& bottom : lines) {
            if (bottom.y - top.y < 60 || std::abs(bottom.left - top.left) > 2 || std::abs(bottom.right - top.right) > 2) continue;
            if (!side(top.left, top.y, bottom.y) || !side(top.right, top.y, bottom.y)) continue;
            frames.push_back({top.left, top.y, top.right, bottom.y});
            break;
        }
    }
    return frames;
}

/// The whole chart frames on each page of `xlsx` printed to PDF by LibreOffice.
std::vector<std::vector<Frame>> printed_chart_frames(const fs::path& xlsx, const fs::path& out) {
    convert_with_libreoffice({xlsx}, out, "pdf");
    const std::string pages_command = "pdftoppm -r 50 -gray '" + (out / (xlsx.stem().string() + ".pdf")).string() + "' '" +
                                      (out / "page").string() + "'";
    REQUIRE(std::system(pages_command.c_str()) == 0);
    std::vector<fs::path> pages;
    for (const auto& entry : fs::directory_iterator(out))
        if (entry.path().extension() == ".pgm") pages.push_back(entry.path());
    std::sort(pages.begin(), pages.end());
    std::vector<std::vector<Frame>> frames;
    for (const auto& page : pages) frames.push_back(whole_frames(read_pgm(page)));
    return frames;
}

} // namespace

TEST_CASE("xlsx: the workbook opens in LibreOffice and its KPI sheet holds kpis.csv as numbers") {
    const auto& run = small_demo_run();
    TempDir dir;
    const fs::path folder = run.internal_folder() / "GM0590-papendrecht";
    convert_sheets_to_csv(folder / "samen-sturen-2025-Q3-GM0590.xlsx", dir.path());
    const std::string stem = (dir / "samen-sturen-2025-Q3-GM0590-").string();
    for (const char* sheet : {"Samenvatting", "Jeugdhulp gebruik en instroom", "Kosten", "Jeugdbescherming", "Signalen",
                              "Resultaten", "Toegang en wachttijden", "Signaallijst", "KPI", "Definities"})
        CHECK_MESSAGE(fs::exists(stem + sheet + ".csv"), sheet);
    // What each KPI counts, in the report's own words, once per KPI.
    const std::string definitions = read_file(stem + "Definities.csv");
    CHECK(definitions.rfind("\"KPI\",\"Naam\",\"Indicator\",\"Definitie\",\"Eenheid\",\"Soort\"", 0) == 0);
    CHECK(definitions.find("\"JH01\",\"jongeren in jeugdhulp per 1.000 jongeren\",\"Jongeren met jeugdhulp per 1.000 jongeren\","
                           "\"Unieke jongeren met een traject dat in het kwartaal liep, per 1.000 inwoners van 0 tot en met 17 jaar.\","
                           "\"per 1.000 jongeren van 0-17 jaar\",\"per 1.000\"") != std::string::npos);
    CHECK(definitions.find("\"JH01\"", definitions.find("\"JH01\"") + 1) == std::string::npos);

    const auto sheet = lines_of(read_file(stem + "KPI.csv"));
    const auto csv = lines_of(read_file(folder / "kpis.csv"));
    REQUIRE(sheet.size() == csv.size());
    CHECK(sheet[0] == "\"quarter\",\"scope_type\",\"scope_code\",\"kpi_id\",\"breakdown\",\"numerator\",\"denominator\",\"value\","
                      "\"indicator\",\"uitsplitsing\"");
    bool named = false, municipality_named = false, provider_named = false;
    std::map<std::string, std::string> institution_names;
    for (const auto& line : lines_of(run_cli_text("sqlite3 '" + run.db.string() + "' \"SELECT institution_id, name FROM institutions\"")))
        institution_names[line.substr(0, line.find('|'))] = line.substr(line.find('|') + 1);
    for (size_t i = 1; i < csv.size(); ++i) {
        const auto a = fields_of(sheet[i]), b = fields_of(csv[i]);
        REQUIRE(a.size() == 10);
        CAPTURE(csv[i]);
        CHECK(a[3] == "\"" + b[3] + "\"");
        for (size_t c = 5; c < 8; ++c) {
            CHECK(a[c].find('"') == std::string::npos); // a number, never text
            CHECK(same_number(a[c], b[c], c == 7 ? 1e-6 : 0.005 / std::max(1.0, std::abs(b[c].empty() ? 1.0 : std::stod(b[c])))));
        }
        // The Dutch name and breakdown beside the machine columns.
        if (b[2] == "GM0590" && b[3] == "JB02" && b[4] == "kind=ots") {
            CHECK(a[8] == "\"nieuwe maatregelen\"");
            CHECK(a[9] == "\"OTS\"");
            named = true;
        }
        // Municipalities and providers by the names the data gives them, not their codes.
        if (b[3] == "AK01" && b[4] == "municipality=GM0590") {
            CHECK(a[9] == "\"Papendrecht\"");
            municipality_named = true;
        }
        if (b[3] == "WL02" && b[4].rfind("provider=", 0) == 0) {
            CHECK(a[9] == "\"" + institution_names.at(b[4].substr(9)) + "\"");
            provider_named = true;
        }
    }
    CHECK(named);
    CHECK(municipality_named);
    CHECK(provider_named);
}

TEST_CASE("xlsx: section sheets carry typed values and dates beside the trend of each KPI") {
    const auto& run = small_demo_run();
    TempDir dir;
    const fs::path folder = run.internal_folder() / "GM0505-dordrecht";
    convert_sheets_to_csv(folder / "samen-sturen-2025-Q3-GM0505.xlsx", dir.path());
    const auto rows = lines_of(read_file(dir / "samen-sturen-2025-Q3-GM0505-Kosten.csv"));
    REQUIRE(rows.size() > 8);
    CHECK(rows[0].rfind("\"Indicator\",\"KPI\",\"Uitsplitsing\",\"Kwartaal\",\"Laatste dag\",\"Waarde\"", 0) == 0);
    const auto last_quarter = fields_of(rows[8]); // JH06: the eighth quarter is the report quarter
    CHECK(last_quarter[1] == "\"JH06\"");
    CHECK(last_quarter[3] == "\"K3 2025\""); // as the charts and the PDF say it
    CHECK(last_quarter[4] == "09/30/2025"); // a date, not text
    CHECK(same_number(last_quarter[5], kpis_csv_value(folder / "kpis.csv", "GM0505", "JH06"), 1e-6));
    CHECK(same_number(last_quarter[8], kpis_csv_value(folder / "kpis.csv", "JZ31", "JH06"), 1e-6));
    // The signals sheet lists the municipality's own measures only.
    const std::string signals = read_file(dir / "samen-sturen-2025-Q3-GM0505-Signaallijst.csv");
    const std::string others = run_cli_text("sqlite3 '" + run.db.string() +
                                            "' \"SELECT measure_id FROM measures WHERE municipality_code <> 'GM0505'\"");
    for (const auto& id : lines_of(others)) CHECK_MESSAGE(signals.find("\"" + id + "\"") == std::string::npos, id);
}

TEST_CASE("xlsx: the GI benchmark opens in LibreOffice with each GI's numbers as numbers") {
    const auto& run = small_demo_run();
    TempDir dir;
    const fs::path folder = run.internal_folder() / "regio-JZ31-zuid-holland-zuid";
    convert_sheets_to_csv(folder / "gi-benchmark-2025-Q3-JZ31.xlsx", dir.path());
    const auto rows = lines_of(read_file(dir / "gi-benchmark-2025-Q3-JZ31-GI-benchmark.csv"));
    REQUIRE(rows.size() > 4);
    CHECK(rows[0] == "\"Indicator\",\"KPI\",\"Uitsplitsing\",\"GI\",\"Naam\",\"Teller\",\"Noemer\",\"Waarde\",\"Regio\",\"Ligging\"");
    int checked = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
        const auto f = fields_of(rows[i]);
        if (f[1] != "\"GI02\"") continue;
        const std::string gi = f[3].substr(1, f[3].size() - 2);
        CHECK(f[7].find('"') == std::string::npos);
        // A share is a fraction under a percent format: LibreOffice shows 0.3333333 as 33.33333%.
        if (f[7].empty()) continue; // a GI without OTS children has no share
        CHECK(f[7].back() == '%');
        CHECK(same_number(f[7].substr(0, f[7].size() - 1), kpis_csv_value(folder / "kpis.csv", "JZ31/" + gi, "GI02"), 1e-6));
        ++checked;
    }
    CHECK(checked >= 2);
    // The region's own workbook carries the side-by-side and the transparency sheets.
    TempDir region;
    convert_sheets_to_csv(folder / "samen-sturen-regio-2025-Q3-JZ31.xlsx", region.path());
    CHECK(fs::exists(region / "samen-sturen-regio-2025-Q3-JZ31-Gemeenten naast elkaar.csv"));
    CHECK(fs::exists(region / "samen-sturen-regio-2025-Q3-JZ31-Transparantie.csv"));
    // Its KPI sheet says each transparency cell in words, in a column wide enough to read them.
    size_t cells = 0;
    for (const auto& line : lines_of(read_file(region / "samen-sturen-regio-2025-Q3-JZ31-KPI.csv"))) {
        const auto f = fields_of(line);
        if (f.size() < 10 || f[3] != "\"TR02\"" || f[4].find(",profile=") == std::string::npos) continue;
        CAPTURE(line);
        CHECK(f[8] == "\"uitval per aanbieder\""); // its name, though no block of the report shows TR02
        CHECK(f[9].find('=') == std::string::npos); // no machine key left
        CHECK((f[9].find("; profiel ") != std::string::npos || f[9].find("; geen profiel") != std::string::npos));
        CHECK(f[9].find("; intensiteit: ") != std::string::npos);
        ++cells;
    }
    CHECK(cells > 10);
    const fs::path xlsx = folder / "samen-sturen-regio-2025-Q3-JZ31.xlsx";
    const int sheets = std::stoi(run_cli_text("unzip -l '" + xlsx.string() + "' | grep -c 'xl/worksheets/sheet'"));
    const std::string kpi_sheet = run_cli_text("unzip -p '" + xlsx.string() + "' xl/worksheets/sheet" + std::to_string(sheets - 1) + ".xml");
    CHECK(kpi_sheet.find("<col min=\"10\" max=\"10\" width=\"70.") != std::string::npos);
}

TEST_CASE("xlsx: every sheet prints landscape on A4, one page wide, its header row on every page") {
    const auto& run = small_demo_run();
    const fs::path xlsx = run.internal_folder() / "GM0505-dordrecht" / "samen-sturen-2025-Q3-GM0505.xlsx";
    const std::string workbook = run_cli_text("unzip -p '" + xlsx.string() + "' xl/workbook.xml");
    const std::string sheets = run_cli_text("unzip -l '" + xlsx.string() + "' | grep -c 'xl/worksheets/sheet'");
    const int count = std::stoi(sheets);
    REQUIRE(count >= 8);
    int with_charts = 0;
    for (int i = 1; i <= count; ++i) {
        const std::string sheet = run_cli_text("unzip -p '" + xlsx.string() + "' xl/worksheets/sheet" + std::to_string(i) + ".xml");
        CAPTURE(i);
        CHECK(sheet.find("paperSize=\"9\"") != std::string::npos);
        CHECK(sheet.find("orientation=\"landscape\"") != std::string::npos);
        if (sheet.find("<drawing ") == std::string::npos) {
            CHECK(sheet.find("<pageSetUpPr fitToPage=\"1\"/>") != std::string::npos);
            CHECK(sheet.find("fitToHeight=\"0\"") != std::string::npos);
            continue;
        }
        // A sheet with charts: its own scale (Excel ignores page breaks under "fit to"), the
        // charts' column on pages of its own, a break before each chart that would not fit.
        ++with_charts;
        CHECK(sheet.find("fitToPage") == std::string::npos);
        CHECK(sheet.find(" scale=\"") != std::string::npos);
        CHECK(sheet.find("<colBreaks count=\"1\" manualBreakCount=\"1\"><brk id=\"11\"") != std::string::npos);
        // Two print areas: the table to its last row, and the charts' columns (no pages of the
        // header alone under the table beside the charts).
        const size_t dimension = sheet.find("<dimension ref=\"");
        REQUIRE(dimension != std::string::npos);
        const std::string cells = sheet.substr(dimension + 16, sheet.find('"', dimension + 16) - dimension - 16); // A1:K31
        const std::string last_row = cells.substr(cells.find_first_of("0123456789", 3));
        const std::string area = "localSheetId=\"" + std::to_string(i - 1) + "\">";
        size_t name = workbook.find("<definedName name=\"_xlnm.Print_Area\" " + area);
        REQUIRE(name != std::string::npos);
        const std::string areas = workbook.substr(name, workbook.find("</definedName>", name) - name);
        CHECK(areas.find("!$A$1:$K$" + last_row + ",'") != std::string::npos);
        CHECK(areas.find("!$L$1:$") != std::string::npos);
    }
    CHECK(with_charts >= 6);
    // Print titles: the header row repeats (one defined name per sheet).
    size_t titles = 0;
    for (size_t at = 0; (at = workbook.find("_xlnm.Print_Titles", at)) != std::string::npos; ++at) ++titles;
    CHECK(titles == static_cast<size_t>(count));
}

TEST_CASE("xlsx: a chart of shares has a percent axis, of amounts a euro axis, as their cells (shares are fractions)") {
    const auto& run = small_demo_run();
    const fs::path xlsx = run.internal_folder() / "GM0505-dordrecht" / "samen-sturen-2025-Q3-GM0505.xlsx";
    const std::string charts = run_cli_text("unzip -p '" + xlsx.string() + "' 'xl/charts/chart*.xml'");
    // Each chart file has one title; the value axis's format follows it.
    const auto axis_format_of = [&](const std::string& title) {
        const size_t at = charts.find("<a:t>" + title + "</a:t>");
        REQUIRE_MESSAGE(at != std::string::npos, title);
        const size_t end = charts.find("</c:chartSpace>", at);
        const std::string chart = charts.substr(at, end - at);
        const size_t code = chart.find("<c:valAx>");
        REQUIRE(code != std::string::npos);
        const size_t format = chart.find("formatCode=\"", code);
        return chart.substr(format + 12, chart.find('"', format + 12) - format - 12);
    };
    CHECK(axis_format_of("Herinstroom in de jeugdhulp") == "0.0%");
    CHECK(axis_format_of("Kosten jeugdhulp per jongere") == "&quot;€&quot; #,##0");
    CHECK(axis_format_of("Nieuwe trajecten") == "General"); // a count: the spreadsheet's own axis
}

TEST_CASE("xlsx: a text column is as wide as its longest text, counted in characters, within its bounds") {
    CHECK(ss::xlsx::fitting_width({"Crisis"}, 26, 50) == 26);
    CHECK(ss::xlsx::fitting_width({"Kinderen met een beschermingsmaatregel per 1.000 jongeren"}, 44, 70) ==
          doctest::Approx(57 * 1.1 + 2));
    CHECK(ss::xlsx::fitting_width({"één"}, 0, 50) == doctest::Approx(3 * 1.1 + 2)); // characters, not bytes
    CHECK(ss::xlsx::fitting_width({std::string(200, 'x')}, 26, 50) == 50);
    CHECK(ss::xlsx::fitting_width({}, 26, 50) == 26);
}

TEST_CASE("xlsx: a sheet's charts print whole, as many to a page as its scale allows, the table one page wide") {
    // Looked at in LibreOffice (with Carlito): Dordrecht's section sheets print their table on one
    // page wide and their charts whole, three to a page.
    // Section sheet: a table of 1,341 px (Excel's pixels) beside charts of 528 px.
    const std::vector<double> widths{47.1, 6, 38.3, 12, 12, 12, 12, 12, 12, 12, 12};
    const ss::xlsx::ChartPrintLayout six = ss::xlsx::chart_print_layout(widths, 528, 6);
    CHECK(six.scale == 65); // 90% of 988 px over the table's 1,366 px
    CHECK(six.chart_column == 11);
    // 650 px of page at 65% is 49 rows of 20 px, less the header row: three charts of 16 rows.
    CHECK(six.breaks == std::vector<lxw_row_t>{49});
    CHECK(ss::xlsx::chart_print_layout(widths, 528, 3).breaks.empty());
    CHECK(ss::xlsx::chart_print_layout(widths, 528, 7).breaks == std::vector<lxw_row_t>{49, 97});
    // A narrow table: the scale stays at most 100%, where a page holds one chart (31 rows).
    const ss::xlsx::ChartPrintLayout narrow = ss::xlsx::chart_print_layout({10, 10}, 480, 3);
    CHECK(narrow.scale == 100);
    CHECK(narrow.breaks == std::vector<lxw_row_t>{17, 33});
}

TEST_CASE("xlsx: a sheet with charts prints its table and its charts as two areas, a quote in its name doubled") {
    // The table (31 rows from its header, columns A-K) and six charts of 528 px from column L
    // (nine columns of 64 px, one to spare) down to row 6 x 16 + 1.
    CHECK(ss::xlsx::chart_sheet_print_areas("Jeugdhulp duur en normen", 11, 31, 528, 6) ==
          "'Jeugdhulp duur en normen'!$A$1:$K$31,'Jeugdhulp duur en normen'!$L$1:$U$97");
    CHECK(ss::xlsx::chart_sheet_print_areas("Kinderen 's nachts", 9, 5, 480, 1) ==
          "'Kinderen ''s nachts'!$A$1:$I$5,'Kinderen ''s nachts'!$J$1:$R$17");
}

TEST_CASE("xlsx: the frame finder sees a whole chart, not one a page break cut, nor a lone line") {
    GreyPage page{200, 200, std::string(200 * 200, static_cast<char>(255))};
    const auto line = [&](int x0, int y0, int x1, int y1) {
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) page.pixels[static_cast<size_t>(y * 200 + x)] = static_cast<char>(200);
    };
    line(10, 10, 150, 10); // a whole frame: top, bottom and both sides
    line(10, 100, 150, 100);
    line(10, 10, 10, 100);
    line(150, 10, 150, 100);
    CHECK(whole_frames(page).size() == 1);
    line(20, 150, 180, 150); // the top of a chart cut by the page's edge: its sides run off the page
    line(20, 150, 20, 199);
    line(180, 150, 180, 199);
    line(0, 120, 190, 120); // a hairline of the next chart's frame
    const auto frames = whole_frames(page);
    REQUIRE(frames.size() == 1);
    CHECK(frames[0].top == 10);
    CHECK(frames[0].bottom == 100);
}

TEST_CASE("xlsx: printed to PDF by LibreOffice, every chart of a municipality's workbook is whole on one page") {
    const auto& run = small_demo_run();
    TempDir dir;
    const fs::path xlsx = run.internal_folder() / "GM0505-dordrecht" / "samen-sturen-2025-Q3-GM0505.xlsx";
    const int charts = std::stoi(run_cli_text("unzip -l '" + xlsx.string() + "' | grep -c 'xl/charts/chart'"));
    REQUIRE(charts > 30);
    const auto pages = printed_chart_frames(xlsx, dir.path());
    int whole = 0;
    for (const auto& frames : pages) {
        whole += static_cast<int>(frames.size());
        CHECK(frames.size() <= 3); // three to a page at the sheets' print scale
        // The charts of a page are of one sheet, so of one printed width: charts, not table borders.
        for (const auto& f : frames) CHECK(std::abs((f.right - f.left) - (frames[0].right - frames[0].left)) <= 2);
    }
    CHECK(whole == charts); // a chart cut by a page break has no whole frame on either page
}
