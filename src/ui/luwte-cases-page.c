/* luwte-cases-page.c — the case list beside the workspace of the chosen case
 *
 * The list is a GtkListView over LuwteCaseList, which reads rows from
 * SQLite only for what is on screen; the status filter is SQL. The
 * workspace, a large tree of widgets, is built when a case is first
 * opened: the window opens on the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-cases"

#include "config.h"

#include "luwte-cases-page.h"
#include "luwte-accessible.h"
#include "luwte-case-list.h"
#include "luwte-case-workspace.h"
#include "luwte-demo.h"
#include "luwte-evidence.h"
#include "luwte-exchange.h"
#include "luwte-row-text.h"
#include "luwte-tooltip.h"
#include "luwte-time.h"

#include "luwte-removal.h"
#include "luwte-report.h"
#include "luwte-search-panel.h"
#include "luwte-undo-toast.h"

#include <glib/gi18n.h>
#include <string.h>

struct _LuwteCasesPage
{
  AdwBin              parent_instance;

  LuwteStore         *store;
  LuwteCard          *card;
  LuwteLanguage       language;
  LuwteCaseList      *cases;
  GtkSliceListModel  *first_rows;   /* the cases; until settled after the first frame, the first of them */
  GtkSingleSelection *selection;

  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  AdwClamp           *list_clamp;
  int                 list_width;    /* beside a case: list_clamp's width in the template */
  GtkWidget          *demo_button;
  GtkWidget          *workspace_pane;
  AdwHeaderBar       *list_header;
  GtkDropDown        *status_filter;
  GtkDropDown        *sort_choice;
  GtkSearchEntry     *search_entry;
  AdwBin             *search_bin;
  LuwteSearchPanel   *search_panel;   /* until the first search or idle moment, NULL */
  LuwteSearchPanel   *unset_panel;    /* made when idle, not yet given store and card */
  guint               settle_idle;
  GtkWidget          *case_menu_button;
  LuwteRemoval       *deleted;      /* the case deleted last, for Undo */
  GtkStack           *list_stack;
  GtkListView        *case_list;
  AdwWindowTitle     *workspace_title;
  GtkStack           *workspace_stack;
  AdwStatusPage      *failed_page;
  AdwBin             *workspace_bin;
  LuwteCaseWorkspace *workspace;    /* until a case is first opened, NULL */
  GPtrArray          *bound;        /* GtkListItem on screen, borrowed */
  GPtrArray          *unchecked;    /* of them, those bound since the last look for overdue takedowns */
  guint               overdue_idle;
  gint64              overdue_checked_at;
  gboolean            reverting;
};

G_DEFINE_FINAL_TYPE (LuwteCasesPage, luwte_cases_page, ADW_TYPE_BIN)

/* Rows enough for the tallest window (rows are some 50 px high). */
#define FIRST_SCREEN_ROWS 48
/* GTK 4.8's list view makes 200 rows; beyond that, more cases cost no
 * rows. The rows in between are made a few at a time. */
#define ROWS_MADE_AT_MOST 200
#define ROWS_PER_STEP 16

/* On a list item: the id of the case its row showed last. */
#define ROW_CASE_KEY "luwte-row-case-id"

#define OVERDUE_RECHECK_US (60 * G_USEC_PER_SEC)

#define OVERDUE_WARNING N_("A takedown request has had no answer past its due date")

static void on_save_failed (LuwteCasesPage *self,
                            const char     *message);

static void on_takedowns_changed (LuwteCasesPage *self);

static LuwteCaseWorkspace *
ensure_workspace (LuwteCasesPage *self)
{
  if (self->workspace != NULL)
    return self->workspace;
  self->workspace = LUWTE_CASE_WORKSPACE (luwte_case_workspace_new ());
  luwte_case_workspace_set_store (self->workspace, self->store);
  if (self->card != NULL)
    luwte_case_workspace_set_card (self->workspace, self->card, self->language);
  g_signal_connect_object (self->workspace, "save-failed", G_CALLBACK (on_save_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (luwte_case_workspace_get_messages_page (self->workspace), "takedowns-changed",
                           G_CALLBACK (on_takedowns_changed), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->workspace_bin, GTK_WIDGET (self->workspace));
  return self->workspace;
}

static void on_search_hit (LuwteCasesPage *self,
                           const char     *reference);

/* The status the list is filtered on; %FALSE for all. */
static gboolean
filtered_status (LuwteCasesPage  *self,
                 LuwteCaseStatus *status)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter);

  *status = (LuwteCaseStatus) (selected - 1);
  return selected != 0;
}

static LuwteSearchPanel *
ensure_search_panel (LuwteCasesPage *self)
{
  LuwteCaseStatus status;

  if (self->search_panel != NULL)
    return self->search_panel;
  self->search_panel = self->unset_panel != NULL ? g_steal_pointer (&self->unset_panel)
                                                 : g_object_ref_sink (g_object_new (LUWTE_TYPE_SEARCH_PANEL, NULL));
  if (self->card != NULL)
    luwte_search_panel_set_card (self->search_panel, self->card, self->language);
  luwte_search_panel_set_status (self->search_panel, filtered_status (self, &status) ? &status : NULL);
  luwte_search_panel_set_store (self->search_panel, self->store);
  g_signal_connect_object (self->search_panel, "case-activated", G_CALLBACK (on_search_hit), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->search_bin, GTK_WIDGET (self->search_panel));
  /* The bin holds it now. */
  g_object_unref (self->search_panel);
  return self->search_panel;
}

