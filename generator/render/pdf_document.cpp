#include "render/pdf_document.hpp"

#include "render/pdf_accessibility.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <cairo-pdf.h>

#include "chart/cairo_canvas.hpp"
#include "chart/cairo_handles.hpp"
#include "chart/palette.hpp"
#include "chart/thread_layouts.hpp"
#include "core/errors.hpp"

namespace ss {

namespace {

constexpr double page_width = 595.276, page_height = 841.89; // A4 in points
constexpr double margin_left = 62, margin_right = 56, margin_top = 72, margin_bottom = 64;
constexpr double text_width = page_width - margin_left - margin_right;
constexpr double content_bottom = page_height - margin_bottom;
constexpr double cell_padding = 3;
constexpr double column_gap = 18;
constexpr Rgb heading_colour{0.00, 0.30, 0.50};
constexpr Rgb rule_colour{0.75, 0.75, 0.75};
constexpr Rgb header_fill{0.91, 0.94, 0.97};

struct TextStyle {
    double size;
    bool bold;
    Rgb colour;
};
constexpr TextStyle body{9.5, false, text_colour};
constexpr TextStyle small{8, false, muted_colour};
constexpr TextStyle h1{17, true, heading_colour};
constexpr TextStyle h2{11.5, true, text_colour};
TextStyle cell_style(const struct PdfTable& t, bool bold) { return {t.font_size, bold, text_colour}; }

enum class Align { left, right, centre };

void configure_layout(PangoLayout* layout, const std::string& text, const TextStyle& style, double width, Align align) {
    FontDescription font(pango_font_description_new());
    pango_font_description_set_family(font.get(), "DejaVu Sans");
    pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font.get());
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout, align == Align::right    ? PANGO_ALIGN_RIGHT
                                       : align == Align::centre ? PANGO_ALIGN_CENTER
                                                                : PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout, text.c_str(), -1);
}

/// A laid-out text for `cr`, kept by this thread (chart/thread_layouts): a text measured for its
/// page break is drawn from the same layout, and one repeated in the next document is not shaped
/// again. Valid until the next call.
PangoLayout* layout_of(cairo_t* cr, const std::string& text, const TextStyle& style, double width,
                       Align align = Align::left) {
    std::string key("p");
    key.append(reinterpret_cast<const char*>(&style.size), sizeof style.size)
        .append(reinterpret_cast<const char*>(&width), sizeof width)
        .append(1, style.bold ? 'b' : 'n')
        .append(1, static_cast<char>('0' + static_cast<int>(align)))
        .append(text);
    return ThreadLayouts::of_this_thread().of(cr, std::move(key), [&](PangoLayout* layout) {
        configure_layout(layout, text, style, width, align);
    });
}

