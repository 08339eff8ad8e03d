// Reads a manifest through the installed library and prints the issue's title.
#include <iostream>

#include "paperbag/manifest.hpp"
#include "paperbag/version.hpp"

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    paperbag::Diagnostics diagnostics;
    const auto issue = paperbag::read_manifest(argv[1], diagnostics);
    for (const auto& d : diagnostics) std::cerr << d.format() << '\n';
    if (!issue) return 1;
    std::cout << PAPERBAG_VERSION << ' ' << issue->title << '\n';
    return 0;
}