/* Returns: (nullable): the case the workspace shows */
static LuwteCase *
shown_case (LuwteCasesPage *self)
{
  return self->workspace != NULL ? luwte_case_workspace_get_case (self->workspace) : NULL;
}

/* Stores what the workspace has waiting; %FALSE when it could not. */
static gboolean
flush_workspace (LuwteCasesPage *self)
{
  return self->workspace == NULL || luwte_case_workspace_flush (self->workspace);
}

/* The list shows every case soon after the window's first frame. Before
 * it, only the first screenful: GTK 4.8's list view makes and binds 200
 * rows whatever the window shows, a fifth of Luwte's start-up with a
 * long list. The scroll bar is an overlay, hidden until used, so the
 * first frame looks the same. */
static void
show_all_rows (LuwteCasesPage *self)
{
  if (self->first_rows != NULL && gtk_slice_list_model_get_size (self->first_rows) != G_MAXUINT)
    gtk_slice_list_model_set_size (self->first_rows, G_MAXUINT);
}

/* After the first frame, what is left of starting up is done between
 * frames, a step each time the window is idle, so that a key typed
 * meanwhile waits for one step at most (each is some 2 to 10 ms):
 * - the search panel is made, given its store and card, and measured,
 *   so that the first keystroke of a search does not wait for it;
 * - the list grows to every case. GTK 4.8's list view then makes and
 *   binds the rest of its 200 rows, some 35 ms in one go. */
static gboolean
settle_when_idle (gpointer data)
{
  LuwteCasesPage *self = data;
  guint size;

  if (self->search_panel == NULL && self->unset_panel == NULL)
    {
      self->unset_panel = g_object_ref_sink (g_object_new (LUWTE_TYPE_SEARCH_PANEL, NULL));
      return G_SOURCE_CONTINUE;
    }
  if (self->search_panel == NULL)
    {
      int minimum, natural;

      /* Styled and measured too, while the panel is hidden: the frame
       * that first shows it has enough to do with the first answer. */
      gtk_widget_measure (GTK_WIDGET (ensure_search_panel (self)), GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (GTK_WIDGET (self->list_stack)), &minimum, &natural, NULL, NULL);
      return G_SOURCE_CONTINUE;
    }
  size = self->first_rows != NULL ? gtk_slice_list_model_get_size (self->first_rows) : G_MAXUINT;
  if (size < ROWS_MADE_AT_MOST)
    {
      gtk_slice_list_model_set_size (self->first_rows, size + ROWS_PER_STEP);
      return G_SOURCE_CONTINUE;
    }
  show_all_rows (self);
  self->settle_idle = 0;
  return G_SOURCE_REMOVE;
}

static void
on_first_frame (GdkFrameClock  *clock,
                LuwteCasesPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  if (self->settle_idle == 0)
    self->settle_idle = g_idle_add (settle_when_idle, self);
}

static void
on_list_realize (LuwteCasesPage *self)
{
  g_signal_handlers_disconnect_by_func (self->case_list, on_list_realize, self);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self->case_list)), "after-paint",
                           G_CALLBACK (on_first_frame), self, 0);
}

/* Selects the case at @position of the whole list. */
static void
select_position (LuwteCasesPage *self,
                 guint           position)
{
  if (position != GTK_INVALID_LIST_POSITION)
    show_all_rows (self);
  gtk_single_selection_set_selected (self->selection, position);
}

/* A row: the title and a line below it, and a warning icon when a
 * takedown request of the case waits past its due date. */
