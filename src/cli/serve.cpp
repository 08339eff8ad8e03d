// paperbag serve: the SWORD v2 intake server; `serve add-depositor` issues tokens.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/frame.hpp"
#include "paperbag/deposit.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag::cli {

namespace {

struct ServeCliOptions {
    ServeOptions serve;
    std::string store;
    std::string max_upload = "2G";
    std::string access_log;
    std::string depositor;
};

}  // namespace

void setup_serve(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ServeCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "serve",
        "Run the SWORD v2 intake server: depositors upload bundles, which are verified, "
        "stored and recorded in the holdings ledger (docs/deposit.md)");
    sub->add_option("--store", o->store, "The store folder (bundles, ledger, depositors)");
    sub->add_option("--listen", o->serve.listen, "HOST:PORT to listen on (port 0: any free port)")
        ->capture_default_str();
    sub->add_option(
        "--ledger", o->serve.ledger,
        "sqlite:FILE or postgresql://user@host:port/db (default sqlite:STORE/ledger.sqlite)");
    sub->add_option("--tls-cert", o->serve.tls_cert, "PEM certificate: serve HTTPS");
    sub->add_option("--tls-key", o->serve.tls_key, "PEM private key of --tls-cert");
    sub->add_flag("--insecure", o->serve.insecure,
                  "Allow plain HTTP on a non-loopback address (behind a TLS proxy)");
    sub->add_option("--max-upload", o->max_upload, "Largest upload accepted (e.g. 500M, 2G)")
        ->capture_default_str();
    sub->add_option("-j,--jobs", o->serve.jobs, "Worker threads")->capture_default_str();
    sub->add_option("--staff", o->serve.staff,
                    "A depositor who is library staff: sees every review at /view/<deposit>/ "
                    "with corrections (repeatable)");
    sub->add_option("--queue", o->serve.queue, "Connections waiting for a free worker")
        ->capture_default_str();
    sub->add_option("--timeout", o->serve.timeout,
                    "Seconds a client may stay silent; also the grace before --min-rate applies")
        ->capture_default_str();
    sub->add_option("--min-rate", o->serve.min_rate, "Bytes per second an upload must average")
        ->capture_default_str();
    sub->add_option("--quarantine-days", o->serve.quarantine_days,
                    "Days refused uploads are kept in STORE/.quarantine")
        ->capture_default_str();
    sub->add_option("--access-log", o->access_log,
                    "Access log (Combined Log Format; default STORE/access.log, '-' stderr)");
    sub->require_subcommand(0, 1);

    CLI::App* add = sub->add_subcommand(
        "add-depositor", "Create a depositor (or replace its token) and print its new token once");
    add->add_option("NAME", o->depositor, "Depositor name (A-Z a-z 0-9 _ -)")->required();
    add->add_option("--store", o->store, "The store folder")->required();
    add->add_option("--ledger", o->serve.ledger, "The ledger, as for serve");
    add->callback([o, &exit_code] {
        std::cout << add_depositor(o->store, o->depositor, o->serve.ledger) << '\n';
        exit_code = exit_ok;
    });

    sub->callback([o, add, &exit_code] {
        if (add->parsed()) return;
        if (o->store.empty()) throw Error("PB-USAGE", "", "serve: --store DIR is required");
        o->serve.store = o->store;
        o->serve.max_upload = parse_size(o->max_upload, "--max-upload");
        o->serve.access_log = o->access_log;
        o->serve.announce = &std::cout;
        exit_code = run_server(o->serve);
    });
}

}  // namespace paperbag::cli
