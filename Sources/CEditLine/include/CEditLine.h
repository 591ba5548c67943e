// libedit for Swift, loaded only when a chat at a terminal needs it.
//
// koshi does not link libedit: the library and the three it needs (libtinfo, libbsd, libmd) would
// be loaded by every run, scripts and the stream included, and that was a third of koshi's
// start-up. `koshi_editline_load` opens it with dlopen the first time a line editor is made; every
// other function here calls through the pointers it found. They also wrap el_wset and history_w,
// which are C variadic functions that Swift cannot call. Also here: the terminal's width (ioctl is
// variadic too) and the locale libedit needs for UTF-8.
#ifndef KOSHI_CEDITLINE_H
#define KOSHI_CEDITLINE_H

#include <histedit.h>
#include <wchar.h>

/// Opens libedit and finds the functions koshi uses. Returns NULL when they are ready (also on
/// every later call), or a description of what failed; it can be tried again.
const char *koshi_editline_load(void);

EditLine *koshi_el_init(const char *program);
void koshi_el_end(EditLine *el);
const wchar_t *koshi_el_wgets(EditLine *el, int *count);
const LineInfoW *koshi_el_wline(EditLine *el);
void koshi_el_cursor(EditLine *el, int count);
void koshi_el_deletestr(EditLine *el, int count);
int koshi_el_winsertstr(EditLine *el, const wchar_t *text);

int koshi_el_set_wprompt_esc(EditLine *el, wchar_t *(*prompt)(EditLine *), wchar_t escape);
int koshi_el_set_editor(EditLine *el, const wchar_t *mode);
int koshi_el_set_signal(EditLine *el, int on);
/// Sets a termcap capability (by its two-letter name) for libedit's display; an empty value
/// takes it away.
int koshi_el_set_capability(EditLine *el, const wchar_t *name, const wchar_t *value);
int koshi_el_set_history(EditLine *el, HistoryW *history);
int koshi_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help,
                          unsigned char (*function)(EditLine *, wint_t));
int koshi_el_bind(EditLine *el, const wchar_t *key, const wchar_t *function);

HistoryW *koshi_history_init(void);
void koshi_history_end(HistoryW *history);
int koshi_history_set_size(HistoryW *history, int size);
int koshi_history_set_unique(HistoryW *history, int unique);
int koshi_history_enter(HistoryW *history, const wchar_t *line);
int koshi_history_load(HistoryW *history, const char *path);
int koshi_history_save(HistoryW *history, const char *path);

/// The terminal's width in columns, or 0 when it cannot be told. Needs no libedit.
int koshi_terminal_columns(int fd);

/// Makes sure multibyte input works: in the C locale libedit drops every non-ASCII byte.
void koshi_use_utf8_locale(void);

#endif
