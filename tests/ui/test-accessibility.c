/* test-accessibility.c — the running application as a screen reader sees it
 *
 * Starts the real GUI (LUWTE_GUI) with accessibility on, finds it through
 * AT-SPI the way Orca does, walks its whole accessible tree and checks that
 * every control has a name and can take the keyboard focus, and that the
 * names the app sets are there. It drives the app only through AT-SPI
 * (actions and selections), not with synthesized key presses, which are
 * unreliable under Xvfb.
 *
 * Set LUWTE_A11Y_DUMP=1 to print every tree walked as test messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <atspi/atspi.h>
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "luwte-case.h"
#include "luwte-evidence.h"
#include "luwte-party.h"
#include "luwte-store.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

/* How long the GUI may take to show up on the accessibility bus, and to
 * answer a change: it can be slow under the sanitizers. */
#define APPEAR_TIMEOUT_US (20 * G_USEC_PER_SEC)
#define CHANGE_TIMEOUT_US (10 * G_USEC_PER_SEC)
/* Bounds on a walk, so a cycle or a runaway tree cannot hang the test. */
#define MAX_DEPTH 64
#define MAX_NODES 5000

/* libatspi 2.46 defines no g_autoptr() cleanups; aliases keep these from
 * clashing with the ones a later libatspi may define. */
typedef AtspiAccessible TestAccessible;
typedef AtspiStateSet TestStateSet;
typedef AtspiSelection TestSelection;
typedef AtspiAction TestAction;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestStateSet, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSelection, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestAction, g_object_unref)

/* The names the app gives its main controls (English: the test env sets
 * no language). */
#define GROUPS_LIST_NAME "Groups of the intervention card"
#define INTERVENTIONS_LIST_NAME "Interventions"
#define SEARCH_BUTTON_NAME "Search the card"
#define MENU_BUTTON_NAME "Main menu"

typedef struct
{
  GSubprocess     *gui;
  char            *home;
  AtspiAccessible *app;
} Fixture;

/* What the walks of one test found; a control seen in several walks is
 * reported once. */
typedef struct
{
  gboolean    dump;
  guint       n_nodes;        /* in the last walk */
  guint       n_checked;      /* controls, in the last walk */
  GHashTable *seen;           /* paths of the controls checked, all walks */
  GHashTable *problems;       /* problem lines already reported */
  GPtrArray  *unnamed;        /* paths of controls without a name */
  GPtrArray  *unfocusable;    /* paths of controls that cannot take focus */
  const char *where;          /* what the app shows, for the messages */
} Report;

/* Starting the GUI */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_free (Fixture *fixture)
{
  g_clear_object (&fixture->app);
  if (fixture->gui != NULL)
    {
      g_subprocess_force_exit (fixture->gui);
      g_subprocess_wait (fixture->gui, NULL, NULL);
      g_clear_object (&fixture->gui);
    }
  if (fixture->home != NULL)
    remove_tree (fixture->home);
  g_free (fixture->home);
  g_free (fixture);
}

