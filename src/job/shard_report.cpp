// Shard reports as JSON: written atomically by each shard, read back by `paperbag report`.
#include "paperbag/shard_report.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "io/atomic_file.hpp"

namespace paperbag {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr const char* outcome_names[] = {"built", "skipped", "refused"};

Object::Ptr object() {
    return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Array::Ptr strings(const std::vector<std::string>& values) {
    Array::Ptr out = new Array;
    for (const std::string& v : values) out->add(v);
    return out;
}

std::vector<std::string> strings_from(const Object::Ptr& o, const std::string& name) {
    std::vector<std::string> out;
    const Array::Ptr array = o->getArray(name);
    if (array)
        for (std::size_t i = 0; i < array->size(); ++i)
            out.push_back(array->getElement<std::string>(static_cast<unsigned>(i)));
    return out;
}

ItemOutcome outcome_from(const std::string& text) {
    for (std::size_t i = 0; i < std::size(outcome_names); ++i)
        if (text == outcome_names[i]) return static_cast<ItemOutcome>(i);
    throw Poco::DataException("unknown outcome '" + text + "'");
}

}  // namespace

std::size_t ShardReport::count(ItemOutcome outcome) const {
    return static_cast<std::size_t>(std::count_if(
        items.begin(), items.end(), [&](const ShardItem& i) { return i.outcome == outcome; }));
}

std::string shard_report_json(const ShardReport& report) {
    Object::Ptr root = object();
    root->set("paperbag_shard_report", 1);
    root->set("command", report.command);
    root->set("plan", report.plan);
    root->set("plan_items", report.plan_items);
    root->set("shard", report.shard.index);
    root->set("shards", report.shard.count);
    root->set("output", report.output);
    root->set("built", report.count(ItemOutcome::built));
    root->set("skipped", report.count(ItemOutcome::skipped));
    root->set("refused", report.count(ItemOutcome::refused));
    root->set("exit_code", report.exit_code);
    Array::Ptr items = new Array;
    for (const ShardItem& item : report.items) {
        Object::Ptr o = object();
        o->set("index", item.index);
        o->set("key", item.key);
        o->set("input", item.input);
        o->set("state", item.state);
        o->set("outcome", std::string(outcome_names[static_cast<int>(item.outcome)]));
        o->set("output", item.output);
        o->set("codes", strings(item.codes));
        o->set("messages", strings(item.messages));
        items->add(o);
    }
    root->set("items", items);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(root, out, 1);
    return out.str() + "\n";
}

void write_shard_report(const ShardReport& report, const std::filesystem::path& file) {
    write_file_atomic(file, shard_report_json(report));
}

ShardReport read_shard_report(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw_system_error("cannot open", file.string());
    ShardReport report;
    try {
        Poco::JSON::Parser parser;
        const Object::Ptr root = parser.parse(in).extract<Object::Ptr>();
        if (!root || root->optValue<int>("paperbag_shard_report", 0) != 1)
            throw Poco::DataException("not a paperbag shard report");
        report.command = root->getValue<std::string>("command");
        report.plan = root->getValue<std::string>("plan");
        report.plan_items = root->getValue<std::size_t>("plan_items");
        report.shard.index = root->getValue<std::size_t>("shard");
        report.shard.count = root->getValue<std::size_t>("shards");
        report.output = root->optValue<std::string>("output", "");
        report.exit_code = root->getValue<int>("exit_code");
        if (report.shard.count == 0 || report.shard.index >= report.shard.count)
            throw Poco::DataException("shard outside 0 <= K < N");
        const Array::Ptr items = root->getArray("items");
        if (!items) throw Poco::DataException("no items");
        for (std::size_t i = 0; i < items->size(); ++i) {
            const Object::Ptr o = items->getObject(static_cast<unsigned>(i));
            if (!o) throw Poco::DataException("an item is not an object");
            ShardItem item;
            item.index = o->getValue<std::size_t>("index");
            item.key = o->getValue<std::string>("key");
            item.input = o->getValue<std::string>("input");
            item.state = o->getValue<std::string>("state");
            item.outcome = outcome_from(o->getValue<std::string>("outcome"));
            item.output = o->optValue<std::string>("output", "");
            item.codes = strings_from(o, "codes");
            item.messages = strings_from(o, "messages");
            report.items.push_back(std::move(item));
        }
    } catch (const Poco::Exception& e) {
        throw Error("PB-REPORT-SYNTAX", file.string(), "not a shard report: " + e.displayText());
    } catch (const std::exception& e) {
        throw Error("PB-REPORT-SYNTAX", file.string(),
                    std::string("not a shard report: ") + e.what());
    }
    return report;
}

}  // namespace paperbag
