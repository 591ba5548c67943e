#include "CEditLine.h"

#include <dlfcn.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

/// libedit's functions, found by `koshi_editline_load`. Only the main thread makes a line editor.
static struct {
    EditLine *(*el_init)(const char *, FILE *, FILE *, FILE *);
    void (*el_end)(EditLine *);
    const wchar_t *(*el_wgets)(EditLine *, int *);
    const LineInfoW *(*el_wline)(EditLine *);
    void (*el_cursor)(EditLine *, int);
    void (*el_deletestr)(EditLine *, int);
    int (*el_winsertstr)(EditLine *, const wchar_t *);
    int (*el_wset)(EditLine *, int, ...);
    HistoryW *(*history_winit)(void);
    void (*history_wend)(HistoryW *);
    int (*history_w)(HistoryW *, HistEventW *, int, ...);
} libedit;

static void *library;

const char *koshi_editline_load(void) {
    if (library != NULL) return NULL;
    // Debian's libedit2 installs the versioned name; the bare one comes only with libedit-dev.
    static char problem[256];
    void *opened = dlopen("libedit.so.2", RTLD_NOW | RTLD_LOCAL);
    if (opened == NULL) {
        // The first failure says most (the library people have); keep it over the second.
        snprintf(problem, sizeof problem, "%s", dlerror());
        opened = dlopen("libedit.so", RTLD_NOW | RTLD_LOCAL);
    }
    if (opened == NULL) return problem;
#define FIND(name)                                                  \
    *(void **)&libedit.name = dlsym(opened, #name);                 \
    if (libedit.name == NULL) {                                     \
        snprintf(problem, sizeof problem, "libedit has no %s", #name); \
        dlclose(opened);                                            \
        return problem;                                             \
    }
    FIND(el_init)
    FIND(el_end)
    FIND(el_wgets)
    FIND(el_wline)
    FIND(el_cursor)
    FIND(el_deletestr)
    FIND(el_winsertstr)
    FIND(el_wset)
    FIND(history_winit)
    FIND(history_wend)
    FIND(history_w)
#undef FIND
    library = opened;
    return NULL;
}

/// Swift 6 rejects glibc's stdin/stdout/stderr globals, so el_init gets them here.
EditLine *koshi_el_init(const char *program) { return libedit.el_init(program, stdin, stdout, stderr); }
void koshi_el_end(EditLine *el) { libedit.el_end(el); }
const wchar_t *koshi_el_wgets(EditLine *el, int *count) { return libedit.el_wgets(el, count); }
const LineInfoW *koshi_el_wline(EditLine *el) { return libedit.el_wline(el); }
void koshi_el_cursor(EditLine *el, int count) { libedit.el_cursor(el, count); }
// libedit's narrow and wide calls are the same function for deleting.
void koshi_el_deletestr(EditLine *el, int count) { libedit.el_deletestr(el, count); }
int koshi_el_winsertstr(EditLine *el, const wchar_t *text) { return libedit.el_winsertstr(el, text); }

int koshi_el_set_wprompt_esc(EditLine *el, wchar_t *(*prompt)(EditLine *), wchar_t escape) {
    return libedit.el_wset(el, EL_PROMPT_ESC, prompt, escape);
}

int koshi_el_set_editor(EditLine *el, const wchar_t *mode) { return libedit.el_wset(el, EL_EDITOR, mode); }

int koshi_el_set_signal(EditLine *el, int on) { return libedit.el_wset(el, EL_SIGNAL, on); }

int koshi_el_set_capability(EditLine *el, const wchar_t *name, const wchar_t *value) {
    return libedit.el_wset(el, EL_SETTC, name, value, NULL);
}

int koshi_el_set_history(EditLine *el, HistoryW *history) {
    return libedit.el_wset(el, EL_HIST, libedit.history_w, history);
}

int koshi_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help,
                          unsigned char (*function)(EditLine *, wint_t)) {
    return libedit.el_wset(el, EL_ADDFN, name, help, function);
}

int koshi_el_bind(EditLine *el, const wchar_t *key, const wchar_t *function) {
    return libedit.el_wset(el, EL_BIND, key, function, NULL);
}

HistoryW *koshi_history_init(void) { return libedit.history_winit(); }
void koshi_history_end(HistoryW *history) { libedit.history_wend(history); }

int koshi_history_set_size(HistoryW *history, int size) {
    HistEventW event;
    return libedit.history_w(history, &event, H_SETSIZE, size);
}

int koshi_history_set_unique(HistoryW *history, int unique) {
    HistEventW event;
    return libedit.history_w(history, &event, H_SETUNIQUE, unique);
}

int koshi_history_enter(HistoryW *history, const wchar_t *line) {
    HistEventW event;
    return libedit.history_w(history, &event, H_ENTER, line);
}

int koshi_history_load(HistoryW *history, const char *path) {
    HistEventW event;
    return libedit.history_w(history, &event, H_LOAD, path);
}

int koshi_history_save(HistoryW *history, const char *path) {
    HistEventW event;
    return libedit.history_w(history, &event, H_SAVE, path);
}

int koshi_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0) return size.ws_col;
    return 0;
}

void koshi_use_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
        setlocale(LC_CTYPE, "C.UTF-8");
    }
}
