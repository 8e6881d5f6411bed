// Accessible PDFs (issue #13, item 7): every PDF states its language and every chart's Figure
// carries the text alternative the HTML page gives it, read back with qpdf's JSON output.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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

} // namespace

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