static void
update_row (LuwteCase   *kase,
            GParamSpec  *pspec,
            GtkListItem *item)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  LuwteRowText *text = LUWTE_ROW_TEXT (gtk_widget_get_first_child (row));
  GtkWidget *overdue = gtk_widget_get_last_child (row);
  const char *title = luwte_case_get_title (kase);
  g_autofree char *date = luwte_time_format_local (luwte_case_get_opened_at (kase), "%d-%m-%Y");
  g_autofree char *line = g_strdup_printf ("%s · %s · %s", luwte_case_get_reference (kase),
                                           luwte_case_status_label (luwte_case_get_status (kase)), date);
  g_autofree char *accessible = NULL;

  /* Plain text: a title with markup shows as typed. */
  luwte_row_text_set (text, *title != '\0' ? title : _("Untitled case"), *title == '\0', line);

  /* The row is what a screen reader announces: the warning goes in it. */
  if (gtk_widget_get_visible (overdue))
    /* TRANSLATORS: how a screen reader reads a case in the list: title, reference · status · date, warning */
    accessible = g_strdup_printf (_("%s, %s, %s"), luwte_row_text_get_title (text), line,
                                  _(OVERDUE_WARNING));
  else
    accessible = g_strdup_printf ("%s, %s", luwte_row_text_get_title (text), line);
  if (gtk_widget_get_parent (row) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (row)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* The warning icons of the rows bound since the last look: one query
 * for all of them. */
static void
check_overdue (LuwteCasesPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->unchecked->len);
  g_autoptr(GHashTable) overdue = NULL;
  g_autoptr(GPtrArray) items = g_steal_pointer (&self->unchecked);

  self->unchecked = g_ptr_array_new ();
  g_clear_handle_id (&self->overdue_idle, g_source_remove);
  for (guint i = 0; i < items->len; i++)
    {
      LuwteCase *kase = gtk_list_item_get_item (g_ptr_array_index (items, i));
      gint64 id = kase != NULL ? luwte_case_get_id (kase) : 0;

      g_array_append_val (ids, id);
    }
  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      overdue = luwte_store_find_cases_with_overdue_takedowns (self->store, (const gint64 *) ids->data, ids->len,
                                                               now, &error);
      /* The list works without its warnings; SQLite's words name no one. */
      if (overdue == NULL)
        g_warning ("Could not look for overdue takedown requests: %s", error->message);
    }
  for (guint i = 0; i < items->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (items, i);
      LuwteCase *kase = gtk_list_item_get_item (item);
      gint64 id = g_array_index (ids, gint64, i);

      if (kase == NULL)
        continue;
      gtk_widget_set_visible (gtk_widget_get_last_child (gtk_list_item_get_child (item)),
                              overdue != NULL && g_hash_table_contains (overdue, &id));
      update_row (kase, NULL, item);
    }
}

static gboolean
check_overdue_when_idle (gpointer data)
{
  LuwteCasesPage *self = data;

  self->overdue_idle = 0;
  check_overdue (self);
  return G_SOURCE_REMOVE;
}

/* Rows bound while the list scrolls are looked at between frames, all
 * at once, not each in its frame. */
static void
check_overdue_later (LuwteCasesPage *self,
                     GtkListItem    *item)
{
  g_ptr_array_add (self->unchecked, item);
  if (self->overdue_idle == 0)
    self->overdue_idle = g_idle_add (check_overdue_when_idle, self);
}

/* After a takedown request changed on the Messages page: the rows on
 * screen look again, now. */
static void
on_takedowns_changed (LuwteCasesPage *self)
{
  for (guint i = 0; i < self->bound->len; i++)
    if (!g_ptr_array_find (self->unchecked, g_ptr_array_index (self->bound, i), NULL))
      g_ptr_array_add (self->unchecked, g_ptr_array_index (self->bound, i));
  check_overdue (self);
  self->overdue_checked_at = g_get_monotonic_time ();
}

/* And as time passes, when the list is shown again: not at once after a
 * search hid it, which is a query for each of the 200 rows. */
static void
on_list_map (LuwteCasesPage *self)
{
  if (g_get_monotonic_time () - self->overdue_checked_at >= OVERDUE_RECHECK_US)
    on_takedowns_changed (self);
}

/* Not labels: the row keeps its height whatever the case, so the 200
 * rows GTK 4.8 keeps are not laid out to be measured, and a row that
 * scrolls into view is only drawn. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = luwte_row_text_new ();
  GtkWidget *overdue = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  const char *warning = _(OVERDUE_WARNING);

  gtk_widget_set_margin_top (text, 6);
  gtk_widget_set_margin_bottom (text, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (overdue, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (overdue, "warning");
  luwte_tooltip_set_when_asked (overdue, warning);
  gtk_accessible_update_property (GTK_ACCESSIBLE (overdue), GTK_ACCESSIBLE_PROPERTY_LABEL, warning, -1);
  gtk_widget_set_visible (overdue, FALSE);
  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), overdue);
  gtk_list_item_set_child (item, row);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          LuwteCasesPage           *self)
{
  LuwteCase *kase = gtk_list_item_get_item (item);

  if (kase == NULL)
    return;
  /* No warning until the case is looked at when the row showed another
   * case; the same case again (the list reloaded) keeps its warning. */
  if (GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), ROW_CASE_KEY)) != (gsize) luwte_case_get_id (kase))
    gtk_widget_set_visible (gtk_widget_get_last_child (gtk_list_item_get_child (item)), FALSE);
  g_object_set_data (G_OBJECT (item), ROW_CASE_KEY, GSIZE_TO_POINTER ((gsize) luwte_case_get_id (kase)));
  update_row (kase, NULL, item);
  check_overdue_later (self, item);
  g_signal_connect_object (kase, "notify", G_CALLBACK (update_row), item, 0);
  g_ptr_array_add (self->bound, item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            LuwteCasesPage           *self)
{
  LuwteCase *kase = gtk_list_item_get_item (item);

  if (kase != NULL)
    g_signal_handlers_disconnect_by_func (kase, update_row, item);
  g_ptr_array_remove_fast (self->bound, item);
  g_ptr_array_remove_fast (self->unchecked, item);
}

/* Where @kase stands in the list as filtered, or no position. */
static guint
position_of (LuwteCasesPage *self,
             LuwteCase      *kase)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter);
  LuwteCaseStatus status = (LuwteCaseStatus) (selected - 1);
  gint64 position;

  if (kase == NULL || self->store == NULL)
    return GTK_INVALID_LIST_POSITION;
  position = luwte_store_get_case_position_sorted (self->store, selected == 0 ? NULL : &status,
                                                   gtk_drop_down_get_selected (self->sort_choice), kase, NULL);
  return position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION;
}

