// An A4 PDF document laid out with Cairo and Pango from a flow of blocks: a title page, a table
// of contents with links and bookmarks, a running header, page numbers and metadata. Knows
// nothing of KPIs: pdf_report.cpp turns a report model into these blocks.
#pragma once

#include <string>
#include <vector>

#include "chart/chart_output.hpp"

namespace ss {

struct PdfTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> widths;  ///< fractions of the text width, one per column
    std::vector<bool> numeric;   ///< right-aligned columns
    double font_size = 8;        ///< points; smaller for wide tables
};

struct PdfBlock {
    enum class Kind { heading, subheading, paragraph, note, chart, table };
    Kind kind = Kind::paragraph;
    std::string text;        ///< heading or paragraph text; a chart's title for its tag
    ChartDrawing draw;       ///< charts
    double height = 0;       ///< charts, in points at the text width
    PdfTable table;          ///< tables
    std::string alt;         ///< charts: the text alternative a screen reader reads (/Alt)
};

struct PdfTitlePage {
    std::string title;         ///< Samen Sturen
    std::string subtitle;
    std::string scope;         ///< Dordrecht
    std::vector<std::string> lines; ///< quarter, period, delivery date, audience
};

struct PdfMetadata {
    std::string title, subject, author, keywords;
    std::string date; ///< ISO date used as creation and modification date: the same input gives the same file
};

struct PdfDocument {
    PdfTitlePage title_page;
    std::string running_header; ///< "Samen Sturen · Dordrecht · 3e kwartaal 2025"
    PdfMetadata metadata;
    std::vector<PdfBlock> blocks;
    bool letter = false; ///< a letter: no title page and contents, a heading does not start a page
    std::string language = "nl-NL"; ///< /Lang of the document
};

/// The text width of a page in points (A4 less the margins): the width charts are drawn at.
double pdf_text_width();

/// Renders the document to PDF bytes. Throws OutputError when Cairo fails.
std::string render_pdf(const PdfDocument& document);

/// Loads the fonts of every text style (fontconfig, Pango, Cairo) by rendering a small document
/// once, before parallel workers start: their first use then finds everything set up, so that the
/// same input gives the same bytes whatever --jobs is.
void warm_up_fonts();

} // namespace ss
