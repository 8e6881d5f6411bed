#include "chart/svg_canvas.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <vector>

#include "chart/chart_text.hpp"

namespace ss {

namespace {

/// A coordinate with at most one decimal and no trailing zero: 12, 12.5. A tenth of a unit is a
/// fifth of a pixel at the widest a page shows a chart.
void append_number(std::string& out, double v, int decimals = 1) {
    if (std::abs(v) < 0.5 * std::pow(10.0, -decimals)) v = 0; // no "-0"
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, decimals);
    (void)ec;
    if (decimals > 0) {
        while (end > buffer && end[-1] == '0') --end;
        if (end > buffer && end[-1] == '.') --end;
    }
    out.append(buffer, end);
}

/// ` name="12.5"`: one numeric attribute.
void append_attribute(std::string& out, const char* name, double value) {
    out += ' ';
    out += name;
    out += "=\"";
    append_number(out, value);
    out += '"';
}

/// `<rect x=".." y=".." width=".." height=".."` (the tag left open for more attributes).
void open_rect(std::string& out, double x, double y, double width, double height) {
    out += "<rect";
    append_attribute(out, "x", x);
    append_attribute(out, "y", y);
    append_attribute(out, "width", width);
    append_attribute(out, "height", height);
}

std::string hex_colour(const Rgb& c) {
    static const char digits[] = "0123456789abcdef";
    std::string hex = "#";
    for (double channel : {c.r, c.g, c.b}) {
        const int v = static_cast<int>(std::lround(std::clamp(channel, 0.0, 1.0) * 255));
        hex += digits[v / 16];
        hex += digits[v % 16];
    }
    return hex;
}

/// The chart colours by name: a paint in one of them is a class of the page's style sheet
/// (chart_style_sheet), not an attribute repeated on every element.
struct NamedColour {
    const char* name;
    std::string hex; ///< as the canvas keeps its current colour: worked out once, not per element
};
const std::vector<NamedColour>& named_colours() {
    static const std::vector<NamedColour> named = [] {
        std::vector<NamedColour> n{{"t", hex_colour(text_colour)},
                                   {"m", hex_colour(muted_colour)},
                                   {"g", hex_colour(grid_colour)},
                                   {"w", hex_colour(background_colour)}};
        static const char* digits[] = {"0", "1", "2", "3", "4", "5", "6", "7"};
        for (size_t i = 0; i < std::size(palette) && i < 8; ++i) n.push_back({digits[i], hex_colour(palette[i])});
        return n;
    }();
    return named;
}

/// "m" for the muted grey, "0" for the first palette colour; empty for another colour.
std::string colour_name(const std::string& hex) {
    for (const auto& c : named_colours())
        if (c.hex == hex) return c.name;
    return "";
}

/// The line widths and dash patterns the charts draw with, by name: a class of the page's style
/// sheet (`lh`: a hairline grid) instead of an attribute on every line. Others stay attributes.
struct NamedLine {
    const char* name;
    double width;
};
constexpr NamedLine named_widths[] = {{"lh", 0.5}, {"lm", 1.4}, {"lk", 2.0}};
struct NamedDashes {
    const char* name;
    const char* pattern; ///< as the canvas writes it (append_number)
};
constexpr NamedDashes named_dashes[] = {{"dd", "4 2.5"}, {"dt", "1 2"}, {"dm", "3 2"}};

void append_escaped(std::string& out, const std::string& text) {
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
}

} // namespace

std::string chart_style_sheet() {
    // The font is set once for every chart. The text was laid out with DejaVu Sans, so that comes
    // first; the fallbacks are narrower, so that no label grows out of the space it was given.
    std::string css = "svg.chart{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:";
    append_number(css, chart_text::font_size);
    css += "px;fill:" + hex_colour(text_colour) + "}svg.chart path{fill:none}svg.chart .c{text-anchor:middle}"
           "svg.chart .e{text-anchor:end}svg.chart .b{font-weight:bold}";
    for (const auto& c : named_colours()) {
        css += std::string("svg.chart .f") + c.name + "{fill:" + c.hex + "}";
        css += std::string("svg.chart .s") + c.name + "{stroke:" + c.hex + "}";
    }
    for (const auto& w : named_widths) {
        css += std::string("svg.chart .") + w.name + "{stroke-width:";
        append_number(css, w.width);
        css += "}";
    }
    for (const auto& d : named_dashes) css += std::string("svg.chart .") + d.name + "{stroke-dasharray:" + d.pattern + "}";
    return css + "\n";
}

