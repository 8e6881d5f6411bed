// Accessible PDFs (issue #13, item 7): every PDF states its language and every chart's Figure
// carries the text alternative the HTML page gives it, read back with qpdf's JSON output.
#include <doctest/doctest.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "render/pdf_accessibility.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

struct PdfStructure {
    std::string language;          ///< /Lang of the catalog
    std::vector<std::string> alts; ///< /Alt of each Figure ("" when it has none)
};

std::string text_of(const nlohmann::json& value) {
    const std::string s = value.is_string() ? value.get<std::string>() : "";
    return s.rfind("u:", 0) == 0 ? s.substr(2) : s; // qpdf writes text strings as u:…
}

PdfStructure structure_of(const fs::path& pdf) {
    const auto objects = nlohmann::json::parse(run_cli_text("qpdf --json=2 --json-key=qpdf '" + pdf.string() + "'"))["qpdf"][1];
    PdfStructure s;
    for (const auto& [key, object] : objects.items()) {
        if (!object.contains("value") || !object["value"].is_object()) continue;
        const auto& v = object["value"];
        if (v.value("/Type", "") == "/Catalog") s.language = text_of(v.value("/Lang", nlohmann::json()));
        if (v.value("/S", "") == "/Figure") s.alts.push_back(text_of(v.value("/Alt", nlohmann::json())));
    }
    return s;
}

std::string html_escaped(std::string text) {
    std::string out;
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else if (c == '\'') out += "&#39;";
        else out += c;
    }
    return out;
}

/// A one-page PDF with a structure tree of a Document holding `figure` (an object reference like
/// `5 0 R`, or a dictionary written in place), its cross-reference table computed; without the
/// last `startxref` when `with_startxref` is false.
std::string hand_made_pdf(const std::string& figure, bool with_startxref = true) {
    const std::vector<std::string> objects{
        "<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 4 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>",
        "<< /Type /StructTreeRoot /K [6 0 R] >>",
        "<< /Type /StructElem /S /Figure /P 6 0 R >>",
        "<< /Type /StructElem /S /Document /P 4 0 R /K [" + figure + "] >>"};
    std::string pdf = "%PDF-1.5\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const size_t offset : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\n";
    if (with_startxref) pdf += "startxref\n" + std::to_string(xref) + "\n";
    return pdf + "%%EOF\n";
}

} // namespace

TEST_CASE("pdf accessibility: the language and the text alternatives are appended to the file as it was") {
    TempDir dir;
    const std::string pdf = hand_made_pdf("5 0 R");
    const std::string accessible = add_accessibility(pdf, "nl-NL", {"Staafdiagram van drie kwartalen: 4,2 €."});
    CHECK(accessible.compare(0, pdf.size(), pdf) == 0); // an incremental update: the original bytes first
    CHECK(accessible == add_accessibility(pdf, "nl-NL", {"Staafdiagram van drie kwartalen: 4,2 €."}));
    write_file(dir / "a.pdf", accessible);
    const PdfStructure s = structure_of(dir / "a.pdf");
    CHECK(s.language == "nl-NL");
    REQUIRE(s.alts.size() == 1);
    CHECK(s.alts[0] == "Staafdiagram van drie kwartalen: 4,2 €.");
    CHECK(run_cli_text("qpdf --check '" + (dir / "a.pdf").string() + "' >/dev/null 2>&1; echo $?") == "0\n");
}

