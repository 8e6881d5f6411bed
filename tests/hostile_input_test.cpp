// Hostile names travel through import and run: escaped in HTML, text (never a formula) in Excel,
// intact in the PDF, and never a path.
#include <doctest/doctest.h>

#include <regex>

#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

const std::string hostile = "=HYPERLINK(\"http://evil.example\",\"klik\")<script>alert(1)</script> & 'Zoë' \u200F";

std::string csv_quoted(const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

struct HostileRun {
    TempDir dir;
    fs::path folder, region;
    HostileRun() {
        auto files = valid_delivery();
        const std::string name = hostile + "\ntweede regel";
        const std::string old_municipality = "GM0642,Zwijndrecht,JZ31";
        auto& m = files["municipalities.csv"];
        m.replace(m.find(old_municipality), old_municipality.size(), "GM0642," + csv_quoted(name) + ",JZ31");
        auto& i = files["institutions.csv"];
        const std::string old_provider = "\"Zorg & Co, Dordrecht\"";
        i.replace(i.find(old_provider), old_provider.size(), csv_quoted("Zorg " + std::string(10000, 'z')));
        write_delivery(dir / "delivery", files);
        const auto imported = run_cli("import --db " + (dir / "h.db").string() + " " + (dir / "delivery").string() +
                                      " --today " + format_iso_date(fixture_today()));
        REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
        const auto r = run_cli("run --db " + (dir / "h.db").string() + " --quarter 2025-Q3 --only GM0642,JZ31 --out " +
                               (dir / "out").string());
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        for (const auto& e : fs::directory_iterator(dir / "out" / "2025-Q3" / "internal"))
            if (e.path().filename().string().rfind("GM0642-", 0) == 0) folder = e.path();
        region = dir / "out" / "2025-Q3" / "internal" / "regio-JZ31-zuid-holland-zuid";
    }
};

} // namespace

TEST_CASE("hostile input: a name is a slug in paths, escaped in HTML, intact in the PDF") {
    HostileRun h;
    REQUIRE_FALSE(h.folder.empty());
    CHECK(h.folder.filename() == "GM0642-hyperlink-http-evil-example-klik-script-alert-1-script-zoe");
    CHECK(fs::canonical(h.folder).string().rfind(fs::canonical(h.dir / "out").string(), 0) == 0);
    const fs::path public_folder = h.dir / "out" / "2025-Q3" / "public";
    for (const fs::path& page : {public_folder / h.folder.filename() / "index.html", h.folder / "samen-sturen-2025-Q3-GM0642.html"}) {
        CAPTURE(page);
        const std::string html = read_file(page);
        CHECK(html.find("<script>alert") == std::string::npos);
        CHECK(html.find("=HYPERLINK(&quot;http://evil.example&quot;,&quot;klik&quot;)&lt;script&gt;alert(1)&lt;/script&gt; &amp; &apos;Zoë&apos;") !=
              std::string::npos);
    }
    const std::string transparency = read_file(public_folder / h.region.filename() / "transparantie.html");
    CHECK(transparency.find("Zorg " + std::string(10000, 'z')) != std::string::npos);
    // The PDF: pdftotext joins what Pango wrapped; the name is there as written.
    std::string pdf = pdf_text(h.folder / "samen-sturen-2025-Q3-GM0642.pdf", 1);
    pdf = std::regex_replace(pdf, std::regex("\\s+"), "");
    CHECK(pdf.find("=HYPERLINK(\"http://evil.example\",\"klik\")<script>alert(1)</script>&'Zoë'") != std::string::npos);
    for (const auto& e : fs::directory_iterator(h.region))
        if (e.path().extension() == ".pdf")
            CHECK_MESSAGE(std::system(("qpdf --check '" + e.path().string() + "' >/dev/null 2>&1").c_str()) == 0, e.path());
}

TEST_CASE("hostile input: a formula-like name is text in Excel, never a formula") {
    HostileRun h;
    TempDir lo;
    const std::string xlsx = (h.region / "samen-sturen-regio-2025-Q3-JZ31.xlsx").string();
    convert_with_libreoffice({xlsx}, lo.path(), libreoffice_sheets_csv);
    const std::string sheet = read_file(lo / "samen-sturen-regio-2025-Q3-JZ31-Gemeenten naast elkaar.csv");
    // Quoted as text, its own quotes doubled: LibreOffice did not evaluate it to "klik".
    CHECK(sheet.find("\"=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")<script>alert(1)</script> & 'Zoë'") != std::string::npos);
    CHECK(sheet.find(",\"klik\",") == std::string::npos);
    // And in the file itself it is a shared string, not a <f> formula cell.
    const std::string formulas = run_cli_text("(unzip -p '" + xlsx + "' 'xl/worksheets/*.xml' | grep -c '<f>' || true)");
    CHECK(formulas.rfind("0", 0) == 0);
}
