// --from --to --title --title-contains --lang --type, shared by export and stats so that both
// take the same issues and records (paperbag/export_filter.hpp, docs/export.md#filters).
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "paperbag/export_filter.hpp"

namespace paperbag::cli {

struct FilterCliOptions {
    std::string from;
    std::string to;
    std::vector<std::string> titles;
    std::vector<std::string> title_contains;
    std::string language;
    std::string type;
};

// `title_help` and `lang_help` say what else --title and --lang mean for the command (export
// also uses them as the metadata of page text files).
void add_filter_options(CLI::App* sub, FilterCliOptions& options, const std::string& title_help,
                        const std::string& lang_help);

// The filter the options describe. Throws Error (PB-USAGE) for a date that is not YYYY,
// YYYY-MM or YYYY-MM-DD, a reversed range, an unknown type or language tag.
ExportFilter make_filter(const FilterCliOptions& options);

}  // namespace paperbag::cli
