// The PDF layout: a heading never stands alone at the foot of a page, a long table breaks between
// rows and repeats its header, charts are never cut, and the file is valid with embedded fonts,
// metadata, bookmarks and a structure tree.
#include <doctest/doctest.h>

#include <thread>

#include "render/pdf_document.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

PdfBlock paragraph(const std::string& text) { return text_block(PdfBlock::Kind::paragraph, text); }
PdfBlock subheading(const std::string& text) { return text_block(PdfBlock::Kind::subheading, text); }

PdfDocument document_with(std::vector<PdfBlock> blocks) {
    PdfDocument doc;
    doc.title_page = {"Samen Sturen", "Ondertitel", "Gemeente Aadorp", {"3e kwartaal 2025"}};
    doc.running_header = "Samen Sturen · Gemeente Aadorp · 3e kwartaal 2025";
    doc.metadata = {"Titel van het rapport", "Onderwerp", "Regio Een", "jeugdhulp", "2025-10-05"};
    doc.blocks.push_back(text_block(PdfBlock::Kind::heading, "Hoofdstuk een"));
    for (auto& b : blocks) doc.blocks.push_back(std::move(b));
    return doc;
}

std::filesystem::path write_pdf_file(const TempDir& dir, const PdfDocument& doc) {
    const auto path = dir / "doc.pdf";
    write_file(path, render_pdf(doc));
    return path;
}

int page_of(const std::filesystem::path& pdf, const std::string& text, int pages) {
    for (int p = 1; p <= pages; ++p)
        if (pdf_text(pdf, p).find(text) != std::string::npos) return p;
    return 0;
}

} // namespace

TEST_CASE("pdf: a subheading that would stand at the foot of a page moves to the next page") {
    TempDir dir;
    for (int filler = 40; filler <= 52; filler += 3) {
        std::vector<PdfBlock> blocks;
        for (int i = 0; i < filler; ++i) blocks.push_back(paragraph("Regel " + std::to_string(i) + " met tekst."));
        blocks.push_back(subheading("Kopje onderaan"));
        blocks.push_back(paragraph("De alinea bij het kopje."));
        const auto pdf = write_pdf_file(dir, document_with(std::move(blocks)));
        CAPTURE(filler);
        const int heading = page_of(pdf, "Kopje onderaan", 6), body = page_of(pdf, "De alinea bij het kopje.", 6);
        REQUIRE(heading > 0);
        CHECK(heading == body);
    }
}

TEST_CASE("pdf: a long table breaks between rows and repeats its header on every page") {
    TempDir dir;
    PdfBlock table = table_block();
    table.table.header = {"Maatregel", "Soort"};
    table.table.widths = {0.5, 0.5};
    table.table.numeric = {false, false};
    for (int i = 0; i < 120; ++i) table.table.rows.push_back({"M" + std::to_string(1000 + i), "OTS"});
    std::vector<PdfBlock> blocks;
    blocks.push_back(std::move(table));
    const auto pdf = write_pdf_file(dir, document_with(std::move(blocks)));
    const std::string all = pdf_text(pdf);
    for (int i = 0; i < 120; ++i) CHECK(all.find("M" + std::to_string(1000 + i)) != std::string::npos);
    const int first = page_of(pdf, "M1000", 8), last = page_of(pdf, "M1119", 8);
    REQUIRE(last > first);
    for (int p = first; p <= last; ++p) CHECK(pdf_text(pdf, p).find("Maatregel") != std::string::npos);
}

TEST_CASE("pdf: a chart is never cut across pages") {
    TempDir dir;
    std::vector<PdfBlock> blocks;
    for (int i = 0; i < 45; ++i) blocks.push_back(paragraph("Regel " + std::to_string(i)));
    PdfBlock chart = chart_block("Grafiek", 300);
    chart.draw = [](Canvas& canvas) {
        canvas.fill_rectangle(0, 0, 100, 300);
        canvas.set_colour(palette[0]);
        canvas.text("BOVENKANT", 10, 10, Anchor::left, false); // a marker at the chart's top and one at its foot
        canvas.text("ONDERKANT", 10, 292, Anchor::left, false);
    };
    blocks.push_back(std::move(chart));
    const auto pdf = write_pdf_file(dir, document_with(std::move(blocks)));
    const int top = page_of(pdf, "BOVENKANT", 6);
    REQUIRE(top > 0);
    CHECK(page_of(pdf, "ONDERKANT", 6) == top);
}

