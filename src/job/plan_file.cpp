// The plan file: one JSON line per issue, written atomically, read back with line numbers.
#include "paperbag/plan.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <set>

#include "core/digest.hpp"
#include "export/json_text.hpp"
#include "io/atomic_file.hpp"

namespace paperbag {

namespace {

constexpr const char* kinds[] = {"issue-folder", "mets-folder", "pdf", "bundle"};

PlanKind kind_from(const std::string& text, const std::string& path, std::uint64_t line) {
    for (std::size_t i = 0; i < std::size(kinds); ++i)
        if (text == kinds[i]) return static_cast<PlanKind>(i);
    throw Error(make_error("PB-PLAN-SYNTAX", path, line, "unknown kind '" + text + "'"));
}

}  // namespace

std::string plan_line(const PlanItem& item) {
    std::string out = "{\"key\":";
    exporting::append_json_string(out, item.key);
    out += ",\"kind\":";
    exporting::append_json_string(out, to_string(item.kind));
    out += ",\"path\":";
    exporting::append_json_string(out, item.path.generic_string());
    out += ",\"size\":" + std::to_string(item.size) + ",\"digest\":";
    exporting::append_json_string(out, item.digest);
    out += '}';
    return out;
}

PlanItem parse_plan_line(std::string_view text, const std::string& path, std::uint64_t line) {
    PlanItem item;
    try {
        Poco::JSON::Parser parser;
        const Poco::JSON::Object::Ptr object =
            parser.parse(std::string(text)).extract<Poco::JSON::Object::Ptr>();
        if (!object) throw Poco::Exception("not a JSON object");
        item.key = object->getValue<std::string>("key");
        item.kind = kind_from(object->getValue<std::string>("kind"), path, line);
        item.path = object->getValue<std::string>("path");
        item.size = object->getValue<std::uint64_t>("size");
        item.digest = object->optValue<std::string>("digest", "");
    } catch (const Error&) {
        throw;
    } catch (const Poco::Exception& e) {
        throw Error(make_error(
            "PB-PLAN-SYNTAX", path, line,
            "not a plan line {\"key\",\"kind\",\"path\",\"size\",\"digest\"}: " + e.displayText()));
    } catch (const std::exception& e) {
        throw Error(
            make_error("PB-PLAN-SYNTAX", path, line, std::string("not a plan line: ") + e.what()));
    }
    if (item.key.empty() || item.path.empty())
        throw Error(make_error("PB-PLAN-SYNTAX", path, line, "empty key or path"));
    return item;
}

void write_plan(const std::vector<PlanItem>& items, const std::filesystem::path& file) {
    AtomicFile out(file);
    std::string chunk;
    for (const PlanItem& item : items) {
        chunk += plan_line(item);
        chunk += '\n';
        if (chunk.size() > (std::size_t{1} << 16)) {
            out.write(chunk);
            chunk.clear();
        }
    }
    out.write(chunk);
    out.commit();
}

Plan read_plan(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw_system_error("cannot open", file.string());
    Plan plan;
    Digest digest(DigestAlgorithm::sha256);
    std::set<std::string> keys;
    std::string text;
    std::uint64_t line = 0;
    while (std::getline(in, text)) {
        ++line;
        digest.update(text);
        if (!in.eof()) digest.update("\n");
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        PlanItem item = parse_plan_line(text, file.string(), line);
        if (!keys.insert(item.key).second)
            throw Error(make_error("PB-PLAN-DUPLICATE", file.string(), line,
                                   "the key '" + item.key + "' is listed twice"));
        plan.items.push_back(std::move(item));
    }
    if (in.bad()) throw_system_error("cannot read", file.string());
    plan.digest = "sha256:" + digest.finish_hex();
    return plan;
}

}  // namespace paperbag