/* The case menu offers to close an open case and to reopen a closed one. */
static void
update_case_actions (LuwteCasesPage *self)
{
  LuwteCase *kase = shown_case (self);
  gboolean closed = kase != NULL && luwte_case_get_status (kase) == LUWTE_CASE_STATUS_CLOSED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.close-case", kase != NULL && !closed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.reopen-case", closed);
}

static void
show_selected (LuwteCasesPage *self)
{
  LuwteCase *kase = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  guint n = self->cases != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->cases)) : 0;

  if ((kase != NULL || self->workspace != NULL) && !luwte_case_workspace_set_case (ensure_workspace (self), kase))
    {
      /* The shown case's changes could not be stored: stay on it. */
      LuwteCase *shown = shown_case (self);
      guint selected = position_of (self, shown);

      self->reverting = TRUE;
      select_position (self, selected);
      self->reverting = FALSE;
      return;
    }
  if (self->store == NULL)
    gtk_stack_set_visible_child_name (self->workspace_stack, "failed");
  else if (kase != NULL)
    gtk_stack_set_visible_child_name (self->workspace_stack, "workspace");
  else if (n == 0 && gtk_drop_down_get_selected (self->status_filter) == 0)
    {
      /* Made-up cases only in a database that never held a real one:
       * not in a live one whose cases were all deleted. */
      gboolean offer_demo = !luwte_store_ever_held_a_case (self->store);

      gtk_widget_set_visible (self->demo_button, offer_demo);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.load-demo", offer_demo);
      gtk_stack_set_visible_child_name (self->workspace_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->workspace_stack, "choose");

  adw_window_title_set_title (self->workspace_title,
                              kase == NULL ? "" : *luwte_case_get_title (kase) != '\0'
                                                    ? luwte_case_get_title (kase) : _("Untitled case"));
  adw_window_title_set_subtitle (self->workspace_title, kase != NULL ? luwte_case_get_reference (kase) : "");
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_stack_set_visible_child_name (self->list_stack, "search");
  else
    gtk_stack_set_visible_child_name (self->list_stack, n > 0 || gtk_drop_down_get_selected (self->status_filter) == 0
                                                        ? "list" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.delete", kase != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.report", kase != NULL);
  gtk_widget_set_visible (self->case_menu_button, kase != NULL);
  update_case_actions (self);
}

static void
on_selected_case_notify (LuwteCasesPage *self)
{
  show_selected (self);
}

/* A status change can take the case out of a filtered list. */
static void
on_selected_status_notify (LuwteCasesPage *self)
{
  update_case_actions (self);
  if (gtk_drop_down_get_selected (self->status_filter) != 0)
    {
      LuwteCase *shown = shown_case (self);

      luwte_case_list_reload (self->cases);
      self->reverting = TRUE;
      select_position (self, position_of (self, shown));
      self->reverting = FALSE;
    }
}

static void
on_selection_changed (LuwteCasesPage *self)
{
  LuwteCase *kase = gtk_single_selection_get_selected_item (self->selection);
  LuwteCase *shown = shown_case (self);

  if (self->reverting)
    return;
  if (shown != NULL)
    {
      g_signal_handlers_disconnect_by_func (shown, on_selected_case_notify, self);
      g_signal_handlers_disconnect_by_func (shown, on_selected_status_notify, self);
    }
  show_selected (self);
  shown = shown_case (self);
  if (shown != NULL)
    {
      g_signal_connect_object (shown, "notify::title", G_CALLBACK (on_selected_case_notify), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (shown, "notify::status", G_CALLBACK (on_selected_status_notify), self, G_CONNECT_SWAPPED);
    }
  (void) kase;
}

static void
on_activate (LuwteCasesPage *self,
             guint           position)
{
  adw_leaflet_set_visible_child (self->leaflet, self->workspace_pane);
}

static void
on_filter_changed (LuwteCasesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter);
  LuwteCaseStatus status = (LuwteCaseStatus) (selected - 1);

  if (self->cases == NULL)
    return;
  flush_workspace (self);
  luwte_case_list_set_status (self->cases, selected == 0 ? NULL : &status);
  if (self->search_panel != NULL)
    luwte_search_panel_set_status (self->search_panel, selected == 0 ? NULL : &status);
  show_selected (self);
}

static void
on_sort_changed (LuwteCasesPage *self)
{
  if (self->cases == NULL)
    return;
  flush_workspace (self);
  luwte_case_list_set_sort (self->cases, gtk_drop_down_get_selected (self->sort_choice));
  show_selected (self);
}

static void
on_undo_delete (LuwteCasesPage *self)
{
  luwte_cases_page_undo_delete (self);
}

/**
 * luwte_cases_page_delete_selected:
 *
 * Deletes the case on screen with everything in it, at once; the toast
 * offers to bring it back.
 */