static void
child_setup (gpointer user_data)
{
#ifdef __linux__
  /* A failed assertion aborts this test without running its cleanups: the
   * GUI must not outlive it, or meson would wait on its output. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
#endif
}

/* libatspi asks every application that appears for its cache of
 * accessibles; GTK 4.8 has none and answers with an error, which libatspi
 * logs as a warning. Whether it comes depends on timing: it is no failure.
 * It goes to standard error here rather than through GLib's test handler,
 * which would print a TAP "Bail out!" for it. */
static gboolean
is_cache_warning (const char *log_domain,
                  const char *message)
{
  return g_strcmp0 (log_domain, "dbind") == 0 && strstr (message, "GetItems") != NULL;
}

static void
dbind_log_handler (const char     *log_domain,
                   GLogLevelFlags  log_level,
                   const char     *message,
                   gpointer        user_data)
{
  if (is_cache_warning (log_domain, message))
    g_printerr ("(ignored) %s: %s\n", log_domain, message);
  else
    g_log_default_handler (log_domain, log_level, message, user_data);
}

/* Whether a fatal message aborts; GLib forgets this after each test case. */
static gboolean
fatal_log_handler (const char     *log_domain,
                   GLogLevelFlags  log_level,
                   const char     *message,
                   gpointer        user_data)
{
  return !is_cache_warning (log_domain, message);
}

/* The application whose process is @pid, once it shows its window. */
static AtspiAccessible *
find_application (pid_t pid)
{
  g_autoptr(TestAccessible) desktop = atspi_get_desktop (0);
  int n;

  /* The registry tells of new applications by signals, but a poll must
   * not trust a list cached before the GUI was there. */
  atspi_accessible_clear_cache (desktop);
  n = atspi_accessible_get_child_count (desktop, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(TestAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);
      g_autofree char *name = NULL;

      if (app == NULL || (pid_t) atspi_accessible_get_process_id (app, NULL) != pid)
        continue;
      /* GTK names the application after its program. */
      name = atspi_accessible_get_name (app, NULL);
      if (g_strcmp0 (name, "luwte") == 0 && atspi_accessible_get_child_count (app, NULL) > 0)
        return g_steal_pointer (&app);
    }
  return NULL;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Starts the GUI with accessibility on, in a home of its own, with the
 * case database @db (or a new, empty one), and waits until it is on the
 * accessibility bus. It is killed when the test ends. */
static Fixture *
start_gui_with_db (const char *db)
{
  const char *gui = g_getenv ("LUWTE_GUI");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  g_autofree char *cache = NULL;
  g_autofree char *state = NULL;
  g_autofree char *asan_options = NULL;
  Fixture *fixture = g_new0 (Fixture, 1);
  gint64 deadline;
  pid_t pid;
  int out;

  g_test_log_set_fatal_handler (fatal_log_handler, NULL);
  g_assert_nonnull (gui);
  g_assert_true (g_file_test (gui, G_FILE_TEST_IS_EXECUTABLE));

  fixture->home = g_dir_make_tmp ("luwte-a11y-XXXXXX", &error);
  g_assert_no_error (error);
  g_test_queue_destroy ((GDestroyNotify) fixture_free, fixture);

  config = g_build_filename (fixture->home, "config", NULL);
  data = g_build_filename (fixture->home, "data", NULL);
  cache = g_build_filename (fixture->home, "cache", NULL);
  state = g_build_filename (fixture->home, "state", NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  /* The other UI tests turn accessibility off; this one is about it. */
  g_subprocess_launcher_unsetenv (launcher, "GTK_A11Y");
  /* The GUI talks to the session and accessibility buses, whose warnings
   * are not this test's business: none may be fatal there. */
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  g_subprocess_launcher_unsetenv (launcher, "LUWTE_EXIT_AFTER_FIRST_FRAME");
  /* Under AddressSanitizer: the slow unwinder the suite asks for on every
   * malloc makes the GUI answer each AT-SPI call ten times slower, and the
   * GUI is killed, so its leaks are never checked. Memory errors still are.
   * (Later options override earlier ones.) */
  asan_options = g_strdup_printf ("%s%sfast_unwind_on_malloc=1:detect_leaks=0",
                                  g_getenv ("ASAN_OPTIONS") != NULL ? g_getenv ("ASAN_OPTIONS") : "",
                                  g_getenv ("ASAN_OPTIONS") != NULL ? ":" : "");
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan_options, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", state, TRUE);
  if (db != NULL)
    g_subprocess_launcher_setenv (launcher, "LUWTE_DB", db, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "LUWTE_DB");
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  /* Our standard output is TAP: the GUI's goes to standard error. */
  out = dup (STDERR_FILENO);
  g_assert_cmpint (out, >=, 0);
  g_subprocess_launcher_take_stdout_fd (launcher, out);

  fixture->gui = g_subprocess_launcher_spawn (launcher, &error, gui, NULL);
  g_assert_no_error (error);
  pid = (pid_t) g_ascii_strtoll (g_subprocess_get_identifier (fixture->gui), NULL, 10);

  deadline = g_get_monotonic_time () + APPEAR_TIMEOUT_US;
  while (fixture->app == NULL && g_get_monotonic_time () < deadline)
    {
      iterate ();
      /* GSubprocess forgets the process's identifier once it has ended. */
      if (g_subprocess_get_identifier (fixture->gui) == NULL)
        g_error ("The GUI (process %d) ended before it appeared on the accessibility bus", (int) pid);
      fixture->app = find_application (pid);
      if (fixture->app == NULL)
        g_usleep (G_USEC_PER_SEC / 10);
    }
  if (fixture->app == NULL)
    g_error ("The GUI (process %d) did not appear on the accessibility bus as 'luwte' within %d s",
             (int) pid, (int) (APPEAR_TIMEOUT_US / G_USEC_PER_SEC));

  /* The tree changes as the test drives the app: ask the app each time
   * instead of trusting what libatspi cached. */
  atspi_accessible_set_cache_mask (fixture->app, ATSPI_CACHE_NONE);
  return fixture;
}

static Fixture *
start_gui (void)
{
  return start_gui_with_db (NULL);
}

/* Walking the tree */

typedef enum
{
  KIND_NONE,
  KIND_BUTTON,
  KIND_ENTRY,
  KIND_LIST,
  KIND_LIST_ITEM,
} Kind;

/* Which of the controls this test checks an accessible is. GTK 4.8 shows
 * GtkButton, GtkToggleButton and GtkMenuButton all as push buttons (the
 * toggle-button role came in GTK 4.10); the other button roles are there
 * for other GTK versions and widgets. */
static Kind
kind_of (AtspiRole      role,
         AtspiStateSet *states)
{
  switch (role)
    {
    case ATSPI_ROLE_PUSH_BUTTON:
    case ATSPI_ROLE_TOGGLE_BUTTON:
    case ATSPI_ROLE_PUSH_BUTTON_MENU:
    case ATSPI_ROLE_CHECK_BOX:
    case ATSPI_ROLE_RADIO_BUTTON:
    case ATSPI_ROLE_COMBO_BOX:
    case ATSPI_ROLE_LINK:
    case ATSPI_ROLE_PAGE_TAB:
      return KIND_BUTTON;
    case ATSPI_ROLE_ENTRY:
    case ATSPI_ROLE_PASSWORD_TEXT:
    case ATSPI_ROLE_SPIN_BUTTON:
      return KIND_ENTRY;
    case ATSPI_ROLE_TEXT:
      return states != NULL && atspi_state_set_contains (states, ATSPI_STATE_EDITABLE) ? KIND_ENTRY : KIND_NONE;
    case ATSPI_ROLE_LIST:
    case ATSPI_ROLE_LIST_BOX:
    case ATSPI_ROLE_TREE:
    case ATSPI_ROLE_TREE_TABLE:
      return KIND_LIST;
    case ATSPI_ROLE_LIST_ITEM:
    case ATSPI_ROLE_TREE_ITEM:
      return KIND_LIST_ITEM;
    default:
      return KIND_NONE;
    }
}

/* GTK 4.8 names a widget that has no accessible name after its type, e.g.
 * an icon-only button "GtkImage", a menu button without a label
 * "GtkMenuButton": a screen reader reads that out, and it is no name. */
static gboolean
is_type_name (const char *name)
{
  static const char * const prefixes[] = { "Gtk", "Adw", "Luwte" };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize len = strlen (prefixes[i]);

      if (g_str_has_prefix (name, prefixes[i]) && g_ascii_isupper (name[len]))
        {
          const char *p = name + len;

          while (g_ascii_isalnum (*p))
            p++;
          if (*p == '\0')
            return TRUE;
        }
    }
  return FALSE;
}

/* Whether a screen reader would read @name as a name. */
static gboolean
is_a_name (const char *name)
{
  if (name == NULL)
    return FALSE;
  while (g_ascii_isspace (*name))
    name++;
  return *name != '\0' && !is_type_name (name);
}

/* GtkMenuButton and GtkDropDown are wrappers around a button, which takes
 * the focus for them; GTK 4.8 shows the wrapper (push button, combo box)
 * and the inner button with the same name. The wrapper itself is not
 * focusable, rightly: the inner button is, and it is checked on its own. */
static gboolean
is_button_wrapper (AtspiAccessible *node)
{
  g_autoptr(TestAccessible) inner = NULL;
  g_autoptr(TestStateSet) states = NULL;

  if (atspi_accessible_get_child_count (node, NULL) != 1)
    return FALSE;
  inner = atspi_accessible_get_child_at_index (node, 0, NULL);
  if (inner == NULL)
    return FALSE;
  states = atspi_accessible_get_state_set (inner);
  return kind_of (atspi_accessible_get_role (inner, NULL), states) == KIND_BUTTON &&
         atspi_state_set_contains (states, ATSPI_STATE_FOCUSABLE);
}

static void
report_problem (Report     *report,
                GPtrArray  *list,
                const char *what,
                const char *path)
{
  g_autofree char *line = g_strdup_printf ("%s: %s", what, path);

  if (g_hash_table_contains (report->problems, line))
    return;
  if (report->where != NULL)
    {
      g_test_message ("%s (first seen showing %s)", line, report->where);
      g_ptr_array_add (list, g_strdup_printf ("%s (first seen showing %s)", path, report->where));
    }
  else
    {
      g_test_message ("%s", line);
      g_ptr_array_add (list, g_strdup (path));
    }
  g_hash_table_add (report->problems, g_steal_pointer (&line));
}

/* Whether a control of @role might be one this test checks; the state
 * set, one more call to the app, is asked for only then. */
static gboolean
may_be_control (AtspiRole role)
{
  return role == ATSPI_ROLE_TEXT || kind_of (role, NULL) != KIND_NONE;
}

static void
walk (Report          *report,
      AtspiAccessible *node,
      const char      *parent_path,
      int              index,
      int              depth)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TestStateSet) states = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role_name = NULL;
  g_autofree char *path = NULL;
  AtspiRole role;
  Kind kind = KIND_NONE;
  int n;

  g_assert_cmpint (depth, <, MAX_DEPTH);
  g_assert_cmpuint (++report->n_nodes, <, MAX_NODES);

  role = atspi_accessible_get_role (node, &error);
  g_assert_no_error (error);
  name = atspi_accessible_get_name (node, &error);
  g_assert_no_error (error);
  role_name = atspi_role_get_name (role);
  /* The path a developer follows to the widget: role[index in parent]
   * 'name', from the application down. */
  path = g_strdup_printf ("%s%s%s[%d] '%s'", parent_path, parent_path[0] != '\0' ? " > " : "",
                          role_name, index, name != NULL ? name : "");

  if (may_be_control (role) || report->dump)
    {
      states = atspi_accessible_get_state_set (node);
      /* GTK 4.8 leaves hidden widgets out of the tree and marks every
       * widget in it VISIBLE, SHOWING only windows: there VISIBLE means
       * shown. Controls on a page of a stack or leaflet not now in view
       * count too: a user gets to them. */
      if (atspi_state_set_contains (states, ATSPI_STATE_SHOWING) ||
          atspi_state_set_contains (states, ATSPI_STATE_VISIBLE))
        kind = kind_of (role, states);
    }

  if (report->dump)
    g_test_message ("%*s%s[%d] '%s'%s%s%s%s%s", depth * 2, "", role_name, index,
                    name != NULL ? name : "",
                    atspi_state_set_contains (states, ATSPI_STATE_FOCUSABLE) ? " focusable" : "",
                    atspi_state_set_contains (states, ATSPI_STATE_EDITABLE) ? " editable" : "",
                    atspi_state_set_contains (states, ATSPI_STATE_PRESSED) ? " pressed" : "",
                    atspi_state_set_contains (states, ATSPI_STATE_CHECKED) ? " checked" : "",
                    atspi_state_set_contains (states, ATSPI_STATE_SELECTED) ? " selected" : "");

  if (kind != KIND_NONE)
    {
      report->n_checked++;
      g_hash_table_add (report->seen, g_strdup (path));

      if (!is_a_name (name))
        report_problem (report, report->unnamed, "NO NAME", path);

      /* Every control can be reached with the keyboard. */
      if (!atspi_state_set_contains (states, ATSPI_STATE_FOCUSABLE) &&
          !(kind == KIND_BUTTON && is_button_wrapper (node)))
        report_problem (report, report->unfocusable, "NOT FOCUSABLE", path);
    }

  n = atspi_accessible_get_child_count (node, &error);
  g_assert_no_error (error);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(TestAccessible) child = atspi_accessible_get_child_at_index (node, i, &error);

      g_assert_no_error (error);
      if (child != NULL)
        walk (report, child, path, i, depth + 1);
    }
}

