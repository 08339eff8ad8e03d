# Warnings for our own targets. They are errors only with PAPERBAG_WERROR=ON (CI and the
# developer presets), never for packagers building a release.
function(paperbag_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wconversion -Wshadow -Wpedantic)
  if(PAPERBAG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(PAPERBAG_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                              -fno-sanitize-recover=undefined)
    # PUBLIC: whoever links a sanitized static library needs the sanitizer runtimes too.
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()