gboolean
luwte_cases_page_delete_selected (LuwteCasesPage *self)
{
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  LuwteCase *kase;

  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), FALSE);

  kase = shown_case (self);
  if (self->store == NULL || kase == NULL)
    return FALSE;
  /* What was typed last is part of what Undo brings back. */
  if (!flush_workspace (self))
    return FALSE;
  removal = luwte_store_remove (self->store, LUWTE_REMOVAL_CASE, kase, 0, &error);
  if (removal == NULL)
    {
      on_save_failed (self, error->message);
      return FALSE;
    }
  g_set_object (&self->deleted, removal);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  luwte_case_list_reload (self->cases);
  show_selected (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  /* TRANSLATORS: %s is the case reference, e.g. OOV-2026-0042 */
  title = g_strdup_printf (_("Case %s deleted"), luwte_removal_get_case_ref (removal));
  /* A whole case, with what it holds on minors: Undo stays on offer
   * until the officer dismisses it. */
  luwte_undo_toast_show_until_dismissed (GTK_WIDGET (self), title, G_CALLBACK (on_undo_delete));
  return TRUE;
}

/* Brings back the case deleted last and shows it. */
gboolean
luwte_cases_page_undo_delete (LuwteCasesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCase) kase = NULL;

  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), FALSE);

  if (self->deleted == NULL || self->store == NULL)
    return FALSE;
  if (!luwte_store_undo_removal (self->store, self->deleted, &error) ||
      (kase = luwte_store_get_case (self->store, luwte_removal_get_case_ref (self->deleted), &error)) == NULL)
    {
      on_save_failed (self, error->message);
      return FALSE;
    }
  g_clear_object (&self->deleted);
  luwte_case_list_reload (self->cases);
  select_position (self, position_of (self, kase));
  return TRUE;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  luwte_cases_page_delete_selected (LUWTE_CASES_PAGE (widget));
}

/* Closing and reopening are the workspace's, as from its status row. */
static void
close_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LuwteCasesPage *self = LUWTE_CASES_PAGE (widget);

  if (self->workspace != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->workspace), "workspace.close", NULL);
}

static void
reopen_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LuwteCasesPage *self = LUWTE_CASES_PAGE (widget);

  if (self->workspace != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->workspace), "workspace.reopen", NULL);
}

/* Says where a file went: the officer sends it on from there. */
static void
show_written (LuwteCasesPage *self,
              GFile          *file)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  /* TRANSLATORS: %s is the file that was written */
  g_autofree char *title = g_strdup_printf (_("Saved as %s"), escaped);

  if (overlay != NULL)
    luwte_accessible_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/**
 * luwte_cases_page_write_report:
 *
 * Writes the report of the case on screen to @file, as PDF.
 */
gboolean
luwte_cases_page_write_report (LuwteCasesPage *self,
                               GFile          *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  LuwteCase *kase;

  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), FALSE);

  kase = shown_case (self);
  if (kase == NULL || self->store == NULL || !flush_workspace (self))
    return FALSE;
  if (path == NULL)
    {
      on_save_failed (self, _("The report can only be saved to a local file."));
      return FALSE;
    }
  if (!luwte_report_write_pdf (self->store, kase, self->card, path, &error))
    {
      on_save_failed (self, error->message);
      return FALSE;
    }
  show_written (self, file);
  return TRUE;
}

static void
on_report_response (GtkNativeDialog *dialog,
                    int              response,
                    LuwteCasesPage  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        luwte_cases_page_write_report (self, file);
    }
  g_object_unref (dialog);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LuwteCasesPage *self = LUWTE_CASES_PAGE (widget);
  LuwteCase *kase = shown_case (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (kase == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Save the Case Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  /* TRANSLATORS: the file name of a case report; %s is the reference */
  name = g_strdup_printf (_("report-%s.pdf"), luwte_case_get_reference (kase));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_report_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LuwteCasesPage *self = LUWTE_CASES_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Words typed: the search's hits take the place of the list until the
 * field is empty again. */
static void
on_search_changed (LuwteCasesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = *text != '\0';

  if (searching || self->search_panel != NULL)
    luwte_search_panel_set_query (ensure_search_panel (self), text);
  if (searching)
    gtk_stack_set_visible_child_name (self->list_stack, "search");
  else
    show_selected (self);
  gtk_widget_set_visible (GTK_WIDGET (self->sort_choice), !searching);
}

static void
on_search_stopped (LuwteCasesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_search_hit (LuwteCasesPage *self,
               const char     *reference)
{
  luwte_cases_page_show_case (self, reference, NULL);
}

static gboolean
searching (LuwteCasesPage *self)
{
  return self->search_panel != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0';
}

/* Down from the search field: into the hits, or the list of cases. */
static gboolean
on_search_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               LuwteCasesPage        *self)
{
  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (searching (self))
    return luwte_search_panel_focus_hits (self->search_panel);
  luwte_cases_page_focus_list (self);
  return GDK_EVENT_STOP;
}

/* Enter in the search field opens the best match. */
static void
on_search_activate (LuwteCasesPage *self)
{
  if (searching (self))
    luwte_search_panel_open_best (self->search_panel, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LuwteCasesPage *self = LUWTE_CASES_PAGE (widget);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

#define DEMO_CASES 12

/* A few made-up cases, for a first look or a training. */
static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LuwteCasesPage *self = LUWTE_CASES_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->card == NULL)
    return;
  if (!luwte_demo_add_cases (self->store, self->card, DEMO_CASES, (guint32) g_random_int (), &error))
    {
      gtk_widget_activate_action (widget, "win.show-problem", "s", error->message);
      return;
    }
  luwte_case_list_reload (self->cases);
  select_position (self, 0);
}

/* Import and export go through the portal-aware native file chooser,
 * the one GTK 4.8 offers (GtkFileDialog is 4.10). */
static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    LuwteCasesPage  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    luwte_cases_page_import_file (self, file, FALSE);
}

static void
on_import_as_new_response (AdwMessageDialog *dialog,
                           const char       *response,
                           LuwteCasesPage   *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_str_equal (response, "import"))
    luwte_cases_page_import_file (self, file, TRUE);
}

