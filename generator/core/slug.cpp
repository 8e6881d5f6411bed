#include "core/slug.hpp"

#include <map>

namespace ss {

namespace {

// Two-byte UTF-8 Latin letters that occur in Dutch and Frisian names.
const std::map<std::string, char>& folded() {
    static const std::map<std::string, char> map = {
        {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'},
        {"ë", 'e'}, {"í", 'i'}, {"ì", 'i'}, {"î", 'i'}, {"ï", 'i'}, {"ó", 'o'}, {"ò", 'o'},
        {"ô", 'o'}, {"ö", 'o'}, {"ú", 'u'}, {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ç", 'c'},
        {"ñ", 'n'}, {"Á", 'a'}, {"É", 'e'}, {"Í", 'i'}, {"Ó", 'o'}, {"Ú", 'u'}, {"Ü", 'u'},
        {"Ö", 'o'}, {"Ë", 'e'}, {"Ï", 'i'}, {"Â", 'a'}, {"Ê", 'e'}, {"Ô", 'o'}, {"Û", 'u'}};
    return map;
}

} // namespace

std::string slugify(std::string_view name) {
    std::string slug;
    bool pending_hyphen = false;
    auto put = [&](char c) {
        if (pending_hyphen && !slug.empty()) slug += '-';
        pending_hyphen = false;
        slug += c;
    };
    for (size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(name[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) put(static_cast<char>(c));
        else if (c >= 'A' && c <= 'Z') put(static_cast<char>(c - 'A' + 'a'));
        else if (c == '\'') continue; // 's-Gravenhage -> s-gravenhage
        else if (c >= 0xC0 && i + 1 < name.size()) {
            auto it = folded().find(std::string(name.substr(i, 2)));
            if (it != folded().end()) put(it->second);
            else pending_hyphen = true;
            ++i;
        } else pending_hyphen = true;
    }
    return slug.empty() ? "x" : slug;
}

std::string lower_ascii(std::string_view name) {
    std::string lower(name);
    for (auto& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

} // namespace ss
