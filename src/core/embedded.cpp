#include "core/embedded.hpp"

namespace paperbag::builtin {

std::string_view embedded_file(std::string_view name) {
    for (const EmbeddedFile& file : embedded_files())
        if (file.name == name) return file.bytes;
    return {};
}

}  // namespace paperbag::builtin