/* The same case is here already: importing it again makes a copy, with a
 * reference of its own. Ask, as the command line does with --as-new. */
static void
ask_import_as_new (LuwteCasesPage *self,
                   GFile          *file,
                   const char     *reason)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                                        _("This Case Is Here Already"), NULL));
  g_autofree char *body = g_strdup_printf (_("%s. Import it as a new case, with a reference of its own?"), reason);

  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import as New Case"), NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_as_new_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * luwte_cases_page_import_file:
 * @as_new: give the case a new reference; else a case whose reference is
 *   here already makes the page ask first
 *
 * Imports an exchange file and shows the case; a file that is refused
 * changes nothing, and the user is told why.
 *
 * Returns: %TRUE when the case was imported
 */
gboolean
luwte_cases_page_import_file (LuwteCasesPage *self,
                              GFile          *file,
                              gboolean        as_new)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(LuwteCase) kase = NULL;
  gsize length = 0;

  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), FALSE);

  if (self->store == NULL || self->card == NULL)
    return FALSE;
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_size (info) > 16 * 1024 * 1024)
    {
      g_autofree char *size = g_format_size_full ((guint64) g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: too large: %s, at most 16.0 MiB"), name, size);
    }
  else if (info != NULL && g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    reference = luwte_exchange_import (self->store, self->card, contents, length, as_new, &error);

  if (reference == NULL && g_error_matches (error, LUWTE_EXCHANGE_ERROR, LUWTE_EXCHANGE_ERROR_EXISTS))
    {
      ask_import_as_new (self, file, error->message);
      return FALSE;
    }
  if (reference == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not imported: %s"), name, error->message);
      on_save_failed (self, message);
      return FALSE;
    }

  flush_workspace (self);
  gtk_drop_down_set_selected (self->status_filter, 0);
  kase = luwte_store_get_case (self->store, reference, NULL);
  if (kase != NULL)
    select_position (self, luwte_case_list_case_added (self->cases, kase));
  return TRUE;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LuwteCasesPage *self = LUWTE_CASES_PAGE (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Luwte cases (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  dialog = gtk_file_chooser_native_new (_("Import a Case"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * luwte_cases_page_export_file:
 *
 * Writes the shown case to @file, readable by its owner only.
 */
gboolean
luwte_cases_page_export_file (LuwteCasesPage *self,
                              GFile          *file)
{
  LuwteCase *kase = shown_case (self);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), FALSE);

  if (kase == NULL || !flush_workspace (self))
    return FALSE;
  json = luwte_exchange_export (self->store, kase, &error);
  if (json != NULL)
    stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, &error);
  if (stream == NULL ||
      !g_output_stream_write_all (G_OUTPUT_STREAM (stream), json, strlen (json), NULL, NULL, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The case was not exported: %s"), error->message);
      on_save_failed (self, message);
      return FALSE;
    }
  show_written (self, file);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    LuwteCasesPage  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    luwte_cases_page_export_file (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LuwteCasesPage *self = LUWTE_CASES_PAGE (widget);
  LuwteCase *kase = shown_case (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (kase == NULL)
    {
      on_save_failed (self, _("Choose the case to export first."));
      return;
    }
  name = g_strdup_printf ("%s.json", luwte_case_get_reference (kase));
  dialog = gtk_file_chooser_native_new (_("Export the Case"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_save_failed (LuwteCasesPage *self,
                const char     *message)
{
  /* The window shows it as a toast. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", message);
}

static void
luwte_cases_page_dispose (GObject *object)
{
  LuwteCasesPage *self = (LuwteCasesPage *) object;

  flush_workspace (self);
  self->workspace = NULL;
  g_clear_handle_id (&self->settle_idle, g_source_remove);
  g_clear_object (&self->unset_panel);
  g_clear_handle_id (&self->overdue_idle, g_source_remove);
  G_OBJECT_CLASS (luwte_cases_page_parent_class)->dispose (object);
}

static void
luwte_cases_page_finalize (GObject *object)
{
  LuwteCasesPage *self = (LuwteCasesPage *) object;

  g_clear_object (&self->selection);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->cases);
  g_clear_pointer (&self->bound, g_ptr_array_unref);
  g_clear_pointer (&self->unchecked, g_ptr_array_unref);
  g_clear_object (&self->deleted);
  g_clear_object (&self->store);
  g_clear_object (&self->card);

  G_OBJECT_CLASS (luwte_cases_page_parent_class)->finalize (object);
}

static void
luwte_cases_page_class_init (LuwteCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luwte_cases_page_dispose;
  object_class->finalize = luwte_cases_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/luwte-cases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, list_clamp);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, demo_button);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, workspace_pane);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, list_header);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, sort_choice);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, search_bin);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, case_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, case_list);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, workspace_title);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, workspace_stack);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, failed_page);
  gtk_widget_class_bind_template_child (widget_class, LuwteCasesPage, workspace_bin);

  gtk_widget_class_install_action (widget_class, "cases.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "cases.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "cases.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "cases.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "cases.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "cases.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "cases.close-case", NULL, close_case_action);
  gtk_widget_class_install_action (widget_class, "cases.reopen-case", NULL, reopen_case_action);
  gtk_widget_class_install_action (widget_class, "cases.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "cases.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "cases.back", NULL);
}

/* Side by side the list keeps one width, whatever the case's tab asks
 * for; folded, it is as wide as the window. */
static void
on_folded (LuwteCasesPage *self)
{
  int width = adw_leaflet_get_folded (self->leaflet) ? G_MAXINT / 2 : self->list_width;

  adw_clamp_set_maximum_size (self->list_clamp, width);
  adw_clamp_set_tightening_threshold (self->list_clamp, width);
}

static void
luwte_cases_page_init (LuwteCasesPage *self)
{
  g_autoptr(GtkStringList) filters = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bound = g_ptr_array_new ();
  self->unchecked = g_ptr_array_new ();
  update_case_actions (self);

  gtk_string_list_append (filters, _("All Statuses"));
  for (int s = LUWTE_CASE_STATUS_SIGNAL; s <= LUWTE_CASE_STATUS_CLOSED; s++)
    gtk_string_list_append (filters, luwte_case_status_label ((LuwteCaseStatus) s));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (filters));
  {
    g_autoptr(GtkListItemFactory) items = luwte_string_item_factory_new ();
    gtk_drop_down_set_factory (self->status_filter, items);
  }
  luwte_accessible_name_inner (GTK_WIDGET (self->status_filter), GTK_TYPE_TOGGLE_BUTTON,
                               _("Show cases with status"));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row), self, 0);
  gtk_list_view_set_factory (self->case_list, factory);

  for (LuwteCaseSort sort = LUWTE_CASE_SORT_NEWEST; sort <= LUWTE_CASE_SORT_GATHERING; sort++)
    gtk_string_list_append (sorts, luwte_case_sort_label (sort));
  gtk_drop_down_set_model (self->sort_choice, G_LIST_MODEL (sorts));
  {
    g_autoptr(GtkListItemFactory) items = luwte_string_item_factory_new ();
    gtk_drop_down_set_factory (self->sort_choice, items);
  }
  luwte_accessible_name_inner (GTK_WIDGET (self->sort_choice), GTK_TYPE_TOGGLE_BUTTON, _("Order of the cases"));
  luwte_accessible_name_inner (self->case_menu_button, GTK_TYPE_TOGGLE_BUTTON, _("Case menu"));

  g_signal_connect_object (self->status_filter, "notify::selected", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_choice, "notify::selected", G_CALLBACK (on_sort_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (on_search_stopped), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self, G_CONNECT_SWAPPED);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    /* Before the field's text takes the key. */
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_search_key), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  }
  /* Typing in the case list searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->case_list));
  g_signal_connect_object (self->case_list, "activate", G_CALLBACK (on_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_list, "map", G_CALLBACK (on_list_map), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_list, "realize", G_CALLBACK (on_list_realize), self, G_CONNECT_SWAPPED);
  self->list_width = adw_clamp_get_maximum_size (self->list_clamp);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded), self, G_CONNECT_SWAPPED);
  on_folded (self);
}

/**
 * luwte_cases_page_set_store:
 * @store: (nullable): the open database, or %NULL when it could not be opened
 * @open_error: (nullable): why not, shown in place of the workspace
 */
void
luwte_cases_page_set_store (LuwteCasesPage *self,
                            LuwteStore     *store,
                            const GError   *open_error)
{
  g_return_if_fail (LUWTE_IS_CASES_PAGE (self));

  g_set_object (&self->store, store);
  if (self->workspace != NULL)
    luwte_case_workspace_set_store (self->workspace, store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_filter), store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sort_choice), store != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), store != NULL);

  if (store == NULL)
    {
      /* The description is markup; the message holds paths and SQLite's words. */
      g_autofree char *escaped = open_error != NULL ? g_markup_escape_text (open_error->message, -1) : NULL;

      adw_status_page_set_description (self->failed_page, escaped);
      show_selected (self);
      return;
    }

  if (self->search_panel != NULL)
    luwte_search_panel_set_store (self->search_panel, store);
  g_clear_object (&self->selection);
  g_clear_object (&self->first_rows);
  g_clear_object (&self->cases);
  self->cases = luwte_case_list_new (store);
  self->first_rows = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->cases)), 0,
                                               gtk_widget_get_realized (GTK_WIDGET (self->case_list))
                                                 ? G_MAXUINT : FIRST_SCREEN_ROWS);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->first_rows)));
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  /* Start on the list, not inside a case: the officer picks one. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->case_list, GTK_SELECTION_MODEL (self->selection));
  on_selection_changed (self);
}

/* The window's view switcher, in the list's header bar. */
void
luwte_cases_page_set_title_widget (LuwteCasesPage *self,
                                   GtkWidget      *widget)
{
  g_return_if_fail (LUWTE_IS_CASES_PAGE (self));
  adw_header_bar_set_title_widget (self->list_header, widget);
}