static Report *
report_new (void)
{
  Report *report = g_new0 (Report, 1);

  report->dump = g_getenv ("LUWTE_A11Y_DUMP") != NULL;
  report->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  report->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  report->unnamed = g_ptr_array_new_with_free_func (g_free);
  report->unfocusable = g_ptr_array_new_with_free_func (g_free);
  return report;
}

static void
report_free (Report *report)
{
  g_hash_table_unref (report->seen);
  g_hash_table_unref (report->problems);
  g_ptr_array_unref (report->unnamed);
  g_ptr_array_unref (report->unfocusable);
  g_free (report);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Report, report_free)

/* Walks the whole tree of @app; returns the number of controls checked. */
static guint
walk_app (Report          *report,
          AtspiAccessible *app)
{
  iterate ();
  report->n_nodes = 0;
  report->n_checked = 0;
  if (report->dump)
    g_test_message ("Tree:");
  walk (report, app, "", 0, 0);
  return report->n_checked;
}

static void
append_paths (GString    *message,
              const char *what,
              GPtrArray  *paths)
{
  if (paths->len == 0)
    return;
  g_string_append_printf (message, "%s%u %s: ", message->len > 0 ? "; " : "", paths->len, what);
  for (guint i = 0; i < paths->len; i++)
    g_string_append_printf (message, "%s%s", i > 0 ? "; " : "", (const char *) g_ptr_array_index (paths, i));
}

