// libFuzzer entry point for ZIP-backed validation (`paperbag validate bundle.zip`): each input
// is a ZIP whose XML entries go through the validator (XML guard, libxml2, the schemas the
// catalog provides -- set XML_CATALOG_FILES to ../shared/schemas/catalog.xml for full depth --
// and the profile rules). Small entries are parsed whole and large ones streamed, so the
// stream threshold is lowered to reach both paths.
//
// Findings are fine; paperbag::Error escaping validate() or any other exception is a crash.
#include <cstddef>
#include <cstdint>

#include "fuzz_file.hpp"
#include "paperbag/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace paperbag;
    const auto path = fuzz::write_scratch("input.zip", data, size);
    ValidateOptions options;
    options.inputs = {path.string()};
    options.profile = Profile::paperbag;
    options.jobs = 1;
    options.stream_threshold = 4096;
    static const Validator* validator = nullptr;  // catalogs are process-global: load once
    if (validator == nullptr) validator = new Validator(options);
    const ValidationRun run = validator->validate();
    (void)run;
    return 0;
}
