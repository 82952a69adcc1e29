#ifndef ENCAISSE_CREADLINE_SHIM_H
#define ENCAISSE_CREADLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Readline's configuration lives in global variables, which Swift 6 treats as unsafe shared
/// state; these small functions set them from C, once, on the main thread.
typedef char **(*encaisse_completion_fn)(const char *text, int start, int end);

static inline void encaisse_readline_configure(encaisse_completion_fn completion) {
    rl_readline_name = "encaisse";
    /* Client names hold spaces and apostrophes: words break on whitespace only. */
    rl_basic_word_break_characters = " \t\n";
    rl_attempted_completion_function = completion;
}

/// Tells readline not to fall back to file-name completion.
static inline void encaisse_readline_no_default_completion(void) {
    rl_attempted_completion_over = 1;
}
#endif