/**
 * luwte_cases_page_new_case:
 *
 * Starts a case, shows it and puts the cursor in its title.
 *
 * Returns: (transfer none) (nullable): the case, or %NULL when it could
 *   not be stored (the user was told)
 */
LuwteCase *
luwte_cases_page_new_case (LuwteCasesPage *self)
{
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), NULL);

  if (self->store == NULL)
    return NULL;
  flush_workspace (self);

  kase = luwte_store_create_case (self->store, "", &error);
  if (kase == NULL)
    {
      on_save_failed (self, error->message);
      return NULL;
    }

  /* A new case is a signal: show all, or signals, so it is in the list. */
  if (gtk_drop_down_get_selected (self->status_filter) > 1)
    gtk_drop_down_set_selected (self->status_filter, 0);
  /* Select the new case where it landed, not whatever is on top. */
  select_position (self, luwte_case_list_case_added (self->cases, kase));
  adw_leaflet_set_visible_child (self->leaflet, self->workspace_pane);
  luwte_case_workspace_focus_title (ensure_workspace (self));

  return luwte_cases_page_get_selected (self);
}

/**
 * luwte_cases_page_show_case:
 * @reference: the case to show
 * @page: (nullable): the workspace page to open, such as "messages"
 *
 * Selects the case, showing all statuses when the filter hides it, and
 * opens it.
 *
 * Returns: %FALSE when it is not there or the case on screen could not
 *   be left (the user was told)
 */
