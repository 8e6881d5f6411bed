// The fixed texts live in templates/texts.json, one place per text: every id the code fills is
// there, none there is unused, and one edit shows in the PDF and the page alike.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>

#include "core/errors.hpp"
#include "core/text_pattern.hpp"
#include "report/texts.hpp"
#include "run/report_registry.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

TEST_CASE("texts: texts.json holds every text the code fills, and nothing else") {
    const std::string source = SAMEN_STUREN_SOURCE_DIR;
    const std::set<std::string> ids(text_ids().begin(), text_ids().end());
    // Every fill("id") in the code is a known id.
    static const std::regex call(R"re(fill\("([a-z_.]+)")re");
    std::set<std::string> used;
    for (const auto& e : fs::recursive_directory_iterator(source + "/generator")) {
        if (e.path().extension() != ".cpp") continue;
        const std::string code = read_file(e.path());
        for (std::sregex_iterator m(code.begin(), code.end(), call), end; m != end; ++m) used.insert((*m)[1]);
    }
    // The link labels of the report kinds' files are named in the registry.
    for (const auto& kind : report_registry())
        for (const auto& output : kind.outputs)
            if (!output.link_text.empty()) used.insert(output.link_text);
    for (const auto& id : used) CHECK_MESSAGE(ids.count(id) == 1, id);
    for (const auto& id : ids) CHECK_MESSAGE(used.count(id) == 1, (id + " is never used"));
    // texts.json has exactly these ids (and its comment).
    const std::string json = read_file(source + "/templates/texts.json");
    static const std::regex key(R"re(\n  "([a-z_.]+)":)re");
    std::set<std::string> in_file;
    for (std::sregex_iterator m(json.begin(), json.end(), key), end; m != end; ++m) in_file.insert((*m)[1]);
    in_file.erase("_comment");
    CHECK(in_file == ids);
}

TEST_CASE("texts: gaps are filled once; a value is never searched for gaps itself") {
    const Texts texts = project_texts();
    CHECK(texts.fill("report.no_data", {{"scope", "Dordrecht"}}) == "Geen gegevens voor Dordrecht over deze periode.");
    CHECK(texts.fill("delivered_on", {{"date", "{date}"}}) == "Gegevens aangeleverd op {date}");
    CHECK(fill_pattern("{a} {b}", {{"a", "{b}"}, {"b", "x"}}) == "{b} x");
    CHECK(fill_pattern("{a", {{"a", "x"}}) == "{a");
}

TEST_CASE("texts: a texts.json without a text the program uses, or with a text that is not a string, is refused") {
    CHECK_THROWS_WITH_AS(Texts::parse("texts.json", R"({"delivered_on": "x"})"),
                         doctest::Contains("texts.json: the text 'chart_table_caption' is missing"), InputError);
    CHECK_THROWS_WITH_AS(Texts::parse("texts.json", R"({"delivered_on": 3})"),
                         doctest::Contains("texts.json: 'delivered_on' must be a text"), InputError);
    CHECK_THROWS_WITH_AS(Texts::parse("texts.json", "[1"), doctest::Contains("texts.json: not valid JSON"), InputError);
}

TEST_CASE("texts: one edit of texts.json shows in the PDF, the internal page and the workbook's properties alike") {
    const auto& run = small_demo_run();
    TempDir dir;
    fs::copy(std::string(SAMEN_STUREN_SOURCE_DIR) + "/templates", dir / "templates", fs::copy_options::recursive);
    std::string json = read_file(dir / "templates" / "texts.json");
    const std::string old_text = "Een regiocijfer is berekend over alle gegevens";
    json.replace(json.find(old_text), old_text.size(), "Een regiocijfer telt alle gegevens");
    const std::string old_heading = "\"Over deze rapportage\"";
    json.replace(json.find(old_heading), old_heading.size(), "\"Verantwoording\"");
    write_file(dir / "templates" / "texts.json", json);
    const auto r = run_cli("run --db " + run.db.string() + " --quarter 2025-Q3 --only GM0505 --kinds samen-sturen --templates " +
                           (dir / "templates").string() + " --out " + (dir / "out").string());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const fs::path folder = dir / "out" / "2025-Q3" / "internal" / "GM0505-dordrecht";
    const std::string pdf = pdf_text(folder / "samen-sturen-2025-Q3-GM0505.pdf");
    CHECK(pdf.find("Verantwoording") != std::string::npos);
    CHECK(pdf.find("Een regiocijfer telt alle gegevens") != std::string::npos);
    CHECK(pdf.find("Over deze rapportage") == std::string::npos);
    const std::string page = read_file(folder / "samen-sturen-2025-Q3-GM0505.html");
    CHECK(page.find("Een regiocijfer telt alle gegevens") != std::string::npos);
    const std::string public_page = read_file(dir / "out" / "2025-Q3" / "public" / "GM0505-dordrecht" / "index.html");
    CHECK(public_page.find("Een regiocijfer telt alle gegevens") != std::string::npos);
}