/* Fails the test, naming every widget at fault, if any control lacks a
 * name or cannot take the focus. */
static void
check_report (Report *report)
{
  g_autoptr(GString) message = g_string_new (NULL);

  append_paths (message, "controls without an accessible name", report->unnamed);
  append_paths (message, "controls that cannot take the keyboard focus", report->unfocusable);
  if (message->len > 0)
    g_test_fail_printf ("%s", message->str);
}

/* The first accessible under @node named @name that is a control of
 * @kind (any if %KIND_NONE), has @role (any if %ATSPI_ROLE_INVALID) and is
 * @state (anything if %ATSPI_STATE_INVALID); or %NULL. */
static AtspiAccessible *
find (AtspiAccessible *node,
      Kind             kind,
      AtspiRole        role,
      AtspiStateType   state,
      const char      *name,
      int              depth)
{
  AtspiRole node_role = atspi_accessible_get_role (node, NULL);
  int n;

  if ((role == ATSPI_ROLE_INVALID || node_role == role) &&
      (kind == KIND_NONE || may_be_control (node_role)))
    {
      g_autofree char *node_name = atspi_accessible_get_name (node, NULL);

      if (g_strcmp0 (node_name, name) == 0)
        {
          g_autoptr(TestStateSet) states = atspi_accessible_get_state_set (node);

          if ((kind == KIND_NONE || kind_of (node_role, states) == kind) &&
              (state == ATSPI_STATE_INVALID || atspi_state_set_contains (states, state)))
            return g_object_ref (node);
        }
    }
  if (depth >= MAX_DEPTH)
    return NULL;

  n = atspi_accessible_get_child_count (node, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(TestAccessible) child = atspi_accessible_get_child_at_index (node, i, NULL);
      AtspiAccessible *found = child != NULL ? find (child, kind, role, state, name, depth + 1) : NULL;

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AtspiAccessible *
find_control (AtspiAccessible *node,
              Kind             kind,
              const char      *name)
{
  return find (node, kind, ATSPI_ROLE_INVALID, ATSPI_STATE_INVALID, name, 0);
}

/* @node's index among its parent's children, as walk() counts it (GTK
 * 4.8's own GetIndexInParent counts a stack page's child among the
 * stack's). libatspi hands out one object for each accessible. */
static int
index_in (AtspiAccessible *parent,
          AtspiAccessible *node)
{
  int n = atspi_accessible_get_child_count (parent, NULL);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(TestAccessible) child = atspi_accessible_get_child_at_index (parent, i, NULL);

      if (child == node)
        return i;
    }
  g_error ("An accessible is not among its parent's children");
}

/* The path of @node's parent, as walk() writes it, and @node's index. */
static char *
parent_path_of (AtspiAccessible *node,
                int             *index)
{
  g_autoptr(TestAccessible) parent = NULL;
  g_autofree char *above = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role_name = NULL;
  int parent_index;

  /* The walk starts at the application, which it counts as 0. */
  *index = 0;
  if (atspi_accessible_get_role (node, NULL) == ATSPI_ROLE_APPLICATION)
    return g_strdup ("");
  parent = atspi_accessible_get_parent (node, NULL);
  g_assert_nonnull (parent);
  *index = index_in (parent, node);
  above = parent_path_of (parent, &parent_index);
  name = atspi_accessible_get_name (parent, NULL);
  role_name = atspi_accessible_get_role_name (parent, NULL);
  return g_strdup_printf ("%s%s%s[%d] '%s'", above, above[0] != '\0' ? " > " : "",
                          role_name, parent_index, name != NULL ? name : "");
}

/* A part of the tree to walk again and again, with its place in it. */
typedef struct
{
  AtspiAccessible *node;
  char            *parent_path;
  int              index;
} Part;

static void
part_init (Part            *part,
           AtspiAccessible *node)
{
  part->node = g_object_ref (node);
  part->parent_path = parent_path_of (node, &part->index);
}

static void
part_clear (Part *part)
{
  g_clear_object (&part->node);
  g_clear_pointer (&part->parent_path, g_free);
}

/* Walks @part of the tree; returns the number of controls checked. */
static guint
walk_part (Report *report,
           Part   *part)
{
  iterate ();
  report->n_nodes = 0;
  report->n_checked = 0;
  walk (report, part->node, part->parent_path, part->index, 0);
  return report->n_checked;
}

static gboolean
has_state (AtspiAccessible *node,
           AtspiStateType   state)
{
  g_autoptr(TestStateSet) states = atspi_accessible_get_state_set (node);

  return atspi_state_set_contains (states, state);
}

/* Waits, boundedly, until @node has @state; returns whether it has. */
static gboolean
wait_for_state (AtspiAccessible *node,
                AtspiStateType   state)
{
  gint64 deadline = g_get_monotonic_time () + CHANGE_TIMEOUT_US;

  while (!has_state (node, state))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      iterate ();
      g_usleep (G_USEC_PER_SEC / 50);
    }
  return TRUE;
}

