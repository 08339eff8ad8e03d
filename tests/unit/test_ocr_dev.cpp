// Every file of ../shared/ocr-dev (real ALTO 1.x-4.x, hOCR and PAGE from libraries and OCR
// engines) imports: its words, in the file's reading order, equal the source's own text (word
// for word, hyphenation joined once), and every box lies inside its page. The reference text
// is taken here with libxml2's tree API, independently of the streaming readers. Skipped (with
// a message) when ../shared is not beside the repository.
#include <doctest/doctest.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>

#include "io/file.hpp"
#include "ocr/ocr_page.hpp"

using namespace paperbag;
namespace fs = std::filesystem;

namespace {

fs::path ocr_dev() {
    return fs::path(PAPERBAG_SHARED_DIR) / "ocr-dev";
}

std::vector<fs::path> ocr_files() {
    std::vector<fs::path> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(ocr_dev(), ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!it->is_regular_file() || name == "README.md" || name == "SHA256SUMS" ||
            name.find("mets") != std::string::npos)
            continue;
        out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

bool is(const xmlNode* n, const char* name) {
    return n->type == XML_ELEMENT_NODE &&
           std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}
std::string prop(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}
std::string text_of(const xmlNode* n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}
void split(const std::string& text, std::vector<std::string>& out) {
    std::string word;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool space = i == text.size() || text[i] == ' ' || text[i] == '\n' ||
                           text[i] == '\t' || text[i] == '\r' ||
                           text.compare(i, 2, "\xC2\xA0") == 0;
        if (!space) {
            word += text[i];
            continue;
        }
        if (!word.empty()) out.push_back(word);
        word.clear();
        if (i < text.size() && text.compare(i, 2, "\xC2\xA0") == 0) ++i;
    }
}

// Reference words per block (ALTO TextBlock ID / PAGE TextRegion id), in document order.
struct Reference {
    std::vector<std::pair<std::string, std::vector<std::string>>> blocks;
    std::vector<std::string> all() const {
        std::vector<std::string> out;
        for (const auto& [id, words] : blocks) out.insert(out.end(), words.begin(), words.end());
        return out;
    }
};

void alto_reference(const xmlNode* n, Reference& ref, bool& joined) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is(c, "TextBlock")) ref.blocks.push_back({prop(c, "ID"), {}});
        if (is(c, "String")) {
            const std::string subs_type = prop(c, "SUBS_TYPE");
            if (subs_type == "HypPart2" && joined) {
                joined = false;
                continue;
            }
            joined = subs_type == "HypPart1" && !prop(c, "SUBS_CONTENT").empty();
            std::vector<std::string> w;
            split(joined ? prop(c, "SUBS_CONTENT") : prop(c, "CONTENT"), w);
            auto& words = ref.blocks.back().second;
            words.insert(words.end(), w.begin(), w.end());
        } else if (is(c, "HYP") && !joined && !ref.blocks.empty() &&
                   !ref.blocks.back().second.empty()) {
            std::string& last = ref.blocks.back().second.back();
            if (!last.ends_with("-")) last += "-";
        }
        alto_reference(c, ref, joined);
    }
}

void hocr_reference(const xmlNode* n, Reference& ref) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string cls = prop(c, "class");
        if (cls == "ocrx_word") {
            // Characters in ocrx_cinfo spans (tesseract's hocr_char_boxes) make one word.
            std::string chars;
            for (const xmlNode* ch = c->children; ch; ch = ch->next)
                if (ch->type == XML_ELEMENT_NODE && prop(ch, "class") == "ocrx_cinfo")
                    chars += text_of(ch);
            split(chars.empty() ? text_of(c) : chars, ref.blocks.back().second);
            continue;
        }
        if (cls == "ocr_line" || cls == "ocr_header" || cls == "ocr_caption" ||
            cls == "ocr_textfloat") {
            bool has_words = false;
            for (const xmlNode* w = c->children; w; w = w->next)
                if (w->type == XML_ELEMENT_NODE) has_words = true;
            if (!has_words) {
                split(text_of(c), ref.blocks.back().second);
                continue;
            }
        }
        hocr_reference(c, ref);
    }
}

const xmlNode* first(const xmlNode* n, const char* name) {
    for (const xmlNode* c = n->children; c; c = c->next)
        if (is(c, name)) return c;
    return nullptr;
}
const xmlNode* equiv(const xmlNode* n) {
    const xmlNode* found = nullptr;
    for (const xmlNode* c = n->children; c; c = c->next)
        if (is(c, "TextEquiv")) {
            if (prop(c, "index") == "1") return c;
            if (!found) found = c;
        }
    return found;
}