gboolean
luwte_cases_page_show_case (LuwteCasesPage *self,
                            const char     *reference,
                            const char     *page)
{
  g_autoptr(LuwteCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  LuwteCase *selected;
  guint position;

  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;
  kase = luwte_store_get_case (self->store, reference, &error);
  if (kase == NULL)
    {
      on_save_failed (self, error->message);
      return FALSE;
    }
  position = position_of (self, kase);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_drop_down_set_selected (self->status_filter, 0);
      position = position_of (self, kase);
    }
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  select_position (self, position);
  selected = luwte_cases_page_get_selected (self);
  if (selected == NULL || luwte_case_get_id (selected) != luwte_case_get_id (kase))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->case_list), "list.scroll-to-item", "u", position);
  adw_leaflet_set_visible_child (self->leaflet, self->workspace_pane);
  if (page != NULL)
    luwte_case_workspace_show_page (ensure_workspace (self), page);
  return TRUE;
}

/* Returns: (nullable) (transfer none) */
LuwteCase *
luwte_cases_page_get_selected (LuwteCasesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), NULL);
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

gboolean
luwte_cases_page_flush (LuwteCasesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), FALSE);
  return flush_workspace (self);
}

/* Returns: (nullable) (transfer none): the listed cases */
GListModel *
luwte_cases_page_get_model (LuwteCasesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), NULL);
  return self->cases != NULL ? G_LIST_MODEL (self->cases) : NULL;
}

void
luwte_cases_page_set_card (LuwteCasesPage *self,
                           LuwteCard      *card,
                           LuwteLanguage   language)
{
  g_return_if_fail (LUWTE_IS_CASES_PAGE (self));
  g_set_object (&self->card, card);
  self->language = language;
  if (self->workspace != NULL)
    luwte_case_workspace_set_card (self->workspace, card, language);
  if (self->search_panel != NULL)
    luwte_search_panel_set_card (self->search_panel, card, language);
}

/* Returns: (transfer none): the workspace, built now if it was not */
LuwteCaseWorkspace *
luwte_cases_page_get_workspace (LuwteCasesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), NULL);
  return ensure_workspace (self);
}

/* For tests and benchmarks: the list view of the cases, which shows
 * only the first screen of them until the window's first frame */
GtkListView *
luwte_cases_page_get_list_view (LuwteCasesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), NULL);
  return self->case_list;
}

/* For tests: the search field, its hits, and whether a search runs */
GtkEditable *
luwte_cases_page_get_search_entry (LuwteCasesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GListModel *
luwte_cases_page_get_search_hits (LuwteCasesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), NULL);
  return luwte_search_panel_get_hits (ensure_search_panel (self));
}

gboolean
luwte_cases_page_is_searching (LuwteCasesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_CASES_PAGE (self), FALSE);
  return self->search_panel != NULL && luwte_search_panel_is_running (self->search_panel);
}

/* Puts the keyboard focus in the case list. */
void
luwte_cases_page_focus_list (LuwteCasesPage *self)
{
  g_return_if_fail (LUWTE_IS_CASES_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->case_list));
}