/* Tests */

static void show_page (Fixture    *fixture,
                       const char *tab_name);

/* The window as it opens, and its card and statistics pages, which are
 * built when first shown: every control named and focusable, and the
 * names the app sets there. */
static void
test_startup_tree (void)
{
  Fixture *fixture = start_gui ();
  g_autoptr(Report) report = report_new ();
  g_autoptr(TestAccessible) groups = NULL;
  g_autoptr(TestAccessible) interventions = NULL;
  g_autoptr(TestAccessible) search = NULL;
  g_autoptr(TestAccessible) menu = NULL;
  guint checked;

  checked = walk_app (report, fixture->app);
  g_test_message ("%u accessibles, %u controls checked", report->n_nodes, checked);
  /* The header bars' buttons and the case list's controls at least:
   * fewer means the walk did not see the window. */
  g_assert_cmpuint (checked, >, 10);

  show_page (fixture, "Statistics");
  show_page (fixture, "Card");
  checked = walk_app (report, fixture->app);
  g_test_message ("%u accessibles, %u controls checked with every page built", report->n_nodes, checked);
  groups = find_control (fixture->app, KIND_LIST, GROUPS_LIST_NAME);
  interventions = find_control (fixture->app, KIND_LIST, INTERVENTIONS_LIST_NAME);
  search = find_control (fixture->app, KIND_BUTTON, SEARCH_BUTTON_NAME);
  menu = find_control (fixture->app, KIND_BUTTON, MENU_BUTTON_NAME);
  g_assert_nonnull (groups);
  g_assert_nonnull (interventions);
  g_assert_nonnull (search);
  g_assert_nonnull (menu);
  /* Six groups on the card; the first is open at the start. */
  g_assert_cmpint (atspi_accessible_get_child_count (groups, NULL), ==, 6);
  g_assert_cmpint (atspi_accessible_get_child_count (interventions, NULL), >, 0);

  check_report (report);
}

