# Script mode: fails when any C++ file under include/, src/, tests/, bench/ or fuzz/ is not
# formatted as .clang-format says.
file(GLOB_RECURSE files
  ${ROOT}/include/*.hpp ${ROOT}/src/*.cpp ${ROOT}/src/*.hpp ${ROOT}/tests/*.cpp
  ${ROOT}/tests/*.hpp ${ROOT}/bench/*.cpp ${ROOT}/fuzz/*.cpp)
list(SORT files)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror --style=file ${files}
                RESULT_VARIABLE rc ERROR_VARIABLE errors)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "Unformatted code; run scripts/format.\n${errors}")
endif()