double layout_height(PangoLayout* layout) {
    int w, h;
    pango_layout_get_size(layout, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
}

/// Heights of wrapped text by text, style and width. Pagination asks for a row's or a
/// paragraph's height for its page break, for a heading's look-ahead and again when drawing; the
/// layout is kept by the thread (layout_of), so Pango lays each text out once (a third of a
/// report's PDF time went to laying out again) and draws it from the same layout.
class TextHeights {
public:
    explicit TextHeights(cairo_t* cr) : cr_(cr) {}
    double of(const std::string& text, const TextStyle& style, double width) {
        return layout_height(layout_of(cr_, text, style, width));
    }

private:
    cairo_t* cr_;
};

/// Draws wrapped text with its top at y; returns its height.
double draw_text_at(cairo_t* cr, const std::string& text, const TextStyle& style, double x, double y, double width,
                    Align align = Align::left) {
    PangoLayout* layout = layout_of(cr, text, style, width, align);
    cairo_set_source_rgb(cr, style.colour.r, style.colour.g, style.colour.b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout);
    return layout_height(layout);
}

/// Runs `draw` inside a structure tag of the tagged PDF (headings, paragraphs, tables, figures).
template <typename Draw>
void tagged(cairo_t* cr, const char* tag, Draw draw) {
    cairo_tag_begin(cr, tag, nullptr);
    draw();
    cairo_tag_end(cr, tag);
}

// --- measuring -------------------------------------------------------------------------------

double column_width(const PdfTable& t, size_t c) {
    return text_width * (c < t.widths.size() ? t.widths[c] : 1.0 / static_cast<double>(t.header.size()));
}

double row_height(TextHeights& heights, const PdfTable& t, const std::vector<std::string>& row, bool header) {
    const TextStyle style = cell_style(t, header);
    double h = 0;
    for (size_t c = 0; c < row.size(); ++c)
        h = std::max(h, heights.of(row[c], style, column_width(t, c) - 2 * cell_padding));
    return h + 2 * cell_padding;
}

double spacing_after(PdfBlock::Kind kind) {
    switch (kind) {
    case PdfBlock::Kind::heading: return 8;
    case PdfBlock::Kind::subheading: return 4;
    case PdfBlock::Kind::paragraph: return 6;
    case PdfBlock::Kind::note: return 6;
    case PdfBlock::Kind::chart: return 6;
    case PdfBlock::Kind::table: return 12;
    case PdfBlock::Kind::columns: return 6;
    }
    return 6;
}

double column_width_of(size_t columns) {
    const double n = static_cast<double>(std::max<size_t>(1, columns));
    return (text_width - column_gap * (n - 1)) / n;
}

double block_height(TextHeights& heights, const PdfBlock& b, double width = text_width);

/// Columns side by side end alike: each column's last block (its chart) starts at the same height,
/// below the longest of the texts above them, so that neighbouring charts line up.
struct ColumnsLayout {
    double width;       ///< of each column
    double last_top;    ///< where each column's last block starts, from the top of the block
    double last_height; ///< the tallest last block
};

ColumnsLayout columns_layout(TextHeights& heights, const PdfBlock& b) {
    ColumnsLayout layout{column_width_of(b.columns.size()), 0, 0};
    for (const auto& column : b.columns) {
        if (column.empty()) continue;
        double above = 0;
        for (size_t i = 0; i + 1 < column.size(); ++i)
            above += block_height(heights, column[i], layout.width) + spacing_after(column[i].kind);
        layout.last_top = std::max(layout.last_top, above);
        layout.last_height = std::max(layout.last_height, block_height(heights, column.back(), layout.width));
    }
    return layout;
}

/// The height of a block that is not a table (tables break between rows: see paginate).
double block_height(TextHeights& heights, const PdfBlock& b, double width) {
    switch (b.kind) {
    case PdfBlock::Kind::heading: return heights.of(b.text, h1, width) + 6;
    case PdfBlock::Kind::subheading: return heights.of(b.text, h2, width);
    case PdfBlock::Kind::paragraph: return heights.of(b.text, body, width);
    case PdfBlock::Kind::note: return heights.of(b.text, small, width);
    case PdfBlock::Kind::chart: return b.height;
    case PdfBlock::Kind::table: break;
    case PdfBlock::Kind::columns: {
        const ColumnsLayout layout = columns_layout(heights, b);
        return layout.last_top + layout.last_height;
    }
    }
    return 0;
}

/// How much of a block must fit below a heading so that the heading does not stand alone.
double first_part_height(TextHeights& heights, const PdfBlock& b) {
    if (b.kind != PdfBlock::Kind::table) return block_height(heights, b);
    double h = row_height(heights, b.table, b.table.header, true);
    if (!b.table.rows.empty()) h += row_height(heights, b.table, b.table.rows.front(), false);
    return h;
}

// --- pagination ------------------------------------------------------------------------------

struct Placement {
    size_t block;
    double y;
    size_t row_begin = 0, row_end = 0; ///< tables: the rows on this page
};
using Page = std::vector<Placement>;

std::vector<Page> paginate(TextHeights& heights, const std::vector<PdfBlock>& blocks, bool letter, size_t annex_start) {
    std::vector<Page> pages(1);
    double y = margin_top;
    auto new_page = [&] {
        pages.emplace_back();
        y = margin_top;
    };
    for (size_t i = 0; i < blocks.size(); ++i) {
        const PdfBlock& b = blocks[i];
        const bool is_heading = b.kind == PdfBlock::Kind::heading || b.kind == PdfBlock::Kind::subheading;
        // A chapter follows on the same page when it fits (the heading kept with what follows it):
        // chapters that each start a page left half the pages of a report blank (issue #13).
        if (b.kind == PdfBlock::Kind::heading && y > margin_top && !letter && y > content_bottom * 0.75) new_page();
        if (i == annex_start && y > margin_top) new_page();
        double need = first_part_height(heights, b);
        // Keep a heading with what follows it (and a subheading's paragraph with its chart).
        for (size_t j = i + 1; is_heading && j < blocks.size(); ++j) {
            need += spacing_after(blocks[j - 1].kind) + first_part_height(heights, blocks[j]);
            if (blocks[j].kind != PdfBlock::Kind::subheading && blocks[j].kind != PdfBlock::Kind::paragraph) break;
        }
        if (y + need > content_bottom && y > margin_top) new_page();
        if (b.kind != PdfBlock::Kind::table) {
            pages.back().push_back({i, y});
            y += block_height(heights, b) + spacing_after(b.kind);
            continue;
        }
        // A table breaks between rows; each page repeats its header.
        const double header = row_height(heights, b.table, b.table.header, true);
        size_t row = 0;
        do {
            double h = header;
            size_t end = row;
            while (end < b.table.rows.size()) {
                const double rh = row_height(heights, b.table, b.table.rows[end], false);
                if (y + h + rh > content_bottom && end > row) break;
                h += rh;
                ++end;
            }
            pages.back().push_back({i, y, row, end});
            y += h + spacing_after(b.kind);
            row = end;
            if (row < b.table.rows.size()) new_page();
        } while (row < b.table.rows.size());
    }
    return pages;
}

// --- drawing ---------------------------------------------------------------------------------

double draw_row(cairo_t* cr, TextHeights& heights, const PdfTable& t, const std::vector<std::string>& row, double y,
                bool header) {
    const double h = row_height(heights, t, row, header);
    if (header) {
        cairo_set_source_rgb(cr, header_fill.r, header_fill.g, header_fill.b);
        cairo_rectangle(cr, margin_left, y, text_width, h);
        cairo_fill(cr);
    }
    tagged(cr, "TR", [&] {
        double x = margin_left;
        for (size_t c = 0; c < row.size(); ++c) {
            const double w = column_width(t, c);
            const bool right = c < t.numeric.size() && t.numeric[c];
            tagged(cr, header ? "TH" : "TD", [&] {
                draw_text_at(cr, row[c], cell_style(t, header), x + cell_padding, y + cell_padding,
                             w - 2 * cell_padding, right ? Align::right : Align::left);
            });
            x += w;
        }
    });
    cairo_set_source_rgb(cr, rule_colour.r, rule_colour.g, rule_colour.b);
    cairo_set_line_width(cr, 0.4);
    cairo_move_to(cr, margin_left, y + h);
    cairo_line_to(cr, margin_left + text_width, y + h);
    cairo_stroke(cr);
    return h;
}

/// Draws a block that is not a table with its top left corner at (x, y), `width` wide.
void draw_flowing(cairo_t* cr, TextHeights& heights, const PdfBlock& b, double x, double y, double width) {
    switch (b.kind) {
    case PdfBlock::Kind::heading:
        tagged(cr, "H1", [&] { draw_text_at(cr, b.text, h1, x, y, width); });
        return;
    case PdfBlock::Kind::subheading:
        tagged(cr, "H2", [&] { draw_text_at(cr, b.text, h2, x, y, width); });
        return;
    case PdfBlock::Kind::paragraph:
        tagged(cr, "P", [&] { draw_text_at(cr, b.text, body, x, y, width); });
        return;
    case PdfBlock::Kind::note:
        tagged(cr, "P", [&] { draw_text_at(cr, b.text, small, x, y, width); });
        return;
    case PdfBlock::Kind::chart:
        tagged(cr, "Figure", [&] {
            cairo_save(cr);
            CairoCanvas canvas(cr, x, y);
            b.draw(canvas);
            cairo_restore(cr);
        });
        return;
    case PdfBlock::Kind::columns: {
        // Read column by column: the tags follow the left column down, then the right one.
        const ColumnsLayout layout = columns_layout(heights, b);
        const double w = layout.width;
        for (size_t c = 0; c < b.columns.size(); ++c) {
            double at = y;
            for (size_t i = 0; i < b.columns[c].size(); ++i) {
                const PdfBlock& part = b.columns[c][i];
                if (i + 1 == b.columns[c].size()) at = y + layout.last_top;
                draw_flowing(cr, heights, part, x + static_cast<double>(c) * (w + column_gap), at, w);
                at += block_height(heights, part, w) + spacing_after(part.kind);
            }
        }
        return;
    }
    case PdfBlock::Kind::table: return; // drawn by draw_block, a page's rows at a time
    }
}

void draw_block(cairo_t* cr, TextHeights& heights, const PdfBlock& b, const Placement& p) {
    switch (b.kind) {
    case PdfBlock::Kind::heading:
    case PdfBlock::Kind::subheading:
    case PdfBlock::Kind::paragraph:
    case PdfBlock::Kind::note:
    case PdfBlock::Kind::chart:
    case PdfBlock::Kind::columns:
        draw_flowing(cr, heights, b, margin_left, p.y, text_width);
        return;
    case PdfBlock::Kind::table:
        tagged(cr, "Table", [&] {
            double y = p.y + draw_row(cr, heights, b.table, b.table.header, p.y, true);
            for (size_t r = p.row_begin; r < p.row_end; ++r)
                y += draw_row(cr, heights, b.table, b.table.rows[r], y, false);
        });
        return;
    }
}

void draw_page_frame(cairo_t* cr, const PdfDocument& doc, const std::string& page_label) {
    // Cairo 1.16 has no artifact tag; the running header and page number stay outside the structure.
    {
        draw_text_at(cr, doc.running_header, small, margin_left, 34, text_width);
        cairo_set_source_rgb(cr, rule_colour.r, rule_colour.g, rule_colour.b);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, margin_left, 50);
        cairo_line_to(cr, margin_left + text_width, 50);
        cairo_stroke(cr);
        draw_text_at(cr, page_label, small,
                     margin_left, page_height - 40, text_width, Align::right);
    }
}