/* Presses @node's first action, as a screen reader user activates it. */
static void
activate (AtspiAccessible *node)
{
  g_autoptr(TestAction) action = atspi_accessible_get_action_iface (node);
  g_autoptr(GError) error = NULL;
  gboolean done;

  g_assert_nonnull (action);
  g_assert_cmpint (atspi_action_get_n_actions (action, NULL), >, 0);
  done = atspi_action_do_action (action, 0, &error);
  g_assert_no_error (error);
  g_assert_true (done);
}

/* Opens the window's page behind the view switcher tab @tab_name: a
 * button on a page not shown cannot be pressed. */
static void
show_page (Fixture    *fixture,
           const char *tab_name)
{
  g_autoptr(TestAccessible) tab = find (fixture->app, KIND_NONE, ATSPI_ROLE_PAGE_TAB,
                                        ATSPI_STATE_INVALID, tab_name, 0);

  if (tab == NULL)
    return;
  activate (tab);
  g_assert_true (wait_for_state (tab, ATSPI_STATE_SELECTED));
}

/* "Search the card" is a toggle: a screen reader user presses it through
 * its action, hears it pressed, and finds the search field. */
static void
test_search_toggle (void)
{
  Fixture *fixture = start_gui ();
  g_autoptr(Report) report = report_new ();
  g_autoptr(TestAccessible) search = NULL;
  g_autoptr(TestAccessible) entry = NULL;

  show_page (fixture, "Card");
  search = find_control (fixture->app, KIND_BUTTON, SEARCH_BUTTON_NAME);
  g_assert_nonnull (search);
  g_assert_false (has_state (search, ATSPI_STATE_PRESSED) || has_state (search, ATSPI_STATE_CHECKED));
  activate (search);

  /* GTK 4.8 shows a toggle button as a push button that is pressed while
   * it is on (later GTK as a toggle button that is checked). */
  if (!wait_for_state (search, ATSPI_STATE_PRESSED))
    g_assert_true (has_state (search, ATSPI_STATE_CHECKED));

  entry = find_control (fixture->app, KIND_ENTRY, SEARCH_BUTTON_NAME);
  g_assert_nonnull (entry);
  g_assert_true (has_state (entry, ATSPI_STATE_EDITABLE));
  g_assert_true (has_state (entry, ATSPI_STATE_FOCUSABLE));

  g_test_message ("%u controls checked with the search open", walk_app (report, fixture->app));
  check_report (report);
}

/* Selects child @index of @list through the AT-SPI Selection interface,
 * as a screen reader does, and waits until it is selected. */
