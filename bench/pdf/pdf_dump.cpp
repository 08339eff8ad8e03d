// Prints the regions paperbag's PDF reader finds on each page of the PDFs named (a development
// aid for tuning src/pdf/group_words.cpp): box, font size, weight, lines and text.
#include <cstdio>
#include <iostream>

#include "io/file.hpp"
#include "pdf/pdf_page.hpp"

using namespace paperbag;

int main(int argc, char** argv) {
    for (int a = 1; a < argc; ++a) {
        try {
            const std::string bytes = read_file(argv[a]);
            pdf::Document document(bytes, argv[a]);
            for (int i = 0; i < document.pages(); ++i) {
                std::vector<Diagnostic> warnings;
                const auto page = pdf::read_page(document, i, "p1-", warnings);
                std::printf("== %s page %d: %.0fx%.0f %s, %zu regions, %zu graphics\n", argv[a],
                            i + 1, page.width, page.height, page.unit.c_str(), page.regions.size(),
                            page.graphics.size());
                for (const auto& g : page.graphics)
                    std::printf("  graphic %s %.0f,%.0f %.0fx%.0f\n", g.id.c_str(), g.box.hpos,
                                g.box.vpos, g.box.width, g.box.height);
                for (const auto& r : page.regions) {
                    const TextStyle* s =
                        r.style >= 0 ? &page.styles[static_cast<std::size_t>(r.style)] : nullptr;
                    std::printf("  [%.0f,%.0f %.0fx%.0f] %s %.1f%s%s lines=%zu\n", r.box.hpos,
                                r.box.vpos, r.box.width, r.box.height, s ? s->family.c_str() : "?",
                                s ? s->size : 0.0, s && s->bold ? " bold" : "",
                                r.vertical ? " vertical" : "", r.lines.size());
                    for (const auto& l : r.lines) {
                        std::string t;
                        for (const auto& w : l.words) t += (t.empty() ? "" : " ") + w.text;
                        std::printf("      | %s\n", t.c_str());
                    }
                }
                for (const auto& w : warnings) std::printf("  %s\n", w.format().c_str());
            }
        } catch (const Error& e) {
            std::printf("%s\n", e.what());
        }
    }
}