void page_reference(const xmlNode* n, Reference& ref, std::vector<std::string>& order) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string ref_id = prop(c, "regionRef");
        if (!ref_id.empty()) order.push_back(ref_id);
        if (is(c, "TextRegion")) {
            ref.blocks.push_back({prop(c, "id"), {}});
            auto& words = ref.blocks.back().second;
            bool lines = false;
            for (const xmlNode* l = c->children; l; l = l->next) {
                if (!is(l, "TextLine")) continue;
                lines = true;
                bool any = false;
                for (const xmlNode* w = l->children; w; w = w->next)
                    if (is(w, "Word") && equiv(w)) {
                        split(text_of(first(equiv(w), "Unicode")), words);
                        any = true;
                    }
                if (!any && equiv(l)) split(text_of(first(equiv(l), "Unicode")), words);
            }
            if (!lines && equiv(c)) split(text_of(first(equiv(c), "Unicode")), words);
        }
        page_reference(c, ref, order);
    }
}

void check_inside(const Box& b, const layout::LayoutPage& page) {
    CHECK(b.hpos >= 0);
    CHECK(b.vpos >= 0);
    CHECK(b.width >= 0);
    CHECK(b.height >= 0);
    CHECK(b.hpos + b.width <= page.width);
    CHECK(b.vpos + b.height <= page.height);
}

}  // namespace

TEST_CASE("ocr-dev: every file imports, its text equals the source's, every box is on its page") {
    if (!fs::exists(ocr_dev())) {
        MESSAGE("skipped: ../shared/ocr-dev is not beside the repository");
        return;
    }
    const auto files = ocr_files();
    CHECK(files.size() >= 30);
    for (const fs::path& file : files) {
        CAPTURE(file.string());
        const std::string bytes = read_file(file);
        const ocr::OcrPage page = ocr::read_ocr(bytes, {file.filename().string(), 1});
        const layout::LayoutPage& layout = page.layout;
        REQUIRE(layout.width > 0);
        REQUIRE(layout.height > 0);
        std::size_t boxes = 0;
        for (const layout::Region& r : layout.regions) {
            check_inside(r.box, layout);
            for (const TextLine& line : r.lines) {
                REQUIRE_FALSE(line.words.empty());
                if (line.box) check_inside(*line.box, layout), ++boxes;
                for (const Word& w : line.words)
                    if (w.box) check_inside(*w.box, layout), ++boxes;
            }
        }
        for (const Graphic& g : layout.graphics) check_inside(g.box, layout);
        CHECK(boxes > 0);

        // The reader's words, per region and in its order.
        std::vector<std::string> got;
        std::map<std::string, std::vector<std::string>> got_by_id;
        for (const layout::Region& r : layout.regions) {
            std::vector<std::string> words;
            for (const TextLine& line : r.lines)
                for (const Word& w : line.words) split(w.text, words);
            got.insert(got.end(), words.begin(), words.end());
            if (!r.source_id.empty()) got_by_id[r.source_id] = words;
        }

        Reference ref;
        std::vector<std::string> order;
        xmlDoc* doc = nullptr;
        if (page.format == ocr::Format::hocr) {
            doc = htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
            REQUIRE(doc != nullptr);
            ref.blocks.push_back({"", {}});
            hocr_reference(xmlDocGetRootElement(doc), ref);
            CHECK(got == ref.all());
        } else {
            doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                XML_PARSE_NONET);
            REQUIRE(doc != nullptr);
            bool joined = false;
            if (page.format == ocr::Format::alto)
                alto_reference(xmlDocGetRootElement(doc), ref, joined);
            else
                page_reference(xmlDocGetRootElement(doc), ref, order);
            // Per block: the same words.
            for (const auto& entry : ref.blocks) {
                // Named, not structured bindings: clang 14 does not capture those.
                const auto& id = entry.first;
                const auto& words = entry.second;
                if (id.empty() || words.empty()) continue;
                CAPTURE(id);
                CHECK(got_by_id[id] == words);
            }
            if (!layout.reading_order_given) {
                CHECK(got == ref.all());
            } else if (page.format == ocr::Format::page) {
                // Regions in the order the ReadingOrder names them.
                std::vector<std::string> expected;
                for (const std::string& id : order)
                    for (const auto& [block_id, words] : ref.blocks)
                        if (block_id == id && !words.empty()) expected.push_back(id);
                std::vector<std::string> seen;
                for (const layout::Region& r : layout.regions) seen.push_back(r.source_id);
                seen.resize(std::min(seen.size(), expected.size()));
                CHECK(seen == expected);
            }
        }
        xmlFreeDoc(doc);
        MESSAGE(file.filename().string() << ": " << page.version << ", " << layout.regions.size()
                                         << " regions, " << got.size() << " words, " << layout.width
                                         << "x" << layout.height << " " << layout.unit);
    }
}