static void
select_child (AtspiAccessible *list,
              int              index)
{
  g_autoptr(TestSelection) selection = atspi_accessible_get_selection_iface (list);
  g_autoptr(TestAccessible) child = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  g_assert_nonnull (selection);
  done = atspi_selection_select_child (selection, index, &error);
  g_assert_no_error (error);
  g_assert_true (done);
  child = atspi_accessible_get_child_at_index (list, index, &error);
  g_assert_no_error (error);
  g_assert_true (wait_for_state (child, ATSPI_STATE_SELECTED));
}

/* The pane that shows an intervention: the scrolled pane around the
 * selectable label with its @title. The pane stays as the app shows one
 * intervention after another. */
static AtspiAccessible *
find_detail_pane (AtspiAccessible *app,
                  const char      *title)
{
  g_autoptr(TestAccessible) node = find (app, KIND_NONE, ATSPI_ROLE_LABEL, ATSPI_STATE_FOCUSABLE, title, 0);

  if (node == NULL)
    g_error ("No selectable label '%s' shows the intervention selected", title);
  while (atspi_accessible_get_role (node, NULL) != ATSPI_ROLE_SCROLL_PANE)
    {
      AtspiAccessible *parent = atspi_accessible_get_parent (node, NULL);

      if (parent == NULL || atspi_accessible_get_role (parent, NULL) == ATSPI_ROLE_APPLICATION)
        g_error ("The label '%s' of the intervention selected is not in a scrolled pane", title);
      g_object_unref (node);
      node = parent;
    }
  return g_steal_pointer (&node);
}

/* Every group and every intervention, shown one after the other: the
 * detail pane's controls (sub-intervention lists, links, expanders) differ
 * from one intervention to the next. The whole tree is walked once; then,
 * to keep the test quick, only what changes: the list of each group and
 * the detail pane for each intervention. */
static void
test_every_intervention (void)
{
  Fixture *fixture = start_gui ();
  g_autoptr(Report) report = report_new ();
  g_autoptr(TestAccessible) groups = NULL;
  g_autoptr(TestAccessible) interventions = NULL;
  Part list = { NULL };
  Part detail = { NULL };
  guint n_shown = 0;
  int n_groups;

  show_page (fixture, "Card");
  groups = find_control (fixture->app, KIND_LIST, GROUPS_LIST_NAME);
  g_assert_nonnull (groups);
  n_groups = atspi_accessible_get_child_count (groups, NULL);
  g_assert_cmpint (n_groups, ==, 6);
  /* The same list shows each group's interventions, filled anew. */
  interventions = find_control (fixture->app, KIND_LIST, INTERVENTIONS_LIST_NAME);
  g_assert_nonnull (interventions);
  part_init (&list, interventions);

  for (int g = 0; g < n_groups; g++)
    {
      int n_interventions;

      select_child (groups, g);
      n_interventions = atspi_accessible_get_child_count (interventions, NULL);
      g_assert_cmpint (n_interventions, >, 0);

      for (int i = 0; i < n_interventions; i++)
        {
          g_autoptr(TestAccessible) row = atspi_accessible_get_child_at_index (interventions, i, NULL);
          g_autofree char *title = atspi_accessible_get_name (row, NULL);
          g_autofree char *where = g_strdup_printf ("group %d, intervention '%s'", g + 1, title);

          select_child (interventions, i);
          report->where = where;
          if (detail.node == NULL)
            {
              g_autoptr(TestAccessible) pane = find_detail_pane (fixture->app, title);

              part_init (&detail, pane);
              walk_app (report, fixture->app);
            }
          else
            {
              if (i == 0)
                walk_part (report, &list);
              walk_part (report, &detail);
            }
          report->where = NULL;
          n_shown++;
        }
    }

  g_test_message ("%u interventions shown, %u controls checked",
                  n_shown, g_hash_table_size (report->seen));
  g_assert_cmpuint (n_shown, >=, 6);
  g_assert_cmpuint (g_hash_table_size (report->seen), >, 10);
  part_clear (&list);
  part_clear (&detail);
  check_report (report);
}

/* A case with a party and a message whose takedown request went
 * unanswered past its due date, in a database of its own that goes when
 * the test ends. */
