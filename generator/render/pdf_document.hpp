// An A4 PDF document laid out with Cairo and Pango from a flow of blocks: a title page, a table
// of contents with links and bookmarks, a running header, page numbers and metadata. Knows
// nothing of KPIs: pdf_report.cpp turns a report model into these blocks.
#pragma once

#include <cstdint>
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
    /// columns: blocks side by side (subheadings, paragraphs, notes, charts; no tables), each
    /// column pdf_column_width(n) wide, kept on one page.
    enum class Kind { heading, subheading, paragraph, note, chart, table, columns };
    Kind kind = Kind::paragraph;
    std::string text;        ///< heading or paragraph text; a chart's title for its tag
    ChartDrawing draw;       ///< charts
    double height = 0;       ///< charts, in points at the text width
    PdfTable table;          ///< tables
    std::string alt;         ///< charts: the text alternative a screen reader reads (/Alt)
    std::vector<std::vector<PdfBlock>> columns; ///< columns: each column's blocks, top to bottom
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
    /// The block the annex starts with (case-level lists): it starts a page, and its pages are
    /// numbered apart ("Bijlage, pagina 1 van 9"), so that the report's own length shows.
    size_t annex_start = SIZE_MAX;
    std::string language = "nl-NL"; ///< /Lang of the document
};

/// A heading, subheading, paragraph or note.
PdfBlock text_block(PdfBlock::Kind kind, std::string text);
/// An empty table to fill in (header, rows, widths).
PdfBlock table_block();
/// A chart `height` points high; `title` names its Figure tag.
PdfBlock chart_block(std::string title, double height);
/// Blocks side by side, each column's top to bottom.
PdfBlock columns_block(std::vector<std::vector<PdfBlock>> columns);

/// The text width of a page in points (A4 less the margins): the width charts are drawn at.
double pdf_text_width();
/// The width of each of `n` columns side by side (a columns block), in points.
double pdf_column_width(size_t n);

/// Renders the document to PDF bytes. Throws OutputError when Cairo fails.
std::string render_pdf(const PdfDocument& document);

/// Loads the fonts of every text style (fontconfig, Pango, Cairo) by rendering a small document
/// once, before parallel workers start: their first use then finds everything set up, so that the
/// same input gives the same bytes whatever --jobs is.
void warm_up_fonts();

} // namespace ss
