# Every dependency comes from Debian 12 packages (scripts/setup-deps installs them).
# Nothing is vendored and nothing is downloaded at build time.
find_package(PkgConfig REQUIRED)
find_package(LibXml2 REQUIRED)
# Debian 12's libzip CMake package references tools (zipcmp, ...) that live in other
# packages, so libzip is found through pkg-config.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET GLOBAL libzip)
# CRC-32 with PCLMUL for ZIP entries checked as an upload arrives (libdeflate-dev).
pkg_check_modules(LIBDEFLATE REQUIRED IMPORTED_TARGET GLOBAL libdeflate)
# The PDF importer: poppler's core (private headers) reads words and image areas in one pass,
# its C++ API renders pages.
pkg_check_modules(POPPLER REQUIRED IMPORTED_TARGET GLOBAL poppler poppler-cpp)
# Debian 12's Poco::DataPostgreSQL names a target PostgreSQL::client that its package does not
# define: it is libpq (libpq-dev), found through pkg-config.
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET GLOBAL libpq)
if(NOT TARGET PostgreSQL::client)
  add_library(PostgreSQL::client INTERFACE IMPORTED GLOBAL)
  target_link_libraries(PostgreSQL::client INTERFACE PkgConfig::LIBPQ)
endif()
find_package(Poco REQUIRED COMPONENTS Foundation Util JSON XML Crypto Net NetSSL Data DataSQLite
                                        DataPostgreSQL)
find_package(CLI11 REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n data)
find_package(OpenSSL REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)  # gzip output of export (zlib1g-dev, a dependency of libzip-dev)