static char *
make_overdue_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("luwte-a11y-db-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(LuwteEvidence) evidence = NULL;
  g_autoptr(LuwteParty) party = luwte_party_new (LUWTE_ROLE_POLICE, "Wijkagent", "Politie", "06-00000000");
  LuwteEvidenceNew message = { .url = "https://tiktok.example/@demo/video/1", .platform = "TikTok",
                               .account = "demo", .description = "Oproep tot rellen",
                               .sha256 = "9f2c1d0b4e6a8c7f9f2c1d0b4e6a8c7f9f2c1d0b4e6a8c7f9f2c1d0b4e6a8c7f" };
  LuwteTakedownUpdate requested = { LUWTE_TAKEDOWN_REQUESTED, "2020-01-01T10:00:00+01:00", "e-mail",
                                    "2020-01-03T10:00:00+01:00" };

  g_assert_no_error (error);
  {
    /* Run last to first: the tree goes, then the name is freed. */
    char *owned = g_strdup (dir);

    g_test_queue_free (owned);
    g_test_queue_destroy ((GDestroyNotify) remove_tree, owned);
  }
  path = g_build_filename (dir, "luwte.db", NULL);
  store = luwte_store_open (path, &error);
  g_assert_no_error (error);
  kase = luwte_store_create_case (store, "Oproep rellen", &error);
  g_assert_no_error (error);
  evidence = luwte_store_add_evidence (store, kase, &message, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (luwte_store_update_takedown (store, kase, evidence, &requested, &error));
  g_assert_no_error (error);
  g_assert_true (luwte_store_add_party (store, kase, party, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* A case's Messages page with an overdue takedown request, its row
 * opened: the warning, the state, the date, channel and due date, the
 * remove button, all named. */
static void
test_overdue_messages (void)
{
  g_autofree char *db = make_overdue_db ();
  Fixture *fixture = start_gui_with_db (db);
  g_autoptr(Report) report = report_new ();
  g_autoptr(TestAccessible) cases = NULL;
  g_autoptr(TestAccessible) tab = NULL;
  g_autoptr(TestAccessible) state = NULL;

  cases = find_control (fixture->app, KIND_LIST, "Cases");
  g_assert_nonnull (cases);
  select_child (cases, 0);
  tab = find (fixture->app, KIND_NONE, ATSPI_ROLE_PAGE_TAB, ATSPI_STATE_INVALID, "Messages", 0);
  g_assert_nonnull (tab);
  activate (tab);
  g_assert_true (wait_for_state (tab, ATSPI_STATE_SELECTED));

  walk_app (report, fixture->app);
  g_test_message ("%u controls checked on the Messages page", g_hash_table_size (report->seen));
  check_report (report);
}

/* A case's Parties page with a party: the form, and the party's row
 * with its role, name, organisation, contact and remove button. */
static void
test_parties_page (void)
{
  g_autofree char *db = make_overdue_db ();
  Fixture *fixture = start_gui_with_db (db);
  g_autoptr(Report) report = report_new ();
  g_autoptr(TestAccessible) cases = NULL;
  g_autoptr(TestAccessible) tab = NULL;

  cases = find_control (fixture->app, KIND_LIST, "Cases");
  g_assert_nonnull (cases);
  select_child (cases, 0);
  tab = find (fixture->app, KIND_NONE, ATSPI_ROLE_PAGE_TAB, ATSPI_STATE_INVALID, "Parties", 0);
  g_assert_nonnull (tab);
  activate (tab);
  g_assert_true (wait_for_state (tab, ATSPI_STATE_SELECTED));

  walk_app (report, fixture->app);
  g_test_message ("%u controls checked on the Parties page", g_hash_table_size (report->seen));
  check_report (report);
}

int
main (int   argc,
      char *argv[])
{
  /* Each test case starts a GUI of its own: one that fails tells nothing
   * about the others, so all run (as with -k) and every widget at fault is
   * reported at once. A failed assertion still stops the program. */
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = argc + 1;
  char **argp = args;
  int status;

  args[0] = argv[0];
  args[1] = (char *) "--keep-going";
  for (int i = 1; i < argc; i++)
    args[i + 1] = argv[i];

  g_test_init (&n_args, &argp, NULL);
  g_log_set_handler ("dbind", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                     dbind_log_handler, NULL);

  g_assert_cmpint (atspi_init (), ==, 0);
  /* Calls to a GUI under the sanitizers can be slow: wait longer than
   * libatspi's default 0.8 s before calling one failed. */
  atspi_set_timeout (10000, 20000);

  g_test_add_func ("/accessibility/startup-tree", test_startup_tree);
  g_test_add_func ("/accessibility/search-toggle", test_search_toggle);
  g_test_add_func ("/accessibility/every-intervention", test_every_intervention);
  g_test_add_func ("/accessibility/overdue-messages", test_overdue_messages);
  g_test_add_func ("/accessibility/parties-page", test_parties_page);

  status = g_test_run ();
  atspi_exit ();
  return status;
}