TEST_CASE("pdf: title page, contents with page numbers, metadata, bookmarks, embedded fonts, valid file") {
    TempDir dir;
    std::vector<PdfBlock> blocks{paragraph("Eerste hoofdstuk."), text_block(PdfBlock::Kind::heading, "Hoofdstuk twee"),
                                 paragraph("Tweede hoofdstuk.")};
    const auto pdf = write_pdf_file(dir, document_with(std::move(blocks)));
    // The contents sit on the cover, under the title block.
    const std::string cover = pdf_text(pdf, 1);
    CHECK(cover.find("Gemeente Aadorp") != std::string::npos);
    CHECK(cover.find("Inhoud") != std::string::npos);
    CHECK(cover.find("Hoofdstuk een") != std::string::npos);
    CHECK(cover.find("Hoofdstuk twee") != std::string::npos);
    CHECK(cover.find("Gemeente Aadorp") < cover.find("Inhoud"));
    // A chapter follows on the same page when the page has room (it starts a page only in its lower part).
    CHECK(pdf_text(pdf, 2).find("Pagina 2 van 2") != std::string::npos);
    CHECK(pdf_text(pdf, 2).find("Hoofdstuk twee") != std::string::npos);
    const std::string info = run_cli_text("pdfinfo '" + pdf.string() + "'");
    CHECK(info.find("Titel van het rapport") != std::string::npos);
    CHECK(info.find("Regio Een") != std::string::npos);
    CHECK(info.find("Tagged:          yes") != std::string::npos);
    CHECK(info.find("CreationDate:    Sun Oct  5 00:00:00 2025") != std::string::npos);
    CHECK(info.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
    const std::string bytes = read_file(pdf);
    CHECK(bytes.find("/Outlines") != std::string::npos);
    const std::string fonts = run_cli_text("pdffonts '" + pdf.string() + "' | tail -n +3");
    REQUIRE_FALSE(fonts.empty());
    std::istringstream lines(fonts);
    for (std::string line; std::getline(lines, line);) CHECK_MESSAGE(line.find(" yes yes ") != std::string::npos, line);
    CHECK(std::system(("qpdf --check '" + pdf.string() + "' >/dev/null 2>&1").c_str()) == 0);
}

TEST_CASE("pdf: blocks in columns stand side by side, each column read top to bottom") {
    TempDir dir;
    std::vector<std::vector<PdfBlock>> columns(2);
    columns[0] = {subheading("Links boven"), paragraph("Linkertekst die over meer regels loopt omdat de kolom maar half zo breed is.")};
    columns[1] = {subheading("Rechts boven"), paragraph("Rechtertekst.")};
    std::vector<PdfBlock> blocks;
    blocks.push_back(columns_block(std::move(columns)));
    blocks.push_back(paragraph("Onder de kolommen."));
    const auto pdf = write_pdf_file(dir, document_with(std::move(blocks)));
    // pdftotext -layout keeps the two columns on the same lines.
    const std::string page = run_cli_text("pdftotext -layout -f 2 -l 2 '" + pdf.string() + "' -");
    const size_t left = page.find("Links boven"), right = page.find("Rechts boven"), below = page.find("Onder de kolommen.");
    REQUIRE(left != std::string::npos);
    REQUIRE(right != std::string::npos);
    REQUIRE(below != std::string::npos);
    CHECK(page.find('\n', left) > right); // one line holds both headings
    CHECK(below > page.find("Rechtertekst."));
    // The column is half the text width: its paragraph wraps where the full width would not.
    CHECK(pdf_column_width(2) < pdf_text_width() / 2);
    CHECK(pdf_column_width(2) > pdf_text_width() / 2 - 20);
}

TEST_CASE("pdf: the annex starts a page and numbers its pages apart from the report's") {
    TempDir dir;
    std::vector<PdfBlock> blocks{paragraph("Het rapport.")};
    PdfDocument doc = document_with(std::move(blocks));
    doc.annex_start = doc.blocks.size();
    doc.blocks.push_back(text_block(PdfBlock::Kind::heading, "Bijlage: lijst"));
    PdfBlock table = table_block();
    table.table.header = {"Maatregel", "Soort"};
    table.table.widths = {0.5, 0.5};
    table.table.numeric = {false, false};
    for (int i = 0; i < 70; ++i) table.table.rows.push_back({"M" + std::to_string(i), "OTS"});
    doc.blocks.push_back(std::move(table));
    const auto pdf = write_pdf_file(dir, doc);
    CHECK(pdf_text(pdf, 2).find("Pagina 2 van 2") != std::string::npos);
    CHECK(pdf_text(pdf, 2).find("Bijlage: lijst") == std::string::npos);
    CHECK(pdf_text(pdf, 3).find("Bijlage: lijst") != std::string::npos);
    CHECK(pdf_text(pdf, 3).find("Bijlage, pagina 1 van 2") != std::string::npos);
    CHECK(pdf_text(pdf, 4).find("Bijlage, pagina 2 van 2") != std::string::npos);
    // The contents give the annex its own page number.
    const std::string cover = run_cli_text("pdftotext -layout -f 1 -l 1 '" + pdf.string() + "' -");
    CHECK(cover.find("B1") != std::string::npos);
}

TEST_CASE("pdf: a document is the same bytes whatever its worker drew before (layouts kept per thread)") {
    const auto document = [](const std::string& scope) {
        std::vector<PdfBlock> blocks;
        for (int i = 0; i < 30; ++i) blocks.push_back(paragraph("Regel " + std::to_string(i) + " van " + scope));
        PdfBlock chart = chart_block("Grafiek", 120); // a chart's texts between the page's
        chart.draw = [scope](Canvas& canvas) { canvas.text("As " + scope, 10, 10, Anchor::left, false); };
        blocks.push_back(std::move(chart));
        blocks.push_back(subheading("Na de grafiek"));
        blocks.push_back(paragraph("Regel 3 van " + scope));
        return document_with(std::move(blocks));
    };
    std::string fresh; // drawn by a thread that has drawn nothing before
    std::thread([&] { fresh = render_pdf(document("Aadorp")); }).join();
    const std::string other = render_pdf(document("Beedorp"));
    const std::string again = render_pdf(document("Aadorp"));
    CHECK(again == fresh);
    CHECK(render_pdf(document("Aadorp")) == fresh);
    CHECK(other != fresh);
}
