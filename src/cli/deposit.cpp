// paperbag deposit: send bundles to an intake server over SWORD v2.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/frame.hpp"
#include "paperbag/deposit.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag::cli {

namespace {

struct DepositCliOptions {
    std::vector<std::string> bundles;
    std::string url;
    std::string token_file;
    DepositOptions deposit;
};

// The token from --token-file (first line) or PAPERBAG_TOKEN; never from the command line.
std::string read_token(const std::string& file) {
    std::string token;
    if (!file.empty()) {
        std::ifstream in(file);
        if (!in) throw_system_error("cannot open", file);
        std::getline(in, token);
    } else if (const char* env = std::getenv("PAPERBAG_TOKEN")) {
        token = env;
    }
    while (!token.empty() && (token.back() == '\r' || token.back() == ' ')) token.pop_back();
    return token;
}

}  // namespace

void setup_deposit(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<DepositCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "deposit",
        "Deposit bundles with an intake server (SWORD v2 binary deposit); saves each "
        "receipt as NAME.receipt.xml beside the bundle. Exit 0 all accepted, 1 any "
        "refused, 2 server unreachable");
    sub->add_option("BUNDLE", o->bundles, "Bundle files (.zip)")
        ->required()
        ->check(CLI::ExistingFile);
    sub->add_option("--to", o->url, "URL of the service document or of a collection")->required();
    sub->add_option("--token-file", o->token_file,
                    "File holding the depositor token (else the PAPERBAG_TOKEN variable)");
    sub->add_option("--retries", o->deposit.retries,
                    "Retries on connection errors and 5xx (never on 4xx)")
        ->capture_default_str();
    sub->add_option("--ca-file", o->deposit.ca_file, "HTTPS: trust this CA certificate (PEM)");
    add_progress_flag(sub);
    sub->callback([o, &exit_code] {
        o->deposit.bundles.assign(o->bundles.begin(), o->bundles.end());
        o->deposit.url = o->url;
        o->deposit.token = read_token(o->token_file);
        o->deposit.progress = progress_stream();
        exit_code = deposit_bundles(o->deposit, std::cout, std::cerr);
    });
}

}  // namespace paperbag::cli
