// The council letter as a raadsinformatiebrief (issue #13, reports.md "Council letter"): its
// letterhead from the run and the analyst's settings (empty fields left out, never invented), its
// sections in order, and plain Dutch measured by the Flesch-Douma reading ease.
#include <doctest/doctest.h>

#include <regex>

#include "core/errors.hpp"
#include "report/council_settings.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;
namespace fs = std::filesystem;

namespace {

/// The letters of the small demo's 2025-Q3, rendered with a settings file: the folder of the run.
const fs::path& letters() {
    static TempDir dir;
    static const fs::path out = [] {
        const auto& run = small_demo_run();
        write_file(dir / "settings.csv",
                   "municipality_code;portefeuillehouder;contactpersoon;email;telefoon;kenmerk\n"
                   "GM0505;wethouder A. de Vries (Jeugd);M. Jansen;jeugd@dordrecht.example;078 123 4567;DOR\n"
                   "GM0590;wethouder B. Bakker;;;;\n");
        const auto r = run_cli("run --db " + run.db.string() + " --quarter 2025-Q3 --kinds council --today 2026-01-20 --out " +
                               (dir / "out").string() + " --council-settings " + (dir / "settings.csv").string());
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        return dir / "out" / "2025-Q3" / "public";
    }();
    return out;
}

std::string letter_html(const std::string& folder) { return read_file(letters() / folder / "raadsinformatiebrief.html"); }

/// The running text of a letter page: its paragraphs and list items inside <main>, tags removed
/// (the figures table is not prose).
std::vector<std::string> prose(const std::string& html) {
    const std::string main = html.substr(html.find("<main"), html.find("</main>") - html.find("<main"));
    std::vector<std::string> parts;
    const std::regex block("<(p|li)[^>]*>([^<]*)</(p|li)>");
    for (auto it = std::sregex_iterator(main.begin(), main.end(), block); it != std::sregex_iterator(); ++it) {
        std::string text = (*it)[2];
        for (const auto& [entity, plain] : {std::pair<std::string, std::string>{"&#39;", "'"}, {"&amp;", "&"}, {"&lt;", "<"}, {"&quot;", "\""}})
            for (size_t at; (at = text.find(entity)) != std::string::npos;) text.replace(at, entity.size(), plain);
        parts.push_back(text);
    }
    return parts;
}

bool is_vowel_start(const std::string& w, size_t i) {
    const unsigned char c = static_cast<unsigned char>(w[i]);
    if (c == 0xC3) return true; // é, ë, ï, ö, ü, …: the accented letters of Dutch are vowels
    return std::string("aeiouy").find(static_cast<char>(c)) != std::string::npos;
}

/// Syllables of a Dutch word, counted as groups of vowels ("ij" is one vowel: "wij", "blijft").
int syllables(std::string word) {
    for (auto& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (size_t at; (at = word.find("ij")) != std::string::npos;) word.replace(at, 2, "y");
    int groups = 0;
    bool in_group = false;
    for (size_t i = 0; i < word.size(); ++i) {
        const bool vowel = is_vowel_start(word, i);
        if (vowel && !in_group) ++groups;
        in_group = vowel;
        if (static_cast<unsigned char>(word[i]) == 0xC3) ++i;
    }
    return std::max(groups, 1);
}

/// Flesch-Douma reading ease: 206,84 - 0,77 x syllables per 100 words - 0,93 x words per sentence.
/// Words are runs of letters (figures such as 12,3 and € 358 are not words); a sentence ends at
/// . ! ? or the end of a paragraph.
double flesch_douma(const std::vector<std::string>& paragraphs) {
    int words = 0, syllable_count = 0, sentences = 0;
    const std::regex word("[A-Za-z\\xC3][A-Za-z\\x80-\\xBF\\xC3'-]*");
    for (const auto& p : paragraphs) {
        for (auto it = std::sregex_iterator(p.begin(), p.end(), word); it != std::sregex_iterator(); ++it) {
            ++words;
            syllable_count += syllables(it->str());
        }
        const std::regex end("[.!?](\\s|$)");
        const auto ends = std::distance(std::sregex_iterator(p.begin(), p.end(), end), std::sregex_iterator());
        const char last = p.empty() ? '.' : p.back();
        sentences += static_cast<int>(ends) + (last == '.' || last == '!' || last == '?' ? 0 : 1);
    }
    REQUIRE(words > 0);
    return 206.84 - 0.77 * 100.0 * syllable_count / words - 0.93 * static_cast<double>(words) / sentences;
}

} // namespace

TEST_CASE("council letter: the letterhead has date, kenmerk, onderwerp and, from the settings, portfolio holder and contact") {
    const std::string dordrecht = letter_html("GM0505-dordrecht");
    CHECK(dordrecht.find("<dt>Datum</dt><dd>20 januari 2026</dd>") != std::string::npos);
    CHECK(dordrecht.find("<dt>Kenmerk</dt><dd>DOR/2025-K3/GM0505</dd>") != std::string::npos);
    CHECK(dordrecht.find("<dt>Onderwerp</dt><dd>Jeugdhulp en jeugdbescherming, 3e kwartaal 2025</dd>") != std::string::npos);
    CHECK(dordrecht.find("<dt>Portefeuillehouder</dt><dd>wethouder A. de Vries (Jeugd)</dd>") != std::string::npos);
    CHECK(dordrecht.find("<dt>Contactpersoon</dt><dd>M. Jansen, jeugd@dordrecht.example, 078 123 4567</dd>") != std::string::npos);
    CHECK(dordrecht.find("Heeft u een vraag? Neem dan contact op met M. Jansen, jeugd@dordrecht.example, 078 123 4567.") !=
          std::string::npos);
    const std::string pdf = pdf_text(letters() / "GM0505-dordrecht" / "raadsinformatiebrief-2025-Q3-GM0505.pdf");
    CHECK(pdf.find("Kenmerk: DOR/2025-K3/GM0505") != std::string::npos);
    CHECK(pdf.find("Portefeuillehouder: wethouder A. de Vries (Jeugd)") != std::string::npos);

    // Only a portfolio holder: no contact line, and no sentence that sends the reader to nobody.
    const std::string papendrecht = letter_html("GM0590-papendrecht");
    CHECK(papendrecht.find("<dt>Portefeuillehouder</dt><dd>wethouder B. Bakker</dd>") != std::string::npos);
    CHECK(papendrecht.find("Contactpersoon") == std::string::npos);
    CHECK(papendrecht.find("Neem dan contact op") == std::string::npos);
    CHECK(papendrecht.find("<dt>Kenmerk</dt><dd>SS/2025-K3/GM0590</dd>") != std::string::npos);
    // Not in the settings: neither field, nothing invented.
    const std::string sliedrecht = letter_html("GM0610-sliedrecht");
    CHECK(sliedrecht.find("Portefeuillehouder") == std::string::npos);
    CHECK(sliedrecht.find("Contactpersoon") == std::string::npos);
}

TEST_CASE("council letter: the sections of reports.md in order; what the figures mean, judged; the public page named") {
    for (const std::string folder : {"GM0505-dordrecht", "GM0590-papendrecht", "GM0610-sliedrecht"}) {
        CAPTURE(folder);
        const std::string html = letter_html(folder);
        size_t at = 0;
        for (const std::string heading : {"<h2>Aanleiding</h2>", "<h2>Kernboodschap</h2>", "<h2>De cijfers</h2>",
                                          "<h2>Wat betekent dit</h2>", "<h2>Vervolg</h2>"}) {
            const size_t found = html.find(heading, at);
            CHECK_MESSAGE(found != std::string::npos, heading << " missing or out of order");
            if (found != std::string::npos) at = found;
        }
        CHECK(html.find("Meer cijfers staan op de openbare pagina van Samen Sturen") != std::string::npos);
        CHECK(html.find("samen-sturen-") == std::string::npos); // never the internal report
        CHECK(html.find("gelijk gebleven: 0,0") == std::string::npos);
        // Every headline figure with a change is judged in words.
        const bool judged = html.find("Dat is goed nieuws.") != std::string::npos || html.find("Dat is niet goed.") != std::string::npos;
        CHECK(judged);
        // The key message sorts the figures: each line names a group (better, worse, the same, provisional).
        const std::string key = html.substr(html.find("<h2>Kernboodschap</h2>"), html.find("<h2>De cijfers</h2>") - html.find("<h2>Kernboodschap</h2>"));
        const bool grouped = key.find("<li>Beter dan een jaar eerder: ") != std::string::npos ||
                             key.find("<li>Slechter dan een jaar eerder: ") != std::string::npos ||
                             key.find("<li>Ongeveer gelijk: ") != std::string::npos;
        CHECK(grouped);
    }
}

TEST_CASE("council letter: plain Dutch: the running text of every letter scores at least 60 on Flesch-Douma") {
    CHECK(syllables("jeugdbeschermingsmaatregelen") == 8);
    CHECK(syllables("wij") == 1);
    CHECK(syllables("geregistreerde") == 5);
    CHECK(flesch_douma({"De kat zit op de mat."}) == doctest::Approx(206.84 - 0.77 * 100 - 0.93 * 6));
    for (const std::string folder : {"GM0505-dordrecht", "GM0590-papendrecht", "GM0610-sliedrecht", "regio-JZ31-zuid-holland-zuid"}) {
        const fs::path page = letters() / folder / "raadsinformatiebrief.html";
        if (!fs::exists(page)) continue; // a region has no council letter
        const double score = flesch_douma(prose(read_file(page)));
        CAPTURE(folder);
        CAPTURE(score);
        MESSAGE(folder << ": Flesch-Douma " << score);
        CHECK(score >= 60);
    }
}

TEST_CASE("council letter: a settings file with an unknown column or a repeated municipality is refused by line") {
    CHECK_THROWS_WITH_AS(parse_council_settings("s.csv", "municipality_code,wethouder\nGM0505,A\n"),
                         doctest::Contains("s.csv:1: column wethouder: is not a column of the council settings"), InputError);
    CHECK_THROWS_WITH_AS(parse_council_settings("s.csv", "municipality_code,portefeuillehouder\nGM0505,A\nGM0505,B\n"),
                         "s.csv:3: column municipality_code: 'GM0505' is listed twice", InputError);
    CHECK_THROWS_WITH_AS(parse_council_settings("s.csv", "portefeuillehouder\nA\n"), "s.csv:1: has no column municipality_code",
                         InputError);
    const auto settings = parse_council_settings("s.csv", "Municipality_Code;Portefeuillehouder\nGM0505; wethouder A \n");
    CHECK(settings.at("GM0505").portfolio_holder == "wethouder A");
    CHECK(settings.at("GM0505").contact_name.empty());
}
