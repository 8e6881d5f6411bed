#include "chart/chart_text.hpp"

#include <unordered_map>

#include <pango/pangocairo.h>

#include "chart/cairo_handles.hpp"
#include "format/dutch.hpp"

namespace ss::chart_text {

namespace {

/// A Pango layout on a tiny image surface with the metrics of a PDF (no hinting), one per
/// thread and weight, reused for every measure.
class Measurer {
public:
    Measurer() : surface_(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)), cr_(cairo_create(surface_.get())) {
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        cairo_set_font_options(cr_.get(), options);
        cairo_font_options_destroy(options);
        for (int bold = 0; bold < 2; ++bold) {
            layouts_[bold].reset(pango_cairo_create_layout(cr_.get()));
            FontDescription font(pango_font_description_new());
            pango_font_description_set_family(font.get(), font_family);
            pango_font_description_set_absolute_size(font.get(), font_size * PANGO_SCALE);
            pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
            pango_layout_set_font_description(layouts_[bold].get(), font.get());
        }
    }

    Extent measure(const std::string& text, bool bold) {
        auto& cache = cache_[bold ? 1 : 0];
        if (auto it = cache.find(text); it != cache.end()) return it->second;
        if (cache.size() > 20000) cache.clear(); // labels repeat; names and notes do not need keeping
        PangoLayout* layout = layouts_[bold ? 1 : 0].get();
        pango_layout_set_text(layout, text.c_str(), static_cast<int>(text.size()));
        int w, h;
        pango_layout_get_size(layout, &w, &h);
        const Extent e{static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE,
                       static_cast<double>(pango_layout_get_baseline(layout)) / PANGO_SCALE};
        cache.emplace(text, e);
        return e;
    }

private:
    CairoSurface surface_;
    Cairo cr_;
    PangoLayoutPtr layouts_[2];
    std::unordered_map<std::string, Extent> cache_[2];
};

/// The text without its last UTF-8 character.
void drop_last_character(std::string& s) {
    while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    if (!s.empty()) s.pop_back();
}

std::string with_ellipsis(std::string line, double width) {
    while (!line.empty() && measure_text(line + "…").width > width) drop_last_character(line);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "…";
}

} // namespace

Extent measure_text(const std::string& text, bool bold) {
    thread_local Measurer measurer;
    return measurer.measure(text, bold);
}

Extent draw_text(Canvas& canvas, const std::string& text, double x, double y, Anchor anchor, const Rgb& colour,
                 bool bold) {
    canvas.set_colour(colour);
    canvas.text(text, x, y, anchor, bold);
    return canvas.measure(text, bold);
}

std::vector<std::string> fit_lines(const std::string& text, double width, int max_lines) {
    std::vector<std::string> lines;
    std::string line;
    size_t at = 0;
    auto fits = [&](const std::string& s) { return measure_text(s).width <= width; };
    while (at < text.size()) {
        size_t end = text.find(' ', at);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(at, end - at);
        at = end + 1;
        const std::string joined = line.empty() ? word : line + " " + word;
        if (fits(joined)) {
            line = joined;
            continue;
        }
        if (!line.empty()) {
            lines.push_back(line);
            line.clear();
        }
        // A word wider than the line is broken inside, with a hyphen where one fits.
        while (!fits(word)) {
            std::string head = word;
            while (head.size() > 1 && !fits(head + "-")) drop_last_character(head);
            lines.push_back(fits(head + "-") ? head + "-" : head);
            word.erase(0, head.size());
        }
        line = word;
    }
    if (!line.empty()) lines.push_back(line);
    if (static_cast<int>(lines.size()) > max_lines) {
        lines.resize(static_cast<size_t>(max_lines));
        lines.back() = with_ellipsis(lines.back(), width);
    }
    return lines;
}


} // namespace ss::chart_text