/// The cover's title block; returns where it ends.
double draw_title_page(cairo_t* cr, const PdfTitlePage& t) {
    cairo_set_source_rgb(cr, palette[0].r, palette[0].g, palette[0].b);
    cairo_rectangle(cr, 0, 0, page_width, 12);
    cairo_fill(cr);
    double y = 110;
    tagged(cr, "H1", [&] {
        y += draw_text_at(cr, t.title, TextStyle{34, true, heading_colour}, margin_left, y, text_width) + 8;
    });
    tagged(cr, "P", [&] { y += draw_text_at(cr, t.subtitle, TextStyle{13, false, text_colour}, margin_left, y, text_width) + 40; });
    tagged(cr, "P", [&] { y += draw_text_at(cr, t.scope, TextStyle{24, true, text_colour}, margin_left, y, text_width) + 14; });
    for (const auto& line : t.lines)
        tagged(cr, "P", [&] { y += draw_text_at(cr, line, TextStyle{11, false, text_colour}, margin_left, y, text_width) + 4; });
    return y;
}

struct TocEntry {
    std::string title;
    int page;          ///< the PDF page the link goes to
    std::string shown; ///< the page number as printed on that page: "7", or "B1" in the annex
};

/// The table of contents from `y` down, on the cover: a page of its own was mostly blank.
void draw_contents(cairo_t* cr, const std::vector<TocEntry>& entries, double y) {
    tagged(cr, "H1", [&] { y += draw_text_at(cr, "Inhoud", h1, margin_left, y, text_width) + 18; });
    tagged(cr, "TOC", [&] {
        for (const auto& e : entries) {
            const std::string link = "page=" + std::to_string(e.page) + " pos=[" + std::to_string(static_cast<int>(margin_left)) +
                                     " " + std::to_string(static_cast<int>(margin_top)) + "]";
            tagged(cr, "TOCI", [&] {
                cairo_tag_begin(cr, CAIRO_TAG_LINK, link.c_str());
                draw_text_at(cr, e.title, TextStyle{11, false, text_colour}, margin_left, y, text_width - 40);
                draw_text_at(cr, e.shown, TextStyle{11, false, text_colour}, margin_left, y, text_width,
                             Align::right);
                cairo_tag_end(cr, CAIRO_TAG_LINK);
            });
            y += 20;
        }
    });
}

