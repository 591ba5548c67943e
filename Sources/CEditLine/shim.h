// libedit for Swift: el_set, el_wset and history_w are C variadic functions, which Swift cannot
// call, so the few calls koshi needs are wrapped here in fixed-argument inline functions. Also
// here: the terminal's width (ioctl is variadic too) and the locale libedit needs for UTF-8.
#ifndef KOSHI_CEDITLINE_SHIM_H
#define KOSHI_CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <wchar.h>

/// Swift 6 rejects glibc's stdin/stdout/stderr globals, so el_init gets them here.
static inline EditLine *koshi_el_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

static inline int koshi_el_set_wprompt_esc(EditLine *el, wchar_t *(*prompt)(EditLine *), wchar_t escape) {
    return el_wset(el, EL_PROMPT_ESC, prompt, escape);
}

static inline int koshi_el_set_editor(EditLine *el, const wchar_t *mode) {
    return el_wset(el, EL_EDITOR, mode);
}

static inline int koshi_el_set_signal(EditLine *el, int on) {
    return el_wset(el, EL_SIGNAL, on);
}

/// Sets a termcap capability (by its two-letter name) for libedit's display; an empty value
/// takes it away.
static inline int koshi_el_set_capability(EditLine *el, const wchar_t *name, const wchar_t *value) {
    return el_wset(el, EL_SETTC, name, value, NULL);
}

static inline int koshi_el_set_history(EditLine *el, HistoryW *history) {
    return el_wset(el, EL_HIST, history_w, history);
}

static inline int koshi_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help,
                                        unsigned char (*function)(EditLine *, wint_t)) {
    return el_wset(el, EL_ADDFN, name, help, function);
}

static inline int koshi_el_bind(EditLine *el, const wchar_t *key, const wchar_t *function) {
    return el_wset(el, EL_BIND, key, function, NULL);
}

static inline int koshi_history_set_size(HistoryW *history, int size) {
    HistEventW event;
    return history_w(history, &event, H_SETSIZE, size);
}

static inline int koshi_history_set_unique(HistoryW *history, int unique) {
    HistEventW event;
    return history_w(history, &event, H_SETUNIQUE, unique);
}

static inline int koshi_history_enter(HistoryW *history, const wchar_t *line) {
    HistEventW event;
    return history_w(history, &event, H_ENTER, line);
}

static inline int koshi_history_load(HistoryW *history, const char *path) {
    HistEventW event;
    return history_w(history, &event, H_LOAD, path);
}

static inline int koshi_history_save(HistoryW *history, const char *path) {
    HistEventW event;
    return history_w(history, &event, H_SAVE, path);
}

/// The terminal's width in columns, or 0 when it cannot be told.
static inline int koshi_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0) return size.ws_col;
    return 0;
}

/// Makes sure multibyte input works: in the C locale libedit drops every non-ASCII byte.
static inline void koshi_use_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
}

#endif
