# Warnings for planc's own code, and the optional sanitizer build.
add_library(planc_warnings INTERFACE)
target_compile_options(planc_warnings INTERFACE -Wall -Wextra -Wpedantic
  -Wno-unused-parameter)

if(PLANC_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# Coverage instrumentation for libFuzzer on every target, so the fuzzer
# sees into the parser and the stages; fuzz/ links the driver.
if(PLANC_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