SvgCanvas::SvgCanvas(double width, double height, std::string id_prefix) : id_prefix_(std::move(id_prefix)) {
    // The font, the default paint and the named colours come from the page (chart_style_sheet).
    // No xmlns: the chart lives inside an HTML page, whose parser puts it in the SVG namespace.
    // No width: the page's style sheet sizes every chart (report.css), the viewBox keeps its shape.
    svg_ = "<svg class=\"chart\" viewBox=\"0 0 ";
    append_number(svg_, width);
    svg_ += ' ';
    append_number(svg_, height);
    svg_ += "\">";
}

Extent SvgCanvas::measure(const std::string& text, bool bold) { return chart_text::measure_text(text, bold); }

void SvgCanvas::set_colour(const Rgb& colour, double alpha) {
    colour_ = hex_colour(colour);
    alpha_ = alpha;
}

void SvgCanvas::set_line(double width, const std::vector<double>& dashes) {
    line_width_ = width;
    dashes_ = dashes;
}

void SvgCanvas::move_to(double x, double y) {
    path_x_.clear();
    path_y_.clear();
    append_number(path_x_, x);
    append_number(path_y_, y);
    path_ += 'M' + path_x_ + ' ' + path_y_;
}

void SvgCanvas::line_to(double x, double y) {
    std::string to_x, to_y;
    append_number(to_x, x);
    append_number(to_y, y);
    // Grid lines and axes are level or upright: H and V say so in half the characters.
    if (to_y == path_y_) path_ += 'H' + to_x;
    else if (to_x == path_x_) path_ += 'V' + to_y;
    else path_ += 'L' + to_x + ' ' + to_y;
    path_x_ = std::move(to_x);
    path_y_ = std::move(to_y);
}

void SvgCanvas::append_paint(std::string& out, const char* attribute, const std::string& more_classes) const {
    const std::string name = colour_name(colour_);
    const char prefix = attribute[0] == 'f' ? 'f' : 's';
    std::string classes = more_classes;
    if (!name.empty()) classes += (classes.empty() ? "" : " ") + std::string(1, prefix) + name;
    if (!classes.empty()) out += " class=\"" + classes + "\"";
    if (name.empty()) {
        out += ' ';
        out += attribute;
        out += "=\"" + colour_ + "\"";
    }
    if (alpha_ < 1.0) {
        out += ' ';
        out += attribute;
        out += "-opacity=\"";
        append_number(out, alpha_, 2);
        out += '"';
    }
}

void SvgCanvas::stroke() {
    if (path_.empty()) return;
    std::string classes;
    std::string attributes;
    for (const auto& w : named_widths)
        if (line_width_ == w.width) classes = w.name;
    if (classes.empty() && line_width_ != 1.0) append_attribute(attributes, "stroke-width", line_width_);
    if (!dashes_.empty()) {
        std::string pattern;
        for (size_t i = 0; i < dashes_.size(); ++i) {
            if (i) pattern += ' ';
            append_number(pattern, dashes_[i]);
        }
        const NamedDashes* named = nullptr;
        for (const auto& d : named_dashes)
            if (pattern == d.pattern) named = &d;
        if (named) classes += (classes.empty() ? "" : " ") + std::string(named->name);
        else attributes += " stroke-dasharray=\"" + pattern + "\"";
    }
    std::string style;
    append_paint(style, "stroke", classes);
    style += attributes;
    if (in_item_) {
        item_elements_.push_back({"<path d=\"" + path_ + "\"", style, "/>", "path"});
        path_.clear();
        return;
    }
    // Strokes of one style in a row (the grid lines of an axis, with their tick labels between
    // them) become one path; the labels follow it, above the lines as they were drawn.
    if (!pending_d_.empty() && style != pending_style_) flush_path();
    pending_d_ += path_;
    pending_style_ = std::move(style);
    path_.clear();
}

void SvgCanvas::close_run() {
    if (!run_out_) return;
    if (run_count_ == 1) *run_out_ += run_single_;
    else *run_out_ += "<g" + run_style_ + ">" + run_items_ + "</g>";
    run_out_ = nullptr;
    run_style_.clear();
    run_items_.clear();
    run_single_.clear();
    run_count_ = 0;
}

void SvgCanvas::emit(std::string* out, const std::string& opening, const std::string& style, const std::string& rest) {
    if (run_out_ && (run_out_ != out || run_style_ != style)) close_run();
    if (!run_out_) {
        run_out_ = out;
        run_style_ = style;
        run_single_ = opening + style + rest;
    }
    run_items_ += opening + rest;
    ++run_count_;
}