/// The text alternatives of a block's charts, in the order draw_flowing writes their Figure tags.
void collect_alts(const PdfBlock& b, std::vector<std::string>& alts) {
    if (b.kind == PdfBlock::Kind::chart) alts.push_back(b.alt);
    for (const auto& column : b.columns)
        for (const auto& part : column) collect_alts(part, alts);
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

} // namespace

PdfBlock text_block(PdfBlock::Kind kind, std::string text) {
    PdfBlock b;
    b.kind = kind;
    b.text = std::move(text);
    return b;
}

PdfBlock table_block() {
    PdfBlock b;
    b.kind = PdfBlock::Kind::table;
    return b;
}

PdfBlock chart_block(std::string title, double height) {
    PdfBlock b;
    b.kind = PdfBlock::Kind::chart;
    b.text = std::move(title);
    b.height = height;
    return b;
}

PdfBlock columns_block(std::vector<std::vector<PdfBlock>> columns) {
    PdfBlock b;
    b.kind = PdfBlock::Kind::columns;
    b.columns = std::move(columns);
    return b;
}

double pdf_text_width() { return text_width; }

double pdf_column_width(size_t n) { return column_width_of(n); }

std::string render_pdf(const PdfDocument& doc) {
    std::string bytes;
    CairoSurface surface(cairo_pdf_surface_create_for_stream(append_bytes, &bytes, page_width, page_height));
    cairo_surface_t* s = surface.get();
    const std::string date = doc.metadata.date + "T00:00:00";
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, doc.metadata.title.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, doc.metadata.subject.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, doc.metadata.author.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, doc.metadata.keywords.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "samen-sturen " SAMEN_STUREN_VERSION);
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
    Cairo context(cairo_create(s));
    cairo_t* cr = context.get();

    TextHeights heights(cr);
    const std::vector<Page> pages = paginate(heights, doc.blocks, doc.letter, doc.annex_start);
    const int first_content_page = doc.letter ? 1 : 2; // after the cover with the contents
    // The report's pages, then the annex's, each numbered on their own.
    size_t annex_page = pages.size();
    for (size_t p = 0; p < pages.size() && annex_page == pages.size(); ++p)
        if (!pages[p].empty() && pages[p].front().block >= doc.annex_start) annex_page = p;
    const int report_pages = static_cast<int>(annex_page) + first_content_page - 1;
    const int annex_pages = static_cast<int>(pages.size() - annex_page);
    auto page_label = [&](size_t p) {
        if (p < annex_page) return "Pagina " + std::to_string(static_cast<int>(p) + first_content_page) + " van " +
                                   std::to_string(report_pages);
        return "Bijlage, pagina " + std::to_string(p - annex_page + 1) + " van " + std::to_string(annex_pages);
    };
    std::vector<TocEntry> toc;
    for (size_t p = 0; p < pages.size(); ++p)
        for (const auto& placed : pages[p])
            if (doc.blocks[placed.block].kind == PdfBlock::Kind::heading)
                toc.push_back({doc.blocks[placed.block].text, static_cast<int>(p) + first_content_page,
                               p < annex_page ? std::to_string(static_cast<int>(p) + first_content_page)
                                              : "B" + std::to_string(p - annex_page + 1)});

    // The charts' text alternatives in the order their Figure tags are written.
    std::vector<std::string> alts;
    for (const auto& page : pages)
        for (const auto& placed : page) collect_alts(doc.blocks[placed.block], alts);

    tagged(cr, "Document", [&] {
        if (!doc.letter) {
            draw_contents(cr, toc, draw_title_page(cr, doc.title_page) + 36);
            cairo_show_page(cr);
        }
        for (size_t p = 0; p < pages.size(); ++p) {
            draw_page_frame(cr, doc, page_label(p));
            for (const auto& placed : pages[p]) draw_block(cr, heights, doc.blocks[placed.block], placed);
            cairo_show_page(cr);
        }
    });
    if (!doc.letter) cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, "Inhoud", "page=1", CAIRO_PDF_OUTLINE_FLAG_OPEN);
    for (const auto& e : toc)
        cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT, e.title.c_str(), ("page=" + std::to_string(e.page)).c_str(),
                                      CAIRO_PDF_OUTLINE_FLAG_OPEN);
    context.reset();
    cairo_surface_finish(s);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
        throw OutputError(std::string("PDF: ") + cairo_status_to_string(cairo_surface_status(s)));
    return add_accessibility(bytes, doc.language, alts);
}

void warm_up_fonts() {
    PdfDocument doc;
    doc.title_page = {"Samen Sturen", "Aa 0,9 € – ≤ ë", "Aa", {"Aa"}};
    doc.running_header = "Aa · € –";
    doc.metadata = {"t", "s", "a", "k", "2025-01-01"};
    PdfBlock table = table_block();
    table.table = {{"Aa", "€ 1.234,5"}, {{"Aa – ë", "12,3% <5 *"}}, {0.5, 0.5}, {false, true}};
    PdfBlock chart = chart_block("Aa", 40);
    chart.draw = [](Canvas& canvas) {
        canvas.text("Aa 0,9 € –", 0, 10, Anchor::left, false);
        canvas.text("Aa 0,9 € –", 0, 20, Anchor::left, true);
    };
    doc.blocks = {text_block(PdfBlock::Kind::heading, "Aa €"), text_block(PdfBlock::Kind::subheading, "Aa €"),
                  text_block(PdfBlock::Kind::paragraph, "Aa 0,9 € – ≤ ë"), text_block(PdfBlock::Kind::note, "Aa"),
                  std::move(table), std::move(chart)};
    (void)render_pdf(doc);
}

} // namespace ss
