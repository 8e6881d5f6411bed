// libFuzzer target: loading report definitions, code labels and Mustache templates from any text.
// A broken template is an InputError naming the file, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include <kainjow/mustache.hpp>

#include "core/errors.hpp"
#include "report/report_definition.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        (void)ss::parse_report_definition("fuzz.json", text);
    } catch (const ss::InputError&) {
    }
    try {
        (void)ss::parse_code_labels("fuzz.json", text);
    } catch (const ss::InputError&) {
    }
    kainjow::mustache::mustache page{text};
    if (page.is_valid()) {
        kainjow::mustache::data d;
        d.set("title", "<b>&\"'");
        kainjow::mustache::data items{kainjow::mustache::data::type::list};
        items.push_back(kainjow::mustache::data{"een"});
        d.set("items", items);
        (void)page.render(d);
    }
    return 0;
}