void SvgCanvas::emit_element(std::string* out, const std::string& opening, const std::string& style,
                             const std::string& rest, const char* tag) {
    if (in_item_) item_elements_.push_back({opening, style, rest, tag});
    else emit(out, opening, style, rest);
}

void SvgCanvas::flush_path() {
    close_run();
    if (pending_d_.empty()) return;
    svg_ += "<path d=\"" + pending_d_ + "\"" + pending_style_ + "/>";
    svg_ += deferred_text_;
    pending_d_.clear();
    pending_style_.clear();
    deferred_text_.clear();
}

void SvgCanvas::fill_rectangle(double x, double y, double width, double height) {
    path_.clear();
    if (!pending_d_.empty()) flush_path();
    std::string opening;
    open_rect(opening, x, y, width, height);
    std::string style;
    append_paint(style, "fill");
    emit_element(&svg_, opening, style, "/>", "rect");
}

void SvgCanvas::fill_circle(double cx, double cy, double radius) {
    path_.clear();
    if (!pending_d_.empty()) flush_path();
    std::string opening = "<circle";
    append_attribute(opening, "cx", cx);
    append_attribute(opening, "cy", cy);
    append_attribute(opening, "r", radius);
    std::string style;
    append_paint(style, "fill");
    emit_element(&svg_, opening, style, "/>", "circle");
}

void SvgCanvas::text(const std::string& text, double x, double y, Anchor anchor, bool bold) {
    path_.clear();
    const Extent e = measure(text, bold);
    // While strokes may still join the path before it, text waits behind that path.
    std::string* out = pending_d_.empty() ? &svg_ : &deferred_text_;
    std::string style;
    std::string classes = anchor == Anchor::centre ? "c" : anchor == Anchor::right ? "e" : "";
    if (bold) classes += classes.empty() ? "b" : " b";
    static const std::string text_hex = hex_colour(text_colour); // the chart's default fill
    if (colour_ != text_hex || alpha_ < 1.0) append_paint(style, "fill", classes);
    else if (!classes.empty()) style += " class=\"" + classes + "\"";
    // Text sits on whole units: half a unit is under a pixel at the widest a page shows a chart.
    std::string opening = "<text x=\"";
    append_number(opening, x, 0);
    opening += "\" y=\"";
    append_number(opening, y - e.height / 2 + e.baseline, 0);
    opening += '"';
    std::string body = ">";
    append_escaped(body, text);
    body += "</text>";
    emit_element(out, opening, style, body, "text");
}

void SvgCanvas::push_clip(double x, double y, double width, double height) {
    flush_path();
    const std::string id = id_prefix_ + "-clip" + std::to_string(++clips_);
    svg_ += "<clipPath id=\"" + id + "\">";
    open_rect(svg_, x, y, width, height);
    svg_ += "/></clipPath><g clip-path=\"url(#" + id + ")\">";
    ++open_groups_;
}

void SvgCanvas::pop_clip() {
    flush_path();
    if (open_groups_ == 0) return;
    svg_ += "</g>";
    --open_groups_;
}

void SvgCanvas::begin_item(const std::string& title) {
    if (in_item_) end_item();
    if (!pending_d_.empty()) flush_path(); // an open run of points stays open
    in_item_ = true;
    item_title_ = "<title>";
    append_escaped(item_title_, title);
    item_title_ += "</title>";
    item_elements_.clear();
}

void SvgCanvas::end_item() {
    if (!in_item_) return;
    in_item_ = false;
    // One element carries its tooltip as its own child, so that a row of points or bars of one
    // colour still shares one styled group; several (a hollow dot) share a <g> with it.
    if (item_elements_.size() == 1) {
        const ItemElement& e = item_elements_.front();
        const std::string rest = e.rest == "/>" ? ">" + item_title_ + "</" + e.tag + ">" : ">" + item_title_ + e.rest.substr(1);
        emit(&svg_, e.opening, e.style, rest);
    } else if (!item_elements_.empty()) {
        close_run();
        svg_ += "<g>" + item_title_;
        for (const auto& e : item_elements_) svg_ += e.opening + e.style + e.rest;
        svg_ += "</g>";
    }
    item_elements_.clear();
}

std::string SvgCanvas::finish() {
    end_item();
    flush_path();
    while (open_groups_ > 0) pop_clip();
    return svg_ + "</svg>";
}

} // namespace ss