TEST_CASE("pdf accessibility: a PDF that is not as Cairo writes it is refused with the reason") {
    CHECK_THROWS_WITH_AS(add_accessibility(hand_made_pdf("5 0 R"), "nl-NL", {"een", "twee"}),
                         "PDF: 1 figures but 2 text alternatives (please report this)", OutputError);
    CHECK_THROWS_WITH_AS(add_accessibility(hand_made_pdf("<< /Type /StructElem /S /Figure >>"), "nl-NL", {"een"}),
                         "PDF: a structure element Cairo wrote is not an object of its own (please report this)",
                         OutputError);
    CHECK_THROWS_WITH_AS(add_accessibility(hand_made_pdf("5 0 R", false), "nl-NL", {"een"}),
                         "PDF: Cairo's file has no startxref (please report this)", OutputError);
    CHECK_THROWS_WITH_AS(add_accessibility("no PDF at all", "nl-NL", {}),
                         doctest::Contains("PDF: cannot add the language and text alternatives: "), OutputError);
}

TEST_CASE("pdf accessibility: every PDF says it is Dutch and every chart has the text alternative of its page") {
    const auto& run = small_demo_run();
    const fs::path folder = run.internal_folder() / "GM0505-dordrecht";
    const PdfStructure report = structure_of(folder / "samen-sturen-2025-Q3-GM0505.pdf");
    CHECK(report.language == "nl-NL");
    REQUIRE(report.alts.size() >= 10);
    const std::string page = read_file(folder / "samen-sturen-2025-Q3-GM0505.html");
    bool jh01 = false;
    for (const auto& alt : report.alts) {
        CAPTURE(alt);
        CHECK(alt.size() > 40); // a sentence, not a title
        jh01 = jh01 || alt.rfind("Jongeren met jeugdhulp per 1.000 jongeren", 0) == 0;
        // The page's alternative starts as the PDF's: what the chart is and shows. Then the PDF reads
        // every bar, as it has no table beside its charts; the page names the highest and the
        // lowest, and the table under the chart (read next) has every value.
        const size_t first = alt.find(". ");
        REQUIRE(first != std::string::npos);
        const size_t second = alt.find(". ", first + 2);
        const std::string shared = alt.substr(0, second == std::string::npos ? alt.size() : second + 1);
        CHECK(page.find("aria-label=\"" + html_escaped(shared)) != std::string::npos);
    }
    CHECK(jh01);
    CHECK(page.find("aria-label=\"Jongeren met jeugdhulp per segment, 3e kwartaal 2025. Staafdiagram per segment. "
                    "Hoogste: Specialistisch ambulant (40,2); laagste: Crisis (1,3).\"") != std::string::npos);
    CHECK(page.find("aria-labelledby=\"k4-cijfers\" tabindex=\"0\">\n<table>\n"
                    "<caption id=\"k4-cijfers\">Cijfers bij de grafiek: Jongeren met jeugdhulp per segment</caption>") !=
          std::string::npos);

    // The region report (its municipalities side by side), the GI benchmark and the council letter too.
    const fs::path region = run.internal_folder() / "regio-JZ31-zuid-holland-zuid";
    const PdfStructure region_report = structure_of(region / "samen-sturen-regio-2025-Q3-JZ31.pdf");
    CHECK(region_report.language == "nl-NL");
    for (const auto& alt : region_report.alts) CHECK_FALSE(alt.empty());
    const PdfStructure benchmark = structure_of(region / "gi-benchmark-2025-Q3-JZ31.pdf");
    REQUIRE_FALSE(benchmark.alts.empty());
    CHECK(benchmark.alts.front().rfind("Trechterdiagram ", 0) == 0);
    CHECK(read_file(region / "gi-benchmark-2025-Q3-JZ31.html").find(html_escaped(benchmark.alts.front())) != std::string::npos);
    const PdfStructure letter = structure_of(run.public_folder() / "GM0505-dordrecht" / "raadsinformatiebrief-2025-Q3-GM0505.pdf");
    CHECK(letter.language == "nl-NL");

    // The structure tree stays valid.
    for (const fs::path& pdf : {folder / "samen-sturen-2025-Q3-GM0505.pdf", region / "gi-benchmark-2025-Q3-JZ31.pdf"})
        CHECK(run_cli_text("qpdf --check '" + pdf.string() + "' >/dev/null 2>&1; echo $?") == "0\n");
}
