// What the intake server's request handlers share: options, the store, the depositors, the
// public base URL and the access log.
#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <fstream>
#include <memory>
#include <mutex>
#include <string>

#include "deposit/intake.hpp"
#include "paperbag/deposit.hpp"

namespace paperbag {

// The access log in Combined Log Format. Never sees a token: the user field is the
// authenticated depositor's name, the request line has no credentials.
class AccessLog {
public:
    explicit AccessLog(const std::filesystem::path& file);
    void write(const std::string& client, const std::string& user, const std::string& request_line,
               int status, std::uint64_t bytes, const std::string& referer,
               const std::string& agent);

private:
    std::mutex mutex_;
    std::ofstream file_;
    bool to_stderr_ = false;
};

struct ServerContext {
    ServeOptions options;
    Intake intake;
    std::string base;  // "http://127.0.0.1:8080"
    AccessLog log;
};

// One handler per request: routes it, answers it, logs it.
std::unique_ptr<Poco::Net::HTTPRequestHandler> make_sword_handler(ServerContext& context);

}  // namespace paperbag
